package org.fleettelemetry.fleet;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The fleet's figures, as dashboards read them.
 *
 * @param distanceKm credited distance of the whole fleet
 * @param distanceMiles the same in miles
 * @param co2AvoidedKg CO2 avoided over that distance
 * @param treesEquivalent whole trees absorbing as much CO2
 * @param vehicles active vehicles (registered and not retired)
 * @param retiredVehicles vehicles retired from the fleet; their distance stays in every
 * figure
 * @param reportingVehicles30d vehicles with an accepted report recorded in the last 30
 * days
 * @param reports accepted reports
 * @param lastMilestone the highest fleet milestone reached, or {@code null}
 * @param nextMilestone the next fleet milestone and its forecast, or {@code null}
 * @param asOf when these figures were read
 */
public record FleetSummary(BigDecimal distanceKm, BigDecimal distanceMiles, BigDecimal co2AvoidedKg,
		long treesEquivalent, long vehicles, long retiredVehicles, long reportingVehicles30d, long reports,
		@Nullable LastMilestone lastMilestone, @Nullable NextMilestone nextMilestone, Instant asOf) {

	/**
	 * A milestone reached.
	 *
	 * @param distanceKm its threshold
	 * @param reachedAt when the crossing was committed
	 */
	public record LastMilestone(long distanceKm, Instant reachedAt) {
	}

	/**
	 * The next milestone.
	 *
	 * @param distanceKm its threshold
	 * @param remainingKm distance still to cover
	 * @param projectedAt forecast crossing at the recent pace, or {@code null} without
	 * data
	 */
	public record NextMilestone(long distanceKm, BigDecimal remainingKm, @Nullable Instant projectedAt) {
	}

}
