package org.fleettelemetry;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;

import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.Instances;
import org.fleettelemetry.support.IntegrationTests;
import org.fleettelemetry.support.PostgresInstallation;
import org.fleettelemetry.support.ReconciliationAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator's backup and restore (docs/operations.md, "Backup and restore"): a dump in
 * pg_dump's custom format, taken while the service runs, restored with pg_restore into a
 * fresh database, runs the service with every figure as before: reconciliation {@code ok}
 * with the same sums, the milestones and the quarantine kept, the vehicles' tokens
 * working, and an old report sent again answered {@code DUPLICATE}.
 * <p>
 * On a PostgreSQL server of the operating system's packages with its own tools (see
 * {@link PostgresInstallation} for why not the embedded one); skipped without one.
 */
@Tag("slow")
class BackupRestoreIntegrationTests {

	static final String VIN = "SJNFAAZE0U6000001";

	static final String OTHER = "SJNFAAZE0U6000002";

	static final String[] MILESTONES = { "fleet.milestones.fleet-km=100,1000", "fleet.milestones.vehicle-km=50" };

	@TempDir
	Path directory;

	@Test
	void restoresADumpIntoAFreshDatabaseWithEveryFigureAsBefore() throws Exception {
		PostgresInstallation postgres = PostgresInstallation.assumeInstalled();
		try (PostgresInstallation.Server server = postgres.start(this.directory)) {
			create(server, "fleet");
			create(server, "fleet_restored");
			Path dump = this.directory.resolve("fleet.dump");
			String token;
			Api.Response before;
			Map<String, String> seen;
			try (ConfigurableApplicationContext service = Instances.start(server.database("fleet"), new Class<?>[0],
					MILESTONES)) {
				Api api = Instances.api(service);
				token = fill(api);
				before = ReconciliationAssertions.assertReconciled(api);
				seen = figures(api);
				server.dump("fleet", dump);
			}
			server.restore(dump, "fleet_restored");
			try (ConfigurableApplicationContext restored = Instances.start(server.database("fleet_restored"),
					new Class<?>[0], MILESTONES)) {
				Api api = Instances.api(restored);
				Api.Response after = ReconciliationAssertions.assertReconciled(api);
				for (String sum : new String[] { "fleetDistanceKm", "vehiclesDistanceKm", "countriesDistanceKm",
						"dailyDistanceKm" }) {
					assertThat(after.decimal(sum)).as(sum).isEqualByComparingTo(before.decimal(sum));
				}
				assertThat(figures(api)).isEqualTo(seen);
				Api.Response again = api.post("/api/v1/vehicles/" + VIN + "/reports", token,
						Api.odometer("b", "2014-09-30T10:00:00Z", 600.0));
				assertThat(again.status()).isEqualTo(200);
				assertThat(again.text("status")).isEqualTo("DUPLICATE");
				assertThat(again.decimal("creditedKm")).isEqualByComparingTo("500.000");
				ReconciliationAssertions.assertReconciled(api);
			}
		}
	}

	/**
	 * Two vehicles in two countries over two days, two fleet milestones and a vehicle
	 * milestone, and a rollback in the quarantine; answers the first vehicle's token.
	 */
	private static String fill(Api api) {
		String token = api.register(VIN, "NO", 0.0);
		String other = api.register(OTHER, "ES", 1000.0);
		assertThat(post(api, VIN, token, Api.odometer("a", "2014-09-29T10:00:00Z", 100.0))).isEqualTo(201);
		assertThat(post(api, VIN, token, Api.odometer("b", "2014-09-30T10:00:00Z", 600.0))).isEqualTo(201);
		assertThat(post(api, OTHER, other, Api.trip("c", "2014-09-30T11:00:00Z", 1412.345))).isEqualTo(201);
		assertThat(post(api, VIN, token, Api.odometer("d", "2014-09-30T12:00:00Z", 550.0))).isEqualTo(422);
		return token;
	}

	private static int post(Api api, String vin, String token, Map<String, Object> report) {
		return api.post("/api/v1/vehicles/" + vin + "/reports", token, report).status();
	}

	/**
	 * What a restore must keep, beyond the sums: the summary's figures, the daily series,
	 * the countries, the milestones, the quarantine and a vehicle's own view.
	 */
	private static Map<String, String> figures(Api api) {
		Api.Response summary = api.get("/api/v1/fleet/summary", null);
		Api.Response milestones = api.get("/api/v1/milestones", IntegrationTests.ADMIN_TOKEN);
		Api.Response anomalies = api.get("/api/v1/anomalies", IntegrationTests.ADMIN_TOKEN);
		assertThat(milestones.body().toString()).contains("\"distanceKm\":1000", VIN);
		assertThat(anomalies.body().toString()).contains("ODOMETER_ROLLBACK");
		return Map.of("summary", ((ObjectNode) summary.body()).without("asOf").toString(), "daily",
				api.get("/api/v1/fleet/daily?from=2014-09-28&to=2014-10-01", null).body().toString(), "countries",
				api.get("/api/v1/fleet/countries", null).body().toString(), "milestones", milestones.body().toString(),
				"anomalies", anomalies.body().toString(), "vehicle",
				api.get("/api/v1/vehicles/" + VIN, IntegrationTests.ADMIN_TOKEN).body().toString());
	}

	private static void create(PostgresInstallation.Server server, String database) throws Exception {
		try (var connection = DriverManager.getConnection(server.database("postgres").jdbcUrl(), "postgres", "");
				var statement = connection.createStatement()) {
			statement.execute("create database " + database);
		}
	}

}
