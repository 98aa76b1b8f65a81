package org.fleettelemetry.milestones;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.fleettelemetry.fleet.FleetSummary;
import org.fleettelemetry.fleet.MilestoneOutlook;
import org.fleettelemetry.shared.Distances;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The next fleet milestone of the summary, with its forecast from the trailing
 * {@value Forecast#WINDOW_DAYS} complete UTC days of credited distance (by report day),
 * which the fleet module reads with its totals in one statement, whatever the number of
 * stored reports.
 */
@Component
class FleetOutlook implements MilestoneOutlook {

	private final MilestoneSettings settings;

	FleetOutlook(MilestoneSettings settings) {
		this.settings = settings;
	}

	@Override
	public int trailingDays() {
		return Forecast.WINDOW_DAYS;
	}

	@Override
	public FleetSummary.@Nullable NextMilestone next(long fleetDistanceM, long[] trailingM, Instant now) {
		Long km = Thresholds.next(this.settings.fleetKm(), fleetDistanceM);
		if (km == null) {
			return null;
		}
		long remainingM = km * 1000 - fleetDistanceM;
		Instant windowStart = LocalDate.ofInstant(now, ZoneOffset.UTC)
			.minusDays(trailingM.length)
			.atStartOfDay(ZoneOffset.UTC)
			.toInstant();
		return new FleetSummary.NextMilestone(km, Distances.km(remainingM),
				Forecast.projectedAt(trailingM, windowStart, now, remainingM));
	}

}
