package org.fleettelemetry.fleet;

/**
 * The fleet's running totals.
 *
 * @param distanceM credited distance in metres
 * @param reports accepted reports
 * @param vehicles active vehicles
 * @param retiredVehicles retired vehicles
 */
public record FleetTotals(long distanceM, long reports, long vehicles, long retiredVehicles) {
}
