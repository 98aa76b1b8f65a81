package org.fleettelemetry.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops the oldest monthly slice of reports (and the slice of earlier time before it) as
 * retention does, while the benchmark drives ingestion, and prints how long detaching
 * (the part inserts wait behind) and dropping took. Arguments: JDBC URL, lock timeout in
 * milliseconds.
 */
public final class DropOldestSlice {

	private DropOldestSlice() {
	}

	public static void main(String[] args) throws Exception {
		try (Connection connection = DriverManager.getConnection(args[0], "postgres", "");
				Statement sql = connection.createStatement()) {
			long rows;
			String oldest;
			try (ResultSet rs = sql.executeQuery("""
					select s.name, (select c.reltuples::bigint from pg_class c where c.oid = s.name::regclass)
					from table_slices s where s.parent = 'reports' order by s.starts limit 1""")) {
				rs.next();
				oldest = rs.getString(1);
				rows = rs.getLong(2);
			}
			connection.setAutoCommit(false);
			long started = System.nanoTime();
			sql.execute("set local lock_timeout = '" + args[1] + "ms'");
			List<String> detached = new ArrayList<>();
			try (ResultSet rs = sql.executeQuery("""
					select detach_slices('reports', ends) from table_slices where name = '%s'""".formatted(oldest))) {
				while (rs.next()) {
					detached.add(rs.getString(1));
				}
			}
			connection.commit();
			long detachedAt = System.nanoTime();
			connection.setAutoCommit(true);
			for (String table : detached) {
				sql.execute("drop table \"" + table + "\"");
			}
			long dropped = System.nanoTime();
			System.out.printf("DROPPED %s (about %d reports): detach %.1f ms (inserts wait behind it), drop %.1f ms%n",
					oldest, rows, (detachedAt - started) / 1e6, (dropped - detachedAt) / 1e6);
		}
	}

}
