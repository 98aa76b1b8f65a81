package org.fleettelemetry.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.IntegrationTests;
import org.fleettelemetry.support.Scrape;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the service on a database of its own, which the test stops and starts again on the
 * same port and data: the shared test database stays up for the other tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "fleet.admin.token=" + IntegrationTests.ADMIN_TOKEN, "fleet.metrics.refresh-interval=200ms",
				// fail fast on an unreachable database rather than wait the default 30 s
				// for a connection
				"spring.datasource.hikari.connection-timeout=1000", "spring.datasource.hikari.validation-timeout=500" })
@DirtiesContext
class ReadinessIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static Path dataDirectory;

	private static int databasePort;

	private static EmbeddedPostgres database;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) throws IOException {
		dataDirectory = Files.createTempDirectory("readiness-pg");
		try (ServerSocket socket = new ServerSocket(0)) {
			databasePort = socket.getLocalPort();
		}
		startDatabase();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			stopDatabase();
			FileSystemUtils.deleteRecursively(dataDirectory.toFile());
		}));
		registry.add("spring.datasource.url", () -> database.getJdbcUrl("postgres", "postgres"));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
	}

	private static synchronized void startDatabase() {
		try {
			database = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.setPort(databasePort)
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static synchronized void stopDatabase() {
		try {
			if (database != null) {
				database.close();
				database = null;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void readinessIsDownWhileTheDatabaseIsUnreachableAndComesBackByItself() {
		Api api = new Api("http://localhost:" + this.port);
		assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
		assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
		awaitTrue("webhook deliveries counted",
				() -> Scrape.of(this.port).value("webhook_deliveries_pending").orElse(-1) == 0);

		stopDatabase();
		awaitTrue("readiness DOWN", () -> api.get("/actuator/health/readiness", null).status() == 503);
		assertThat(api.get("/actuator/health/readiness", null).text("status")).isEqualTo("DOWN");
		// the process itself is fine: restarting it would not bring the database back
		assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
		awaitTrue("fleet_ready 0", () -> Scrape.of(this.port).value("fleet_ready").orElse(-1) == 0);
		assertThat(Scrape.of(this.port).value("webhook_deliveries_pending"))
			.as("the last count, kept while the database cannot be read")
			.hasValue(0);

		startDatabase();
		awaitTrue("readiness UP", () -> api.get("/actuator/health/readiness", null).status() == 200);
		assertThat(api.get("/actuator/health/readiness", null).text("status")).isEqualTo("UP");
		awaitTrue("fleet_ready 1", () -> Scrape.of(this.port).value("fleet_ready").orElse(-1) == 1);
		assertThat(api.get("/api/v1/fleet/summary", null).status()).isEqualTo(200);
	}

	private static void awaitTrue(String what, BooleanSupplier condition) {
		await(what).atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
	}

}
