package org.fleettelemetry.vehicles;

import java.sql.SQLException;

import org.fleettelemetry.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V10 gave each vehicle's day its figures, from the reports already credited; V14 took
 * them away again (their upkeep cost every report an update). A database with reports in
 * it goes through both and keeps which vehicles reported on which days.
 */
class VehicleDaysMigrationTests {

	@Test
	void upgradingThroughTheDaysFiguresAndBackKeepsTheReportingDays() throws SQLException {
		SimpleDriverDataSource database = TestDatabase.fresh("vehicle_days_upgrade");
		Flyway.configure().dataSource(database).target("9").load().migrate();
		JdbcClient jdbc = JdbcClient.create(database);
		jdbc.sql("""
				insert into vehicles (id, vin, model, country, token_hash, registered_at, distance_m, reports)
				values (1, 'SJNFAAZE0U6000001', 'LEAF', 'ES', repeat('a', 64), '2014-09-01Z', 35500, 3),
				       (2, 'SJNFAAZE0U6000002', 'LEAF', 'NO', repeat('b', 64), '2014-09-01Z', 7000, 1)""").update();
		jdbc.sql("""
				insert into reports (vehicle_id, report_id, type, odometer_seq, recorded_at, odometer_m, distance_m,
				    energy_consumed_wh, energy_regenerated_wh, credited_m, received_at)
				values (1, 't-1', 'TRIP', 0, '2014-09-29T23:59:59Z', 12300, 12300, 2100, 400, 12300, now()),
				       (1, 't-2', 'TRIP', 0, '2014-09-29T08:00:00Z', 10000, 10000, 1500, null, 0, now()),
				       (1, 'o-3', 'ODOMETER', 0, '2014-09-30T00:00:00Z', 35500, null, null, null, 23200, now()),
				       (2, 'o-1', 'ODOMETER', 0, '2014-09-29T10:00:00Z', 7000, null, null, null, 7000, now())""")
			.update();
		jdbc.sql("""
				insert into vehicle_days (vehicle_id, day)
				values (1, '2014-09-29'), (1, '2014-09-30'), (2, '2014-09-29')""").update();

		Flyway.configure().dataSource(database).target("10").load().migrate();

		assertThat(jdbc.sql("""
				select vehicle_id || ' ' || day || ' ' || distance_m || ' ' || reports || ' ' || trips || ' '
				       || energy_consumed_wh || ' ' || energy_regenerated_wh
				from vehicle_days order by vehicle_id, day""").query(String.class).list()).containsExactly(
				"1 2014-09-29 12300 2 2 3600 400", "1 2014-09-30 23200 1 0 0 0", "2 2014-09-29 7000 1 0 0 0");
		assertThat(jdbc.sql("select sum(distance_m) from vehicle_days").query(Long.class).single())
			.isEqualTo(jdbc.sql("select sum(distance_m) from vehicles").query(Long.class).single());

		Flyway.configure().dataSource(database).load().migrate();

		assertThat(jdbc.sql("select vehicle_id || ' ' || day from vehicle_days order by vehicle_id, day")
			.query(String.class)
			.list()).containsExactly("1 2014-09-29", "1 2014-09-30", "2 2014-09-29");
		assertThat(jdbc.sql("select count(*) from information_schema.columns where table_name = 'vehicle_days'")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

}
