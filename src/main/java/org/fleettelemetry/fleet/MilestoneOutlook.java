package org.fleettelemetry.fleet;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Supplies the next milestone of the fleet summary, with its forecast; implemented by the
 * milestones module. Without one, the summary's {@code nextMilestone} is {@code null}.
 * (The last milestone reached is the fleet module's own: see
 * {@link FleetLedger#milestoneReached}.)
 */
public interface MilestoneOutlook {

	/**
	 * How many complete UTC days before the current one {@link #next} needs the credited
	 * distance of.
	 */
	int trailingDays();

	/**
	 * The next fleet milestone above {@code fleetDistanceM}, with its forecast, or
	 * {@code null} when none is configured.
	 * @param fleetDistanceM the fleet's credited distance
	 * @param trailingM the metres credited on each of the {@link #trailingDays()}
	 * complete UTC days before the day of {@code now}, oldest first
	 * @param now the time of the forecast
	 */
	FleetSummary.@Nullable NextMilestone next(long fleetDistanceM, long[] trailingM, Instant now);

}
