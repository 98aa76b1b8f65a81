package org.fleettelemetry.localdb;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fleettelemetry.FleetTelemetryApplication;
import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.IntegrationTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no database configured, the service runs on an embedded PostgreSQL whose data survives the
 * JVM being killed with {@code kill -9}.
 */
class LocalDatabaseIntegrationTests {

	static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

	static final String VIN = "SJNFAAZE0U6000001";

	@TempDir
	Path data;

	@Test
	void keepsEveryCreditedMetreAfterTheJvmIsKilled() throws Exception {
		Path directory = this.data.resolve("postgres");
		Process first = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), FleetTelemetryApplication.class.getName(), "--server.port=0",
				"--fleet.local-database.directory=" + directory, "--fleet.admin.token=" + IntegrationTests.ADMIN_TOKEN,
				"--fleet.admin.generated-token-file=" + this.data.resolve("admin-token"))
			.redirectErrorStream(true)
			.start();
		try {
			int port = portOf(first);
			Api api = new Api("http://localhost:" + port);
			String token = api.register(VIN, "ES", 100.0);
			assertThat(api.post("/api/v1/vehicles/" + VIN + "/reports", token, Api.odometer("a",
					"2014-09-30T10:00:00Z", 142.5)).status()).isEqualTo(201);
		}
		finally {
			first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		assertThat(Files.exists(directory.resolve("postmaster.pid"))).as("the killed JVM's PostgreSQL is left running")
			.isTrue();

		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(FleetTelemetryApplication.class)
			.run("--server.port=0", "--fleet.local-database.directory=" + directory,
					"--fleet.admin.token=" + IntegrationTests.ADMIN_TOKEN)) {
			int port = ((WebServerApplicationContext) second).getWebServer().getPort();
			Api api = new Api("http://localhost:" + port);
			Api.Response vehicle = api.get("/api/v1/vehicles/" + VIN, IntegrationTests.ADMIN_TOKEN);
			assertThat(vehicle.decimal("distanceKm")).isEqualByComparingTo("42.5");
			assertThat(api.get("/api/v1/fleet/summary", null).decimal("distanceKm")).isEqualByComparingTo("42.5");
		}
	}

	/**
	 * Reads the child's output until it says which port it listens on; keeps draining it after.
	 */
	static int portOf(Process process) throws Exception {
		CompletableFuture<Integer> port = new CompletableFuture<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					Matcher matcher = STARTED.matcher(line);
					if (matcher.find()) {
						port.complete(Integer.parseInt(matcher.group(1)));
					}
				}
				port.completeExceptionally(new IllegalStateException("The service exited before it started"));
			}
			catch (Exception ex) {
				port.completeExceptionally(ex);
			}
		});
		reader.setDaemon(true);
		reader.start();
		return port.get(120, TimeUnit.SECONDS);
	}

}
