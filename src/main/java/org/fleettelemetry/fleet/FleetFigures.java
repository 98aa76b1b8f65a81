package org.fleettelemetry.fleet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import org.fleettelemetry.shared.Distances;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the fleet figures from the aggregates: each read costs the same whatever the
 * number of stored reports.
 */
@Service
@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
public class FleetFigures {

	/** The fleet's running totals: the sum of the stripes. */
	private static final String TOTALS = """
			select sum(distance_m) as distance_m, sum(reports) as reports, sum(vehicles) as vehicles,
			       sum(retired_vehicles) as retired_vehicles
			from fleet_totals""";

	/** The fleet's distance by each of its aggregates. */
	private static final String DISTANCES = """
			select (select coalesce(sum(distance_m), 0) from fleet_totals) as totals_m,
			       (select coalesce(sum(distance_m), 0) from fleet_countries) as countries_m,
			       (select coalesce(sum(distance_m), 0) from fleet_daily) as daily_m""";

	/**
	 * The totals, the vehicles whose last report was recorded since {@code :since}, the
	 * metres credited on each of the {@code %1$d} days (a number written into the text)
	 * from {@code :first}, and the last fleet milestone (which the milestones module
	 * records through {@link FleetLedger#milestoneReached}): one statement, so that a
	 * read is one round trip. The vehicles whose last report day is after the day of
	 * {@code :since} are counted per day (V7__last_report_days.sql); only those whose
	 * last report fell on that day itself are looked up, to compare their instant.
	 * <p>
	 * Written so that PostgreSQL plans it once per connection and reuses that generic
	 * plan, instead of planning it for every read (which cost more than running it): the
	 * number of days is part of the text, so the series' length is known, and the
	 * boundary day is a range of one day rather than an equality, whose generic estimate
	 * would be every vehicle once most share their last report day.
	 */
	private static final String SUMMARY = """
			select t.distance_m, t.reports, t.vehicles, t.retired_vehicles,
			       (select coalesce(sum(vehicles), 0) from fleet_last_report_days where day > :sinceDay)
			       + (select count(*) from vehicles
			          where last_report_day >= :sinceDay and last_report_day < :dayAfterSince and last_report_at >= :since)
			           as reporting,
			       array(select coalesce(d.distance_m, 0) from generate_series(0, %1$d - 1) as i
			             left join (select day, sum(distance_m)::bigint as distance_m from fleet_daily
			                        where day >= :first and day < :today group by day) d on d.day = :first::date + i
			             order by i) as trailing,
			       m.threshold_km as last_milestone_km, m.reached_at as last_milestone_at
			from ("""
			+ TOTALS + """
					) t left join fleet_last_milestone m on true""";

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
	 * The fleet's running totals: the sum of the stripes, as committed (plus the caller's
	 * own transaction's, when it has one).
	 */
	public FleetTotals totals() {
		return this.jdbc.sql(TOTALS).query(FleetTotals.class).single();
	}

	/**
	 * The fleet's distance as the totals, the country figures and the daily series each
	 * have it, in one statement. Its cost grows with the days and countries the series
	 * hold (16 stripes each), never with the stored reports. Mandatory: the caller's
	 * transaction decides which snapshot the sums share with its other reads.
	 */
	@Transactional(propagation = Propagation.MANDATORY, readOnly = true)
	public FleetDistances distances() {
		return this.jdbc.sql(DISTANCES).query(FleetDistances.class).single();
	}

	/**
	 * The summary, as committed when it is called, in one statement; without a
	 * {@link MilestoneOutlook}, with no milestones.
	 */
	public FleetSummary summary() {
		Instant now = this.clock.instant();
		MilestoneOutlook outlook = this.milestones.getIfAvailable();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		int days = (outlook != null) ? outlook.trailingDays() : 0;
		Instant since = now.minus(30, ChronoUnit.DAYS);
		LocalDate sinceDay = LocalDate.ofInstant(since, ZoneOffset.UTC);
		SummaryRow figures = this.jdbc.sql(SUMMARY.formatted(days))
			.param("sinceDay", sinceDay)
			.param("dayAfterSince", sinceDay.plusDays(1))
			.param("since", Timestamp.from(since))
			.param("first", today.minusDays(days))
			.param("today", today)
			.query(FleetFigures::summaryRow)
			.single();
		long metres = figures.distanceM();
		return new FleetSummary(Distances.km(metres), Distances.miles(metres), this.co2.avoidedKg(metres),
				this.co2.trees(metres), figures.vehicles(), figures.retiredVehicles(), figures.reporting(),
				figures.reports(), figures.lastMilestone(),
				(outlook != null) ? outlook.next(metres, figures.trailingM(), now) : null, now);
	}

	private static SummaryRow summaryRow(ResultSet rs, int row) throws SQLException {
		Long[] trailing = (Long[]) rs.getArray("trailing").getArray();
		Timestamp reachedAt = rs.getTimestamp("last_milestone_at");
		FleetSummary.LastMilestone last = (reachedAt != null)
				? new FleetSummary.LastMilestone(rs.getLong("last_milestone_km"), reachedAt.toInstant()) : null;
		return new SummaryRow(rs.getLong("distance_m"), rs.getLong("reports"), rs.getLong("vehicles"),
				rs.getLong("retired_vehicles"), rs.getLong("reporting"),
				Arrays.stream(trailing).mapToLong(Long::longValue).toArray(), last);
	}

	/**
	 * One row per day from {@code from} to {@code to} inclusive, days without reports
	 * included.
	 */
	public List<DailyFigures> daily(LocalDate from, LocalDate to) {
		return this.jdbc.sql("""
				select d.day, coalesce(sum(f.distance_m), 0) as distance_m,
				       coalesce(sum(f.reporting_vehicles), 0) as reporting_vehicles
				from (select generate_series(?::date, ?::date, interval '1 day')::date as day) d
				left join fleet_daily f on f.day = d.day
				group by d.day order by d.day""").params(from, to).query((rs, i) -> {
			long metres = rs.getLong("distance_m");
			return new DailyFigures(rs.getObject("day", LocalDate.class), Distances.km(metres),
					this.co2.avoidedKg(metres), rs.getLong("reporting_vehicles"));
		}).list();
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

	/**
	 * What the summary reads in one statement.
	 *
	 * @param trailingM metres credited on each of the days the outlook asked for, oldest
	 * first
	 * @param lastMilestone the highest fleet milestone reached, or {@code null}
	 */
	private record SummaryRow(long distanceM, long reports, long vehicles, long retiredVehicles, long reporting,
			long[] trailingM, FleetSummary.LastMilestone lastMilestone) {
	}

}
