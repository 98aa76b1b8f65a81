package org.fleettelemetry.ingestion;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.fleettelemetry.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * V15 turns the reports table of a running service into the slice of all time before its
 * first month, as it is: no report lost, none copied, none credited again, and the
 * one-report-per-id rule still enforced on the reports it holds. V18 does the same for
 * the anomalies, their ids, reviews and open count.
 */
class ReportSlicesMigrationTests {

	@Test
	void anExistingReportsTableBecomesTheSliceOfEarlierTimeAsItIs() throws SQLException {
		SimpleDriverDataSource database = TestDatabase.fresh("report_slices_upgrade");
		Flyway.configure().dataSource(database).target("14").load().migrate();
		JdbcClient jdbc = JdbcClient.create(database);
		jdbc.sql("""
				insert into vehicles (id, vin, model, country, token_hash, registered_at, distance_m, reports)
				values (1, 'SJNFAAZE0U6000001', 'LEAF', 'ES', repeat('a', 64), '2014-09-01Z', 35500, 3),
				       (2, 'SJNFAAZE0U6000002', 'LEAF', 'NO', repeat('b', 64), '2014-09-01Z', 7000, 1)""").update();
		jdbc.sql("""
				insert into reports (vehicle_id, report_id, type, odometer_seq, recorded_at, odometer_m, distance_m,
				    energy_consumed_wh, energy_regenerated_wh, credited_m, received_at)
				values (1, 't-1', 'TRIP', 0, '2014-09-29T23:59:59Z', 12300, 12300, 2100, 400, 12300, now()),
				       (1, 'o-2', 'ODOMETER', 0, '2014-09-30T00:00:00Z', 35500, null, null, null, 23200, now()),
				       (1, 'o-3', 'ODOMETER', 0, now() - interval '1 minute', 35500, null, null, null, 0, now()),
				       (2, 'o-1', 'ODOMETER', 0, '2014-09-29T10:00:00Z', 7000, null, null, null, 7000, now())""")
			.update();
		jdbc.sql("""
				insert into anomalies (vin, report_id, code, detail, report, received_at)
				values ('SJNFAAZE0U6000001', 'x-1', 'IMPLAUSIBLE_DISTANCE', 'too far', '{}', now()),
				       ('SJNFAAZE0U6000001', 'x-2', 'UNKNOWN_VEHICLE', 'unknown', '{}', '2014-09-30Z')""").update();
		jdbc.sql(
				"update anomalies set status = 'DISCARDED', resolved_at = now(), reason = 'no' where report_id = 'x-2'")
			.update();
		String before = jdbc.sql("""
				select string_agg(vehicle_id || ' ' || report_id || ' ' || recorded_at || ' ' || credited_m, ', '
				                  order by vehicle_id, report_id) from reports""").query(String.class).single();

		Flyway.configure().dataSource(database).load().migrate();

		assertThat(jdbc.sql("""
				select string_agg(vehicle_id || ' ' || report_id || ' ' || recorded_at || ' ' || credited_m, ', '
				                  order by vehicle_id, report_id) from reports""").query(String.class).single())
			.isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from reports_older").query(Long.class).single()).isEqualTo(4);
		// the first month sliced is the one after the newest report, and two more follow
		LocalDate next = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1);
		assertThat(jdbc.sql("select name from table_slices where parent = 'reports' order by starts")
			.query(String.class)
			.list()).startsWith("reports_%d_%02d".formatted(next.getYear(), next.getMonthValue()))
			.hasSizeGreaterThanOrEqualTo(2);
		// the anomalies too, with their ids, reviews and count
		assertThat(jdbc.sql("select id || ' ' || report_id || ' ' || status from anomalies_older order by id")
			.query(String.class)
			.list()).containsExactly("1 x-1 OPEN", "2 x-2 DISCARDED");
		assertThat(jdbc.sql("select sum(anomalies) from anomalies_open").query(Long.class).single()).isOne();
		jdbc.sql("""
				insert into anomalies (vin, report_id, code, detail, report, received_at)
				values ('SJNFAAZE0U6000002', 'x-3', 'IMPLAUSIBLE_DISTANCE', 'too far', '{}', ?)""")
			.param(java.sql.Timestamp.valueOf(next.atTime(12, 0)))
			.update();
		assertThat(jdbc.sql("select id || ' ' || tableoid::regclass::text from anomalies where report_id = 'x-3'")
			.query(String.class)
			.single()).isEqualTo("3 anomalies_%d_%02d".formatted(next.getYear(), next.getMonthValue()));
		assertThat(jdbc.sql("select sum(anomalies) from anomalies_open").query(Long.class).single()).isEqualTo(2);
		// the rule still holds for the reports kept: the old key came along
		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> jdbc.sql("""
				insert into reports (vehicle_id, report_id, type, odometer_seq, recorded_at, odometer_m, credited_m,
				    received_at)
				values (1, 't-1', 'ODOMETER', 0, '2014-09-29T23:59:59Z', 12300, 0, now())""").update());
		// and a report of the next month finds its slice
		jdbc.sql("""
				insert into reports (vehicle_id, report_id, type, odometer_seq, recorded_at, odometer_m, credited_m,
				    received_at)
				values (2, 'o-2', 'ODOMETER', 0, ?, 7100, 100, now())""")
			.param(java.sql.Timestamp.valueOf(next.atTime(12, 0)))
			.update();
		assertThat(jdbc.sql("select tableoid::regclass::text from reports where report_id = 'o-2' and vehicle_id = 2")
			.query(String.class)
			.single()).isEqualTo("reports_%d_%02d".formatted(next.getYear(), next.getMonthValue()));
	}

}
