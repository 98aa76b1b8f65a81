package org.fleettelemetry.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;

import org.fleettelemetry.shared.Distances;

/**
 * The answer of a reconciliation: the fleet's distance as the summary reports it, and as
 * each of its sources sums to, in km to the metre.
 *
 * @param checkedAt when the sums were read
 * @param ok whether all four are equal
 * @param fleetDistanceKm the fleet's running totals, which the summary reports
 * @param vehiclesDistanceKm the sum of every vehicle's credited distance
 * @param countriesDistanceKm the sum of the country figures
 * @param dailyDistanceKm the sum of the daily series over all time
 * @param driftKm the largest absolute difference from {@code fleetDistanceKm}
 */
record Reconciliation(Instant checkedAt, boolean ok, BigDecimal fleetDistanceKm, BigDecimal vehiclesDistanceKm,
		BigDecimal countriesDistanceKm, BigDecimal dailyDistanceKm, BigDecimal driftKm) {

	static Reconciliation of(Sums sums, Instant checkedAt) {
		return new Reconciliation(checkedAt, sums.ok(), Distances.km(sums.fleetM()), Distances.km(sums.vehiclesM()),
				Distances.km(sums.countriesM()), Distances.km(sums.dailyM()), Distances.km(sums.driftM()));
	}

}
