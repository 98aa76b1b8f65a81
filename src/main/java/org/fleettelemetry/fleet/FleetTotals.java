package org.fleettelemetry.fleet;

/**
 * The fleet's running totals.
 *
 * @param distanceM credited distance in metres
 * @param reports accepted reports
 * @param vehicles registered vehicles
 */
public record FleetTotals(long distanceM, long reports, long vehicles) {
}
