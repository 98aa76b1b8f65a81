package org.fleettelemetry.ingestion;

import org.fleettelemetry.vehicles.VehicleRef;

/**
 * A well-formed report on its way to the ledger.
 *
 * @param vin the VIN it was sent for
 * @param vehicle that vehicle, or {@code null} when no such vehicle is registered
 * @param report the checked report
 * @param json the report as it was sent, kept with it if it is quarantined
 */
record Submission(String vin, VehicleRef vehicle, Report report, String json) {
}
