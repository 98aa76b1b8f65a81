package org.fleettelemetry.fleet;

import java.time.Instant;

/**
 * Supplies the milestone part of the fleet summary; implemented by the milestones module. Without
 * one, the summary's milestone fields are {@code null}.
 */
public interface MilestoneOutlook {

	/**
	 * How many complete UTC days before the current one {@link #next} needs the credited distance of.
	 */
	int trailingDays();

	/**
	 * The highest fleet milestone reached, or {@code null}.
	 */
	FleetSummary.LastMilestone lastReached();

	/**
	 * The next fleet milestone above {@code fleetDistanceM}, with its forecast, or {@code null} when
	 * none is configured.
	 * @param fleetDistanceM the fleet's credited distance
	 * @param trailingM the metres credited on each of the {@link #trailingDays()} complete UTC days
	 * before the day of {@code now}, oldest first
	 * @param now the time of the forecast
	 */
	FleetSummary.NextMilestone next(long fleetDistanceM, long[] trailingM, Instant now);

}
