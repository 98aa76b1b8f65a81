package org.fleettelemetry.fleet;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Supplies the milestone part of the fleet summary; implemented by the milestones module.
 * Without one, the summary's milestone fields are {@code null}.
 */
public interface MilestoneOutlook {

	/**
	 * How many complete UTC days before the current one {@link #next} needs the credited
	 * distance of.
	 */
	int trailingDays();

	/**
	 * A query of at most one row, with the columns {@code threshold_km} (whole km) and
	 * {@code reached_at}: the highest fleet milestone reached. The summary runs it within
	 * its own statement, so that reading the summary is one round trip to the database.
	 */
	String lastReachedQuery();

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
