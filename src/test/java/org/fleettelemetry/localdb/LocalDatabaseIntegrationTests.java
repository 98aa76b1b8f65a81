package org.fleettelemetry.localdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.fleettelemetry.FleetTelemetryApplication;
import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.Instances;
import org.fleettelemetry.support.IntegrationTests;
import org.fleettelemetry.support.ReconciliationAssertions;
import org.fleettelemetry.support.ServiceProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * With no database configured, the service runs on an embedded PostgreSQL whose data
 * survives the JVM being killed with {@code kill -9}.
 */
@Tag("slow")
class LocalDatabaseIntegrationTests {

	static final String VIN = "SJNFAAZE0U6000001";

	@TempDir
	Path data;

	@Test
	void keepsEveryCreditedMetreAfterTheJvmIsKilled() throws Exception {
		Path directory = this.data.resolve("postgres");
		try (ServiceProcess first = ServiceProcess.start("--fleet.local-database.directory=" + directory)) {
			Api api = first.api();
			String token = api.register(VIN, "ES", 100.0);
			assertThat(api
				.post("/api/v1/vehicles/" + VIN + "/reports", token, Api.odometer("a", "2014-09-30T10:00:00Z", 142.5))
				.status()).isEqualTo(201);
			first.kill();
		}
		assertThat(Files.exists(directory.resolve("postmaster.pid"))).as("the killed JVM's PostgreSQL is left running")
			.isTrue();

		try (ConfigurableApplicationContext second = startOn(directory, 0)) {
			Api api = Instances.api(second);
			Api.Response vehicle = api.get("/api/v1/vehicles/" + VIN, IntegrationTests.ADMIN_TOKEN);
			assertThat(vehicle.decimal("distanceKm")).isEqualByComparingTo("42.5");
			assertThat(api.get("/api/v1/fleet/summary", null).decimal("distanceKm")).isEqualByComparingTo("42.5");
			ReconciliationAssertions.assertReconciled(api);
		}
	}

	@Test
	void aSecondServiceOnTheSameDirectoryFailsToStartAndLeavesTheFirstOneRunning() throws Exception {
		Path directory = this.data.resolve("postgres");
		try (ServiceProcess first = ServiceProcess.start("--fleet.local-database.directory=" + directory)) {
			Api api = first.api();
			String token = api.register(VIN, "ES", 100.0);
			ProcessHandle postgres = LocalDatabaseShutdownIntegrationTests.postmaster(directory);

			try (ServiceProcess second = ServiceProcess.start("--fleet.local-database.directory=" + directory)) {
				assertThat(second.awaitExit()).as("the second service's exit code").isNotZero();
				assertThat(second.output()).contains("APPLICATION FAILED TO START",
						"is in use by another running service", "fleet.local-database.directory=");
			}
			assertThatException().isThrownBy(() -> startOn(directory, 0))
				.withRootCauseInstanceOf(LocalDatabaseInUseException.class);

			assertThat(postgres.isAlive()).as("the first service's PostgreSQL runs on").isTrue();
			assertThat(LocalDatabaseShutdownIntegrationTests.postmaster(directory).pid()).isEqualTo(postgres.pid());
			assertThat(api
				.post("/api/v1/vehicles/" + VIN + "/reports", token, Api.odometer("a", "2014-09-30T10:00:00Z", 142.5))
				.status()).isEqualTo(201);

			first.terminate();
			first.awaitExit();
		}
		try (ConfigurableApplicationContext next = startOn(directory, 0)) {
			assertThat(Instances.api(next).get("/api/v1/fleet/summary", null).decimal("distanceKm"))
				.as("a service started once the first stopped takes the directory over")
				.isEqualByComparingTo("42.5");
		}
	}

	/**
	 * Starts the service in this JVM on {@code port} (0: a free one) and on the embedded
	 * PostgreSQL in {@code directory}.
	 */
	static ConfigurableApplicationContext startOn(Path directory, int port, String... arguments) {
		List<String> all = new ArrayList<>(
				List.of("--server.port=" + port, "--fleet.local-database.directory=" + directory,
						"--fleet.admin.token=" + IntegrationTests.ADMIN_TOKEN));
		all.addAll(List.of(arguments));
		return new SpringApplicationBuilder(FleetTelemetryApplication.class).run(all.toArray(String[]::new));
	}

}
