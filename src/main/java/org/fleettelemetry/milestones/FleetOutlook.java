package org.fleettelemetry.milestones;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.fleettelemetry.fleet.FleetSummary;
import org.fleettelemetry.fleet.MilestoneOutlook;
import org.fleettelemetry.shared.Distances;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The milestone part of the fleet summary: the last fleet milestone, and the next with its forecast
 * from the trailing {@value Forecast#WINDOW_DAYS} complete UTC days of credited distance (by report
 * day). Reads a fixed number of aggregate rows, whatever the number of stored reports.
 */
@Component
class FleetOutlook implements MilestoneOutlook {

	private final Milestones milestones;

	private final MilestoneSettings settings;

	private final JdbcClient jdbc;

	FleetOutlook(Milestones milestones, MilestoneSettings settings, JdbcClient jdbc) {
		this.milestones = milestones;
		this.settings = settings;
		this.jdbc = jdbc;
	}

	@Override
	public FleetSummary.LastMilestone lastReached() {
		return this.milestones.lastFleetMilestone();
	}

	@Override
	public FleetSummary.NextMilestone next(long fleetDistanceM, Instant now) {
		Long km = Thresholds.next(this.settings.fleetKm(), fleetDistanceM);
		if (km == null) {
			return null;
		}
		long remainingM = km * 1000 - fleetDistanceM;
		LocalDate first = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(Forecast.WINDOW_DAYS);
		Instant windowStart = first.atStartOfDay(ZoneOffset.UTC).toInstant();
		return new FleetSummary.NextMilestone(km, Distances.km(remainingM),
				Forecast.projectedAt(dailyDistances(first), windowStart, now, remainingM));
	}

	/**
	 * Metres credited on each of the {@value Forecast#WINDOW_DAYS} days from {@code first}, summed over
	 * the stripes; days without reports are zeros.
	 */
	private long[] dailyDistances(LocalDate first) {
		long[] daily = new long[Forecast.WINDOW_DAYS];
		this.jdbc.sql("""
				select day, sum(distance_m) as distance_m from fleet_daily
				where day >= ? and day < ? group by day""")
			.params(first, first.plusDays(Forecast.WINDOW_DAYS))
			.query((ResultSet rs) -> {
				int index = (int) ChronoUnit.DAYS.between(first, rs.getObject("day", LocalDate.class));
				daily[index] = rs.getLong("distance_m");
			});
		return daily;
	}

}
