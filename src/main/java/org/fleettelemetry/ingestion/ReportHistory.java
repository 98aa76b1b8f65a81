package org.fleettelemetry.ingestion;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.fleettelemetry.shared.Cursor;
import org.fleettelemetry.shared.DayRange;
import org.fleettelemetry.shared.Distances;
import org.fleettelemetry.shared.FleetException;
import org.fleettelemetry.shared.Page;
import org.fleettelemetry.vehicles.Vehicles;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A vehicle's accepted reports as keyset pages, the latest {@code recordedAt} first. The
 * reports are read through the index crediting keeps for its own look-ups, (vehicle,
 * odometer, recordedAt, reading): once per odometer of the vehicle (a handful at most),
 * each scan stopping after a page, and the scans merged. A page costs the same however
 * many reports the vehicle has stored, and no index is added to the busiest table for it.
 * It reads every slice of reports, and keeps its plan as crediting's look-up of stored
 * reports does.
 */
@Service
class ReportHistory {

	private static final String ORDER = "recordedAt";

	/**
	 * Planning the page over every slice costs more than reading it (0.75 ms against 0.45
	 * ms with eight slices, at 100 million reports): the page keeps one generic plan,
	 * with sequential scans off, once it is safe to, as crediting's look-up does. Until
	 * then it is left to PostgreSQL's own choice, which was measured to plan it afresh
	 * each time (forcing that instead cost 30% of the page's rate under load,
	 * unexplained).
	 */
	private static final String KEEP_PLAN = """
			select set_config('plan_cache_mode', 'force_generic_plan', true), set_config('enable_seqscan', 'off', true)
			where this_months_slice_analyzed('reports')""";

	static final String PAGE = """
			select r.report_id, r.type, r.started_at, r.recorded_at, r.odometer_m, r.credited_m, r.distance_m,
			       r.energy_consumed_wh, r.energy_regenerated_wh, r.received_at
			from vehicles v
			join odometers o on o.vehicle_id = v.id
			cross join lateral (
			    select * from reports r
			    where r.vehicle_id = o.vehicle_id and r.odometer_seq = o.seq
			      and r.recorded_at >= coalesce(cast(:from as timestamptz), '-infinity')
			      and (r.recorded_at, r.odometer_m, r.report_id)
			          < (coalesce(cast(:at as timestamptz), 'infinity'), cast(:reading as bigint), cast(:reportId as varchar))
			    order by r.recorded_at desc, r.odometer_m desc, r.report_id desc
			    limit :size) r
			where v.vin = :vin
			order by r.recorded_at desc, r.odometer_m desc, r.report_id desc
			limit :size""";

	private final JdbcClient jdbc;

	private final Vehicles vehicles;

	ReportHistory(JdbcClient jdbc, Vehicles vehicles) {
		this.jdbc = jdbc;
		this.vehicles = vehicles;
	}

	/**
	 * The page after {@code cursor} (the first without one) of the vehicle's reports
	 * recorded from the day {@code from} to the day {@code to}, both included (UTC).
	 */
	@Transactional(readOnly = true)
	Page<AcceptedReport> page(String vin, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable String cursor,
			int size) {
		if (from != null && to != null && from.isAfter(to)) {
			throw FleetException.invalidField("from", "must not be after to");
		}
		Before before = Before.of((cursor != null) ? Cursor.decode(cursor, ORDER, 3) : null, to);
		this.jdbc.sql(KEEP_PLAN).query().listOfRows();
		List<AcceptedReport> found = this.jdbc.sql(PAGE)
			.param("vin", vin)
			.param("from", (from != null) ? Timestamp.from(DayRange.startOf(from)) : null)
			.param("at", (before.at() != null) ? Timestamp.from(before.at()) : null)
			.param("reading", before.reading())
			.param("reportId", before.reportId())
			.param("size", size + 1)
			.query(ReportHistory::report)
			.list();
		if (found.isEmpty() && !this.vehicles.exists(vin)) {
			throw FleetException.vehicleNotFound(vin);
		}
		return Page.of(found, size, Function.identity(), ReportHistory::cursorAfter);
	}

	/**
	 * Where a page ends, going back in time: before the cursor's report, or before the
	 * day after {@code to}, whichever comes first; {@code at} is {@code null} for no end.
	 * One bound in one row comparison, so that the index scan starts right at it (a
	 * second bound on recordedAt would leave PostgreSQL to start from the latest report
	 * and skip to it).
	 */
	record Before(@Nullable Instant at, long reading, String reportId) {

		static Before of(@Nullable Cursor cursor, @Nullable LocalDate to) {
			Before end = (to != null) ? new Before(DayRange.startOf(to.plusDays(1)), Long.MIN_VALUE, "")
					: new Before(null, Long.MAX_VALUE, "");
			if (cursor == null) {
				return end;
			}
			Instant at = cursor.instant(0);
			return (end.at() != null && !at.isBefore(end.at())) ? end : new Before(at, cursor.number(1), cursor.key(2));
		}

	}

	private static Cursor cursorAfter(AcceptedReport last) {
		return new Cursor(ORDER, List.of(last.recordedAt().toString(),
				String.valueOf(Distances.thousandths(last.odometerKm())), last.reportId()));
	}

	private static AcceptedReport report(ResultSet rs, int row) throws SQLException {
		return new AcceptedReport(rs.getString("report_id"), ReportType.valueOf(rs.getString("type")),
				instant(rs.getTimestamp("started_at")), rs.getTimestamp("recorded_at").toInstant(),
				Distances.km(rs.getLong("odometer_m")), Distances.km(rs.getLong("credited_m")),
				Distances.kmOrNull(rs.getObject("distance_m", Long.class)),
				Distances.kmOrNull(rs.getObject("energy_consumed_wh", Long.class)),
				Distances.kmOrNull(rs.getObject("energy_regenerated_wh", Long.class)),
				rs.getTimestamp("received_at").toInstant());
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
