package org.fleettelemetry.ingestion;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.fleettelemetry.vehicles.VehicleRef;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of crediting: locks, look-ups and the set-based writes of one transaction.
 */
@Repository
class ReportStore {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	ReportStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * Three queries sent together, in one round trip: the first locks the rows of the
	 * registered vehicles among the VINs, in id order so that concurrent transactions
	 * cannot deadlock; the others read, once those locks are held, their odometers and
	 * the stored reports with the given ids. Each statement reads its own snapshot, taken
	 * when it starts, so the last two see every transaction that held one of those locks
	 * before. (Joined to the locking statement, the odometers would come from before a
	 * concurrent transaction on the same vehicle committed.) The odometers are found by
	 * vehicle id on their primary key, whatever the size of the tables: joined to the
	 * vehicles instead, a fleet of a few thousand got a hash join over every odometer,
	 * several times the cost.
	 * <p>
	 * The look-up of stored reports probes every slice (a reportId may have been sent
	 * with any recordedAt), and planning it for its ids costs more than running it: with
	 * eight slices, 1.8-2.0 ms a transaction against 0.8-1.0 ms for a generic plan kept
	 * on the server (pgjdbc prepares a statement there from its fifth use). So it keeps
	 * one once {@code this_months_slice_analyzed} (V19), and is planned for its ids each
	 * time until then: PostgreSQL's own choice kept a plan made while this month's slice
	 * was empty, which read the slice whole, or a vehicle's month, for every report as it
	 * filled (a bench/run fell from 3,000 to 757 reports/s so). Sequential scans are off
	 * for it, or an empty slice would be scanned, and go on being scanned as it fills.
	 * Both settings are local to the transaction and reset after the query. Each id is
	 * looked up on its own ({@code lateral ... limit 1}: a reportId is one report of its
	 * vehicle), so that no plan can read a slice once for all the ids, and each slice is
	 * probed on both columns of its key. PlansOverSlicesIntegrationTests shows each part.
	 */
	private static final String LOAD = """
			select id, vin, country, distance_m, retired_at from vehicles where vin = any(?::varchar[]) order by id for update;
			select * from odometers
			where vehicle_id = any(array(select id from vehicles where vin = any(?::varchar[])))
			order by vehicle_id, seq;
			select set_config('plan_cache_mode',
			       case when this_months_slice_analyzed('reports') then 'force_generic_plan' else 'force_custom_plan' end,
			       true);
			set local enable_seqscan = off;
			select r.* from unnest(?::varchar[], ?::varchar[]) k (vin, report_id)
			join vehicles v on v.vin = k.vin
			cross join lateral (select * from reports r where r.vehicle_id = v.id and r.report_id = k.report_id limit 1) r;
			set local plan_cache_mode = default;
			set local enable_seqscan = default""";

	/**
	 * Locks the registered vehicles of the submissions (unknown VINs are left out) and
	 * loads, under those locks, their odometers and the stored reports that have the
	 * submissions' ids, in one round trip. Every report of a vehicle is judged under this
	 * lock.
	 */
	Loaded load(List<Submission> submissions) {
		String[] vins = submissions.stream().map(Submission::vin).distinct().toArray(String[]::new);
		String[] keyVins = submissions.stream().map(Submission::vin).toArray(String[]::new);
		String[] keyIds = submissions.stream().map((s) -> s.report().reportId()).toArray(String[]::new);
		return this.template.execute(LOAD, (PreparedStatement statement) -> {
			statement.setObject(1, vins);
			statement.setObject(2, vins);
			statement.setObject(3, keyVins);
			statement.setObject(4, keyIds);
			statement.execute();
			Map<Long, VehicleRef> refs = new TreeMap<>();
			Map<Long, Long> distances = new HashMap<>();
			Map<Long, Instant> retired = new HashMap<>();
			try (ResultSet rs = statement.getResultSet()) {
				while (rs.next()) {
					long id = rs.getLong("id");
					refs.put(id, new VehicleRef(id, rs.getString("vin"), rs.getString("country")));
					distances.put(id, rs.getLong("distance_m"));
					Instant retiredAt = instant(rs.getTimestamp("retired_at"));
					if (retiredAt != null) {
						retired.put(id, retiredAt);
					}
				}
			}
			Map<Long, List<VehicleState.Odometer>> odometers = new HashMap<>();
			try (ResultSet rs = nextResultSet(statement)) {
				while (rs.next()) {
					odometers.computeIfAbsent(rs.getLong("vehicle_id"), (id) -> new ArrayList<>()).add(odometer(rs));
				}
			}
			// the plan cache mode chosen
			nextResultSet(statement).close();
			Map<ReportKey, Stored> stored = new HashMap<>();
			try (ResultSet rs = nextResultSet(statement)) {
				while (rs.next()) {
					Report report = report(rs);
					stored.put(new ReportKey(rs.getLong("vehicle_id"), report.reportId()),
							new Stored(report, rs.getLong("credited_m")));
				}
			}
			Map<String, VehicleState> vehicles = new HashMap<>();
			refs.forEach((id, ref) -> {
				VehicleState vehicle = new VehicleState(ref, distances.get(id), odometers.get(id));
				vehicle.retiredAt = retired.get(id);
				vehicles.put(ref.vin(), vehicle);
			});
			return new Loaded(vehicles, stored);
		});
	}

