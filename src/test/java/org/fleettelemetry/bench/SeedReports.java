package org.fleettelemetry.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Stores millions of reports straight into the benchmark's database, so that every
 * scenario runs over a large table. They are dated long before the benchmark's readings,
 * read 0 km and credit nothing; the fleet's report count is raised to match them.
 * Arguments: JDBC URL, number of reports per vehicle.
 */
public final class SeedReports {

	private SeedReports() {
	}

	public static void main(String[] args) throws Exception {
		long perVehicle = Long.parseLong(args[1]);
		try (Connection connection = DriverManager.getConnection(args[0], "postgres", "");
				Statement sql = connection.createStatement()) {
			long inserted = sql.executeUpdate(
					"""
							insert into reports (vehicle_id, report_id, type, odometer_seq, recorded_at, odometer_m, credited_m,
							                     received_at)
							select v.id, 'seed-' || g, 'ODOMETER', 0, timestamptz '2010-01-01' + g * interval '1 second', 0, 0, now()
							from generate_series(1, %d) g cross join vehicles v"""
						.formatted(perVehicle));
			sql.executeUpdate("update fleet_totals set reports = reports + " + inserted + " where stripe = 0");
			// as autovacuum would in time: statistics, and a visibility map that spares
			// later vacuums the old rows
			sql.execute("vacuum analyze reports");
			// and the pages the load dirtied written out now, not by checkpoints during
			// the measured runs
			sql.execute("checkpoint");
			System.out.println("SEEDED " + inserted);
		}
	}

}
