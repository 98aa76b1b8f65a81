package org.fleettelemetry.fleet;

import java.time.Instant;

/**
 * Supplies the milestone part of the fleet summary; implemented by the milestones module. Without
 * one, the summary's milestone fields are {@code null}.
 */
public interface MilestoneOutlook {

	/**
	 * The highest fleet milestone reached, or {@code null}.
	 */
	FleetSummary.LastMilestone lastReached();

	/**
	 * The next fleet milestone above {@code fleetDistanceM}, with its forecast, or {@code null} when
	 * none is configured.
	 */
	FleetSummary.NextMilestone next(long fleetDistanceM, Instant now);

}
