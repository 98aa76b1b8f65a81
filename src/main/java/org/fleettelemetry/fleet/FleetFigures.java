package org.fleettelemetry.fleet;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.fleettelemetry.shared.Distances;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the fleet figures from the aggregates: each read costs the same whatever the number of stored
 * reports.
 */
@Service
@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
public class FleetFigures {

	private final JdbcClient jdbc;

	private final Co2 co2;

	private final ObjectProvider<MilestoneOutlook> milestones;

	private final Clock clock;

	FleetFigures(JdbcClient jdbc, Co2 co2, ObjectProvider<MilestoneOutlook> milestones, Clock clock) {
		this.jdbc = jdbc;
		this.co2 = co2;
		this.milestones = milestones;
		this.clock = clock;
	}

	/**
	 * The fleet's running totals: the sum of the stripes, as committed (plus the caller's own
	 * transaction's, when it has one).
	 */
	public FleetTotals totals() {
		return this.jdbc
			.sql("select sum(distance_m) as distance_m, sum(reports) as reports, sum(vehicles) as vehicles from fleet_totals")
			.query(FleetTotals.class)
			.single();
	}

	public FleetSummary summary() {
		Instant now = this.clock.instant();
		FleetTotals totals = totals();
		Instant since = now.minus(30, ChronoUnit.DAYS);
		// the day narrows the search on its index; the instant decides
		long reporting = this.jdbc
			.sql("select count(*) from vehicles where last_report_day >= ? and last_report_at >= ?")
			.params(LocalDate.ofInstant(since, ZoneOffset.UTC), java.sql.Timestamp.from(since))
			.query(Long.class)
			.single();
		MilestoneOutlook outlook = this.milestones.getIfAvailable();
		long metres = totals.distanceM();
		return new FleetSummary(Distances.km(metres), Distances.miles(metres), this.co2.avoidedKg(metres),
				this.co2.trees(metres), totals.vehicles(), reporting, totals.reports(),
				(outlook != null) ? outlook.lastReached() : null, (outlook != null) ? outlook.next(metres, now) : null,
				now);
	}

	/**
	 * One row per day from {@code from} to {@code to} inclusive, days without reports included.
	 */
	public List<DailyFigures> daily(LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				select d.day, coalesce(sum(f.distance_m), 0) as distance_m,
				       coalesce(sum(f.reporting_vehicles), 0) as reporting_vehicles
				from (select generate_series(?::date, ?::date, interval '1 day')::date as day) d
				left join fleet_daily f on f.day = d.day
				group by d.day order by d.day""")
			.params(from, to)
			.query((rs, i) -> {
				long metres = rs.getLong("distance_m");
				return new DailyFigures(rs.getObject("day", LocalDate.class), Distances.km(metres),
						this.co2.avoidedKg(metres), rs.getLong("reporting_vehicles"));
			})
			.list();
	}

	public List<CountryFigures> countries() {
		return this.jdbc.sql("""
				select country, sum(vehicles) as vehicles, sum(distance_m) as distance_m
				from fleet_countries group by country order by country""").query((rs, i) -> {
			long metres = rs.getLong("distance_m");
			return new CountryFigures(rs.getString("country"), rs.getLong("vehicles"), Distances.km(metres),
					this.co2.avoidedKg(metres));
		}).list();
	}

}
