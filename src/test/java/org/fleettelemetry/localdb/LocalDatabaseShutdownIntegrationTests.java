package org.fleettelemetry.localdb;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.sun.net.httpserver.HttpServer;
import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.Instances;
import org.fleettelemetry.support.ServiceProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.fleettelemetry.support.IntegrationTests.ADMIN_TOKEN;

/**
 * The embedded PostgreSQL is stopped by the service after all that uses it: after a
 * SIGTERM, once requests and a webhook round in flight are done; after a failed start,
 * too.
 */
@Tag("slow")
class LocalDatabaseShutdownIntegrationTests {

	static final String VIN = "SJNFAAZE0U6000001";

	@TempDir
	Path data;

	@Test
	void aWebhookDeliveryInFlightAtSigtermIsRecordedBeforePostgresStops() throws Exception {
		Path directory = this.data.resolve("postgres");
		try (Receiver receiver = new Receiver()) {
			String webhookId;
			try (ServiceProcess service = ServiceProcess.start("--fleet.local-database.directory=" + directory,
					"--fleet.milestones.vehicle-km=100", "--fleet.webhooks.allow-private-urls=true",
					"--fleet.webhooks.dispatch.interval=100ms")) {
				Api api = service.api();
				webhookId = api.post("/api/v1/webhooks", ADMIN_TOKEN, Map.of("url", receiver.url())).text("id");
				String token = api.register(VIN, "ES", 0.0);
				assertThat(api
					.post("/api/v1/vehicles/" + VIN + "/reports", token, Api.odometer("a", "2014-09-30T10:00:00Z", 150))
					.status()).isEqualTo(201);
				ProcessHandle postgres = postmaster(directory);
				assertThat(receiver.arrived.await(1, TimeUnit.MINUTES)).as("the 100 km milestone is delivered")
					.isTrue();

				service.terminate();
				service.awaitOutput("Commencing graceful shutdown");
				// a JVM shutdown hook stopping PostgreSQL (the embedded default) would
				// have stopped it in this
				// hold; the service stops it only after the dispatcher's round, which
				// waits for this answer
				awaitExit(postgres, Duration.ofSeconds(3));
				assertThat(postgres.isAlive()).as("PostgreSQL runs while the service shuts down").isTrue();
				receiver.answer.countDown();

				service.awaitExit();
				assertThat(service.output()).containsPattern("Embedded PostgreSQL on port \\d+ stopped")
					.doesNotContain("terminating connection due to administrator command");
			}
			assertThat(directory.resolve("postmaster.pid")).as("PostgreSQL stopped with the service").doesNotExist();

			try (ConfigurableApplicationContext restarted = LocalDatabaseIntegrationTests.startOn(directory, 0,
					"--fleet.webhooks.dispatch.enabled=false")) {
				JsonNode deliveries = Instances.api(restarted)
					.get("/api/v1/webhooks/" + webhookId + "/deliveries", ADMIN_TOKEN)
					.body()
					.get("items");
				assertThat(deliveries.size()).isOne();
				JsonNode delivery = deliveries.get(0);
				assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
				assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
				assertThat(delivery.get("lastStatus").asInt()).isEqualTo(200);
			}
			assertThat(receiver.eventIds).hasSize(1);
		}
	}

	@Test
	void postgresStopsWhenTheServiceFailsToStart() throws Exception {
		Path directory = this.data.resolve("postgres");
		try (ServerSocket taken = new ServerSocket(0)) {
			assertThatException()
				.isThrownBy(() -> LocalDatabaseIntegrationTests.startOn(directory, taken.getLocalPort()))
				.withStackTraceContaining("already in use");
		}
		assertThat(directory.resolve("postmaster.opts")).as("PostgreSQL was started").exists();
		assertThat(directory.resolve("postmaster.pid")).as("PostgreSQL was stopped").doesNotExist();
	}

	/**
	 * The PostgreSQL server running on {@code directory}, as its {@code postmaster.pid}
	 * names it.
	 */
	static ProcessHandle postmaster(Path directory) throws IOException {
		long pid = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());
		return ProcessHandle.of(pid).orElseThrow();
	}

	/**
	 * Waits until {@code process} exits, or {@code hold} has passed.
	 */
	static void awaitExit(ProcessHandle process, Duration hold) throws Exception {
		try {
			process.onExit().get(hold.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			// it still runs
		}
	}

	/**
	 * A webhook endpoint on the loopback interface that says when a delivery arrives and
	 * answers 200 only once the test lets it.
	 */
	static final class Receiver implements AutoCloseable {

		final HttpServer server;

		final List<String> eventIds = new CopyOnWriteArrayList<>();

		final CountDownLatch arrived = new CountDownLatch(1);

		final CountDownLatch answer = new CountDownLatch(1);

		Receiver() throws IOException {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			this.server.createContext("/hook", (exchange) -> {
				exchange.getRequestBody().readAllBytes();
				this.eventIds.add(exchange.getRequestHeaders().getFirst("webhook-id"));
				this.arrived.countDown();
				try {
					this.answer.await(1, TimeUnit.MINUTES);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				exchange.sendResponseHeaders(200, -1);
				exchange.close();
			});
			this.server.start();
		}

		String url() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook";
		}

		@Override
		public void close() {
			this.answer.countDown();
			this.server.stop(0);
		}

	}

}
