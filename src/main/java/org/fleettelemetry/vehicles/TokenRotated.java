package org.fleettelemetry.vehicles;

/**
 * A vehicle's token was replaced: the old one must stop working.
 *
 * @param vin the vehicle
 */
public record TokenRotated(String vin) {
}
