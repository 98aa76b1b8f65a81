package org.fleettelemetry.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Stores millions of reports straight into the benchmark's database, so that every
 * scenario runs over a large table. They read 0 km and credit nothing; the fleet's report
 * count is raised to match them. Arguments: JDBC URL, number of reports per vehicle, and
 * optionally a number of months: without it (or with 0) the reports are dated long before
 * the benchmark's readings, in the slice of all earlier time; with it they are spread
 * evenly over that many months before the current one, each month in its slice, as a
 * service that has run that long holds them.
 * <p>
 * Months are loaded as the database restores a dump: each slice is filled as a table of
 * its own, then given its keys and index (a sort each, far cheaper than a hundred million
 * index insertions), then attached. The slice of earlier time, empty on a fresh benchmark
 * database, is made again to end where the first seeded month starts.
 */
public final class SeedReports {

	private static final String COLUMNS = """
			(vehicle_id, report_id, type, odometer_seq, recorded_at, odometer_m, credited_m, received_at)""";

	private SeedReports() {
	}

	public static void main(String[] args) throws Exception {
		long perVehicle = Long.parseLong(args[1]);
		int months = (args.length > 2) ? Integer.parseInt(args[2]) : 0;
		long started = System.nanoTime();
		try (Connection connection = DriverManager.getConnection(args[0], "postgres", "");
				Statement sql = connection.createStatement()) {
			long inserted = (months > 0) ? seedMonths(sql, perVehicle, months) : seedEarlier(sql, perVehicle);
			sql.executeUpdate("update fleet_totals set reports = reports + " + inserted + " where stripe = 0");
			// as autovacuum would in time: statistics, and a visibility map that spares
			// later vacuums the old rows
			sql.execute("vacuum analyze reports");
			// and the pages the load dirtied written out now, not by checkpoints during
			// the measured runs
			sql.execute("checkpoint");
			System.out.printf("SEEDED %d in %.0f s%s%n", inserted, (System.nanoTime() - started) / 1e9, (inserted > 0)
					? "; %.1f bytes per stored report (tables and indexes)".formatted(bytesPerReport(sql)) : "");
		}
	}

	private static long seedEarlier(Statement sql, long perVehicle) throws SQLException {
		return sql.executeUpdate(
				"""
						insert into reports %s
						select v.id, 'seed-' || g, 'ODOMETER', 0, timestamptz '2010-01-01' + g * interval '1 second', 0, 0, now()
						from generate_series(1, %d) g cross join vehicles v"""
					.formatted(COLUMNS, perVehicle));
	}

	private static long seedMonths(Statement sql, long perVehicle, int months) throws SQLException {
		LocalDate first = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(months);
		long perMonth = perVehicle / months;
		long inserted = 0;
		sql.execute("set maintenance_work_mem = '1GB'");
		connectionAutoCommit(sql, false);
		sql.execute("lock table reports in access exclusive mode");
		try (ResultSet rs = sql.executeQuery("select exists (select 1 from reports_older)")) {
			rs.next();
			if (rs.getBoolean(1)) {
				throw new IllegalStateException("The slice of earlier time holds reports: seed a fresh database");
			}
		}
		sql.execute("alter table reports detach partition reports_older");
		sql.execute("drop table reports_older");
		for (int m = 0; m < months; m++) {
			LocalDate month = first.plusMonths(m);
			String slice = "reports_%d_%02d".formatted(month.getYear(), month.getMonthValue());
			long seconds = month.plusMonths(1).toEpochDay() * 86400 - month.toEpochDay() * 86400;
			sql.execute("create table %s (like reports including defaults including constraints)".formatted(slice));
			inserted += sql.executeUpdate("""
					insert into %s %s
					select v.id, 'seed-%d-' || g, 'ODOMETER', 0,
					       timestamptz '%sT00:00:00Z' + (g - 1)::bigint * %d * interval '1 second' / %d, 0, 0, now()
					from generate_series(1, %d) g cross join vehicles v""".formatted(slice, COLUMNS, m, month, seconds,
					perMonth, perMonth));
			sql.execute("alter table %s add primary key (vehicle_id, report_id)".formatted(slice));
			sql.execute("create index %s_by_reading_time on %s (vehicle_id, odometer_seq, recorded_at, odometer_m)"
				.formatted(slice, slice));
			sql.execute("alter table reports attach partition %s for values from ('%sT00:00:00Z') to ('%sT00:00:00Z')"
				.formatted(slice, month, month.plusMonths(1)));
			System.out.printf("seeded %s%n", slice);
		}
		sql.execute("select create_slice('reports', 'reports_older', null, '%sT00:00:00Z')".formatted(first));
		sql.getConnection().commit();
		connectionAutoCommit(sql, true);
		return inserted;
	}

	private static void connectionAutoCommit(Statement sql, boolean on) throws SQLException {
		sql.getConnection().setAutoCommit(on);
	}

	private static double bytesPerReport(Statement sql) throws SQLException {
		try (ResultSet rs = sql.executeQuery("""
				select sum(pg_total_relation_size(i.inhrelid))::float8 / greatest(1, (select count(*) from reports))
				from pg_inherits i where i.inhparent = 'reports'::regclass""")) {
			rs.next();
			return rs.getDouble(1);
		}
	}

}