	/**
	 * The next result set of a statement of several, past the update counts of the
	 * {@code set} statements between its queries.
	 */
	private static ResultSet nextResultSet(PreparedStatement statement) throws SQLException {
		while (!statement.getMoreResults()) {
			if (statement.getUpdateCount() == -1) {
				throw new IllegalStateException("The statement returned fewer result sets than it has queries");
			}
		}
		return statement.getResultSet();
	}

	private static VehicleState.Odometer odometer(ResultSet rs) throws SQLException {
		return new VehicleState.Odometer(rs.getInt("seq"), instant(rs.getTimestamp("effective_at")),
				(Long) rs.getObject("baseline_m"), rs.getBoolean("baseline_read"), (Long) rs.getObject("high_m"),
				instant(rs.getTimestamp("high_at")));
	}

	private static Report report(ResultSet rs) throws SQLException {
		return new Report(rs.getString("report_id"), ReportType.valueOf(rs.getString("type")),
				instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("recorded_at")),
				rs.getLong("odometer_m"), (Long) rs.getObject("distance_m"), (Long) rs.getObject("energy_consumed_wh"),
				(Long) rs.getObject("energy_regenerated_wh"));
	}

	/**
	 * The stored reading of an odometer recorded last at or before {@code at}: the
	 * highest of them.
	 */
	Optional<Reading> before(long vehicleId, int seq, Instant at) {
		return this.jdbc.sql("""
				select recorded_at, odometer_m from reports
				where vehicle_id = ? and odometer_seq = ? and recorded_at <= ?
				order by recorded_at desc, odometer_m desc limit 1""")
			.params(vehicleId, seq, Timestamp.from(at))
			.query(ReportStore::reading)
			.optional();
	}

	/**
	 * The stored reading of an odometer recorded first after {@code at}: the lowest of
	 * them.
	 */
	Optional<Reading> after(long vehicleId, int seq, Instant at) {
		return this.jdbc.sql("""
				select recorded_at, odometer_m from reports
				where vehicle_id = ? and odometer_seq = ? and recorded_at > ?
				order by recorded_at, odometer_m limit 1""")
			.params(vehicleId, seq, Timestamp.from(at))
			.query(ReportStore::reading)
			.optional();
	}

	private static Reading reading(ResultSet rs, int row) throws SQLException {
		return new Reading(rs.getTimestamp("recorded_at").toInstant(), rs.getLong("odometer_m"));
	}

	void insertAnomalies(List<Anomaly> anomalies, Instant receivedAt) {
		if (anomalies.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>(anomalies.size());
		for (Anomaly a : anomalies) {
			rows.add(new Object[] { a.vin(), a.reportId(), a.code().name(), a.detail(), a.reportJson(),
					timestamp(receivedAt) });
		}
		this.template.batchUpdate("""
				insert into anomalies (vin, report_id, code, detail, report, received_at)
				values (?, ?, ?, ?, ?::jsonb, ?)""", rows);
	}

	/**
	 * Writes what a transaction credited, in one statement: the reports, each changed
	 * vehicle's running figures and odometers, and which vehicles reported on which days.
	 * Returns, per day, how many vehicles had not reported on that day before. Every row
	 * written belongs to a vehicle this transaction has locked, so the parts cannot
	 * conflict with another transaction's.
	 */
	Map<LocalDate, Integer> write(List<Credited> reports, Collection<VehicleState> vehicles,
			Collection<VehicleDay> vehicleDays, Instant receivedAt) {
		List<Object> params = new ArrayList<>();
		params.add(timestamp(receivedAt));
		params.addAll(List.of(reportColumns(reports)));
		params.addAll(List.of(vehicleColumns(vehicles)));
		Object[] odometers = odometerColumns(vehicles);
		params.addAll(List.of(odometers));
		params.add(odometers[0]);
		Columns days = new Columns(2, vehicleDays.size());
		vehicleDays.forEach((d) -> days.add(d.vehicleId(), d.day()));
		params.addAll(List.of(days.arrays()));
		Map<LocalDate, Integer> firsts = new TreeMap<>();
		this.jdbc
			.sql("""
					with credited as (
					    insert into reports (received_at, vehicle_id, report_id, type, odometer_seq, started_at, recorded_at,
					        odometer_m, distance_m, energy_consumed_wh, energy_regenerated_wh, credited_m)
					    select ?, * from unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::int[], ?::timestamptz[],
					        ?::timestamptz[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])
					), vehicle_figures as (
					    update vehicles v set distance_m = v.distance_m + d.distance_m, reports = v.reports + d.reports,
					        trips = v.trips + d.trips, trip_distance_m = v.trip_distance_m + d.trip_distance_m,
					        energy_consumed_wh = v.energy_consumed_wh + d.consumed,
					        energy_regenerated_wh = v.energy_regenerated_wh + d.regenerated,
					        last_report_at = greatest(v.last_report_at, d.last_report_at),
					        last_report_day = greatest(v.last_report_day, (d.last_report_at at time zone 'UTC')::date)
					    from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[],
					        ?::timestamptz[])
					        d (id, distance_m, reports, trips, trip_distance_m, consumed, regenerated, last_report_at)
					    where v.id = d.id
					), odometer_figures as (
					    update odometers o set baseline_m = d.baseline_m, baseline_read = d.baseline_read, high_m = d.high_m,
					        high_at = d.high_at
					    from unnest(?::bigint[], ?::int[], ?::bigint[], ?::boolean[], ?::bigint[], ?::timestamptz[])
					        d (vehicle_id, seq, baseline_m, baseline_read, high_m, high_at)
					    -- the redundant any() keeps the plan on the primary key, however few odometers the table has
					    where o.vehicle_id = d.vehicle_id and o.seq = d.seq and o.vehicle_id = any(?::bigint[])
					)
					insert into vehicle_days (vehicle_id, day)
					select * from unnest(?::bigint[], ?::date[]) on conflict do nothing returning day""")
			.params(params)
			.query((ResultSet rs) -> {
				firsts.merge(rs.getObject("day", LocalDate.class), 1, Integer::sum);
			});
		return firsts;
	}

	private static Object[] reportColumns(List<Credited> reports) {
		Columns rows = new Columns(11, reports.size());
		for (Credited c : reports) {
			Report r = c.report();
			rows.add(c.vehicleId(), r.reportId(), r.type(), c.odometerSeq(), r.startedAt(), r.recordedAt(),
					r.odometerM(), r.distanceM(), r.energyConsumedWh(), r.energyRegeneratedWh(), c.creditedM());
		}
		return rows.arrays();
	}

	private static Object[] vehicleColumns(Collection<VehicleState> vehicles) {
		Columns rows = new Columns(8, vehicles.size());
		for (VehicleState v : vehicles) {
			if (v.changed()) {
				Tally added = v.added;
				rows.add(v.ref.id(), added.distanceM, added.reports, added.trips, added.tripDistanceM, added.consumedWh,
						added.regeneratedWh, v.lastReportAt);
			}
		}
		return rows.arrays();
	}

	private static Object[] odometerColumns(Collection<VehicleState> vehicles) {
		Columns rows = new Columns(6, vehicles.size());
		for (VehicleState v : vehicles) {
			for (VehicleState.Odometer o : v.odometers) {
				if (o.changed) {
					rows.add(v.ref.id(), o.seq, o.baselineM, o.baselineRead, o.highM, o.highAt);
				}
			}
		}
		return rows.arrays();
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	/**
	 * @param vehicles the locked vehicles by VIN
	 * @param stored the stored reports among those submitted, by vehicle and report id
	 */
	record Loaded(Map<String, VehicleState> vehicles, Map<ReportKey, Stored> stored) {
	}

	record ReportKey(long vehicleId, String reportId) {
	}

	record Stored(Report report, long creditedM) {
	}

	record Credited(long vehicleId, int odometerSeq, Report report, long creditedM) {
	}

	record Anomaly(String vin, String reportId, org.fleettelemetry.shared.ErrorCode code, String detail,
			String reportJson) {
	}

	record VehicleDay(long vehicleId, LocalDate day) {
	}

}
