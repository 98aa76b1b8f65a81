package org.fleettelemetry.vehicles;

/**
 * A registered vehicle, as other modules refer to it.
 *
 * @param id its database key
 * @param vin its VIN
 * @param country the country it drives in
 */
public record VehicleRef(long id, String vin, String country) {
}
