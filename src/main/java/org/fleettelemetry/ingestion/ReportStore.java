package org.fleettelemetry.ingestion;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
	 * Locks the rows of the registered vehicles among {@code vins}, in id order so that concurrent
	 * transactions cannot deadlock, and loads their odometers. Every report of a vehicle is judged under
	 * this lock. Unknown VINs are left out.
	 */
	Map<String, VehicleState> lock(Collection<String> vins) {
		Map<Long, VehicleRef> refs = new TreeMap<>();
		Map<Long, Long> distances = new HashMap<>();
		this.jdbc.sql("select id, vin, country, distance_m from vehicles where vin = any(?) order by id for update")
			.param(vins.stream().distinct().toArray(String[]::new))
			.query((ResultSet rs) -> {
				long id = rs.getLong("id");
				refs.put(id, new VehicleRef(id, rs.getString("vin"), rs.getString("country")));
				distances.put(id, rs.getLong("distance_m"));
			});
		// A statement of its own, read once the locks are held: joined to the locking statement, the
		// odometers would come from before a concurrent transaction on the same vehicle committed.
		Map<Long, List<VehicleState.Odometer>> odometers = new HashMap<>();
		this.jdbc.sql("select * from odometers where vehicle_id = any(?) order by vehicle_id, seq")
			.param(refs.keySet().toArray(Long[]::new))
			.query((ResultSet rs) -> {
				odometers.computeIfAbsent(rs.getLong("vehicle_id"), (id) -> new ArrayList<>()).add(odometer(rs));
			});
		Map<String, VehicleState> states = new HashMap<>();
		refs.forEach((id, ref) -> states.put(ref.vin(), new VehicleState(ref, distances.get(id), odometers.get(id))));
		return states;
	}

	private static VehicleState.Odometer odometer(ResultSet rs) throws SQLException {
		return new VehicleState.Odometer(rs.getInt("seq"), instant(rs.getTimestamp("effective_at")),
				(Long) rs.getObject("baseline_m"), rs.getBoolean("baseline_read"), (Long) rs.getObject("high_m"),
				instant(rs.getTimestamp("high_at")));
	}

	/**
	 * Stored reports with these keys, with the metres each credited.
	 */
	Map<ReportKey, Stored> find(Collection<ReportKey> keys) {
		Map<ReportKey, Stored> found = new HashMap<>();
		this.jdbc.sql("""
				select r.* from unnest(?::bigint[], ?::varchar[]) k (vehicle_id, report_id)
				join reports r on r.vehicle_id = k.vehicle_id and r.report_id = k.report_id""")
			.params(keys.stream().map(ReportKey::vehicleId).toArray(Long[]::new),
					keys.stream().map(ReportKey::reportId).toArray(String[]::new))
			.query((ResultSet rs) -> {
				Report report = new Report(rs.getString("report_id"), ReportType.valueOf(rs.getString("type")),
						instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("recorded_at")),
						rs.getLong("odometer_m"), (Long) rs.getObject("distance_m"),
						(Long) rs.getObject("energy_consumed_wh"), (Long) rs.getObject("energy_regenerated_wh"));
				found.put(new ReportKey(rs.getLong("vehicle_id"), report.reportId()),
						new Stored(report, rs.getLong("credited_m")));
			});
		return found;
	}

	/**
	 * The stored reading of an odometer recorded last at or before {@code at}: the highest of them.
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
	 * The stored reading of an odometer recorded first after {@code at}: the lowest of them.
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

	void insertReports(List<Credited> reports, Instant receivedAt) {
		if (reports.isEmpty()) {
			return;
		}
		Columns rows = new Columns(reports.size());
		for (Credited c : reports) {
			Report r = c.report();
			rows.add(c.vehicleId(), r.reportId(), r.type(), c.odometerSeq(), r.startedAt(), r.recordedAt(), r.odometerM(),
					r.distanceM(), r.energyConsumedWh(), r.energyRegeneratedWh(), c.creditedM());
		}
		List<Object> params = new ArrayList<>(List.of(rows.arrays()));
		params.add(0, timestamp(receivedAt));
		this.jdbc.sql("""
				insert into reports (vehicle_id, report_id, type, odometer_seq, started_at, recorded_at, odometer_m,
				    distance_m, energy_consumed_wh, energy_regenerated_wh, credited_m, received_at)
				select *, ? from unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::int[], ?::timestamptz[],
				    ?::timestamptz[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])""")
			.params(params)
			.update();
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

	void updateVehicles(Collection<VehicleState> vehicles) {
		List<VehicleState> changed = vehicles.stream().filter(VehicleState::changed).toList();
		if (changed.isEmpty()) {
			return;
		}
		Columns v = new Columns(changed.size());
		Columns o = new Columns(changed.size());
		for (VehicleState vehicle : changed) {
			v.add(vehicle.ref.id(), vehicle.addedDistanceM, vehicle.addedReports, vehicle.addedTrips,
					vehicle.addedTripDistanceM, vehicle.addedConsumedWh, vehicle.addedRegeneratedWh,
					vehicle.lastReportAt, utcDay(vehicle.lastReportAt));
			for (VehicleState.Odometer odometer : vehicle.odometers) {
				if (odometer.changed) {
					o.add(vehicle.ref.id(), odometer.seq, odometer.baselineM, odometer.baselineRead, odometer.highM,
							odometer.highAt);
				}
			}
		}
		// one statement each, whatever the number of vehicles
		this.jdbc.sql("""
				update vehicles v set distance_m = v.distance_m + d.distance_m, reports = v.reports + d.reports,
				    trips = v.trips + d.trips, trip_distance_m = v.trip_distance_m + d.trip_distance_m,
				    energy_consumed_wh = v.energy_consumed_wh + d.consumed,
				    energy_regenerated_wh = v.energy_regenerated_wh + d.regenerated,
				    last_report_at = greatest(v.last_report_at, d.last_report_at),
				    last_report_day = greatest(v.last_report_day, d.last_report_day)
				from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[],
				    ?::timestamptz[], ?::date[])
				    d (id, distance_m, reports, trips, trip_distance_m, consumed, regenerated, last_report_at, last_report_day)
				where v.id = d.id""")
			.params(v.arrays())
			.update();
		if (o.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				update odometers o set baseline_m = d.baseline_m, baseline_read = d.baseline_read, high_m = d.high_m,
				    high_at = d.high_at
				from unnest(?::bigint[], ?::int[], ?::bigint[], ?::boolean[], ?::bigint[], ?::timestamptz[])
				    d (vehicle_id, seq, baseline_m, baseline_read, high_m, high_at)
				where o.vehicle_id = d.vehicle_id and o.seq = d.seq""")
			.params(o.arrays())
			.update();
	}

	/**
	 * Records which vehicles reported on which days, and returns, per day, how many of them had not
	 * reported on that day before.
	 */
	Map<LocalDate, Integer> markReportingDays(Collection<VehicleDay> vehicleDays) {
		List<VehicleDay> sorted = vehicleDays.stream().sorted().toList();
		Map<LocalDate, Integer> firsts = new TreeMap<>();
		this.jdbc.sql("""
				insert into vehicle_days (vehicle_id, day)
				select * from unnest(?::bigint[], ?::date[]) on conflict do nothing returning day""")
			.params(sorted.stream().map(VehicleDay::vehicleId).toArray(Long[]::new),
					sorted.stream().map((d) -> d.day().toString()).toArray(String[]::new))
			.query((ResultSet rs) -> {
				firsts.merge(rs.getObject("day", LocalDate.class), 1, Integer::sum);
			});
		return firsts;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static LocalDate utcDay(Instant instant) {
		return (instant != null) ? LocalDate.ofInstant(instant, ZoneOffset.UTC) : null;
	}


	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
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

	record VehicleDay(long vehicleId, LocalDate day) implements Comparable<VehicleDay> {

		@Override
		public int compareTo(VehicleDay other) {
			int byVehicle = Long.compare(this.vehicleId, other.vehicleId);
			return (byVehicle != 0) ? byVehicle : this.day.compareTo(other.day);
		}

	}

}
