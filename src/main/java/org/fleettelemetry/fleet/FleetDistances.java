package org.fleettelemetry.fleet;

/**
 * The fleet's credited distance as each of its aggregates has it, summed over their
 * stripes: crediting adds every metre to all three in one transaction, so they are equal
 * in any one snapshot.
 *
 * @param totalsM the running totals, which the summary reports, in metres
 * @param countriesM the country figures over every country, in metres
 * @param dailyM the daily series over all time, in metres
 */
public record FleetDistances(long totalsM, long countriesM, long dailyM) {
}
