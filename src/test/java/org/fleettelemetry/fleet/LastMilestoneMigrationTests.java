package org.fleettelemetry.fleet;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.fleettelemetry.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V8 moves the summary's last milestone into the fleet module's own table: a database
 * that has fired fleet milestones before keeps showing the highest of them.
 */
class LastMilestoneMigrationTests {

	@Test
	void upgradingKeepsTheHighestFleetMilestoneAlreadyReached() throws SQLException {
		SimpleDriverDataSource database = TestDatabase.fresh("last_milestone_upgrade");
		Flyway.configure().dataSource(database).target("7").load().migrate();
		JdbcClient jdbc = JdbcClient.create(database);
		OffsetDateTime reachedAt = OffsetDateTime.of(2014, 9, 30, 10, 0, 0, 0, ZoneOffset.UTC);
		jdbc.sql("""
				insert into milestones (scope, subject, threshold_km, vin, reached_at, fleet_distance_m) values
				('FLEET', '', 850000000, 'SJNFAAZE0U6000001', ?, 850000000000),
				('FLEET', '', 1000000000, 'SJNFAAZE0U6000002', ?, 1000000000000),
				('VEHICLE', 'SJNFAAZE0U6000003', 5000000000, 'SJNFAAZE0U6000003', ?, 1000000000000)""")
			.params(reachedAt.minusMonths(9), reachedAt, reachedAt.plusDays(1))
			.update();

		Flyway.configure().dataSource(database).load().migrate();

		assertThat(jdbc.sql("select threshold_km, reached_at from fleet_last_milestone")
			.query((rs, i) -> rs.getLong(1) + " " + rs.getObject(2, OffsetDateTime.class).toInstant())
			.list()).containsExactly("1000000000 2014-09-30T10:00:00Z");
	}

	@Test
	void aDatabaseWithoutFleetMilestonesHasNoLastMilestone() throws SQLException {
		SimpleDriverDataSource database = TestDatabase.fresh("last_milestone_none");
		Flyway.configure().dataSource(database).load().migrate();
		assertThat(
				JdbcClient.create(database).sql("select count(*) from fleet_last_milestone").query(Long.class).single())
			.isZero();
	}

}
