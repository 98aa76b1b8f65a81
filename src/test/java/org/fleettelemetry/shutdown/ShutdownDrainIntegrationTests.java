package org.fleettelemetry.shutdown;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.ServiceProcess;
import org.fleettelemetry.support.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On SIGTERM the service first says it is not ready, then goes on serving for the drain
 * period, and only then stops taking requests: clients that send reports continuously
 * through a SIGTERM, and stop as a load balancer does once the readiness probe fails, get
 * an answer to every request they sent, and every report answered as accepted is
 * credited.
 */
@Tag("slow")
class ShutdownDrainIntegrationTests {

	static final int CLIENTS = 4;

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void everyRequestSentThroughASigtermIsAnsweredAndWhatWasAcceptedIsCredited() throws Exception {
		SimpleDriverDataSource database = TestDatabase.fresh("shutdown_drain");
		try (ServiceProcess service = ServiceProcess.start("--spring.datasource.url=" + database.getUrl(),
				"--spring.datasource.username=" + database.getUsername(),
				"--spring.datasource.password=" + database.getPassword(), "--fleet.shutdown.drain-period=1s")) {
			Api api = service.api();
			List<Client> clients = new ArrayList<>();
			for (int i = 0; i < CLIENTS; i++) {
				String vin = "SJNFAAZE0U600000" + i;
				clients.add(new Client(service.port(), vin, api.register(vin, "ES", 0.0)));
			}
			clients.forEach(Client::start);
			awaitAnswers(clients, 20);

			service.terminate();
			awaitNotReady(api);
			long answeredWhenNotReady = answered(clients);
			// a load balancer stops sending at its next probe, within the drain period
			Thread.sleep(300);
			long answeredInDrain = answered(clients) - answeredWhenNotReady;
			clients.forEach(Client::stopSending);
			for (Client client : clients) {
				client.join(Duration.ofSeconds(60));
			}
			// 143: the JVM's status after SIGTERM
			assertThat(service.awaitExit()).isEqualTo(143);
			String output = service.output();
			assertThat(output.indexOf("Not ready any more")).as("the drain comes first")
				.isPositive()
				.isLessThan(output.indexOf("Commencing graceful shutdown"));
			System.out.printf("Through a SIGTERM: %d reports sent, %d answered, %d of them while not ready%n",
					clients.stream().mapToLong((client) -> client.sent.get()).sum(), answered(clients),
					answeredInDrain);

			assertThat(answeredInDrain).as("reports answered while not ready").isPositive();
			for (Client client : clients) {
				assertThat(client.cut).as("requests of %s sent but not answered", client.vin).hasValue(0);
				assertThat(client.answered.get()).as("answers to %s", client.vin).isEqualTo(client.sent.get());
				assertThat(client.accepted.get()).as("reports of %s accepted", client.vin)
					.isEqualTo(client.answered.get());
			}
			assertThat(credited(database)).as("metres credited")
				.isEqualTo(clients.stream().mapToLong((client) -> client.creditedM.get()).sum());
		}
	}

	static void awaitAnswers(List<Client> clients, int each) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		while (clients.stream().anyMatch((client) -> client.answered.get() < each)) {
			assertThat(System.nanoTime()).as("clients answered").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	/** Polls the readiness probe, as a load balancer does, until it fails. */
	static void awaitNotReady(Api api) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (true) {
			Api.Response readiness = api.get("/actuator/health/readiness", null);
			if (readiness.status() == 503) {
				assertThat(readiness.text("status")).isEqualTo("OUT_OF_SERVICE");
				return;
			}
			assertThat(System.nanoTime()).as("readiness fails").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	static long answered(List<Client> clients) {
		return clients.stream().mapToLong((client) -> client.answered.get()).sum();
	}

	static long credited(DataSource database) {
		return JdbcClient.create(database)
			.sql("select coalesce(sum(distance_m), 0) from fleet_totals")
			.query(Long.class)
			.single();
	}

	/**
	 * A car that reports a kilometre more each time, one report after the other on one
	 * keep-alive connection, and counts what it sent and what was answered.
	 */
	static final class Client extends Thread {

		final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

		final URI reports;

		final String vin;

		final String token;

		final AtomicBoolean sending = new AtomicBoolean(true);

		final AtomicInteger sent = new AtomicInteger();

		final AtomicInteger answered = new AtomicInteger();

		final AtomicInteger accepted = new AtomicInteger();

		final AtomicInteger cut = new AtomicInteger();

		final AtomicLong creditedM = new AtomicLong();

		Client(int port, String vin, String token) {
			super("client-" + vin);
			this.reports = URI.create("http://localhost:" + port + "/api/v1/vehicles/" + vin + "/reports");
			this.vin = vin;
			this.token = token;
		}

		void stopSending() {
			this.sending.set(false);
		}

		void join(Duration wait) throws InterruptedException {
			join(wait.toMillis());
			assertThat(isAlive()).as("%s is done", getName()).isFalse();
		}

		@Override
		public void run() {
			Instant start = Instant.now().minus(Duration.ofDays(30));
			for (int km = 1; this.sending.get(); km++) {
				String report = Api.json(Api.odometer("r" + km, start.plusSeconds(60L * km).toString(), km));
				HttpRequest request = HttpRequest.newBuilder(this.reports)
					.timeout(Duration.ofSeconds(30))
					.header("Authorization", "Bearer " + this.token)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(report))
					.build();
				try {
					this.sent.incrementAndGet();
					HttpResponse<String> answer = this.http.send(request, HttpResponse.BodyHandlers.ofString());
					this.answered.incrementAndGet();
					if (answer.statusCode() == 201) {
						this.accepted.incrementAndGet();
						BigDecimal credited = JSON.readTree(answer.body()).get("creditedKm").decimalValue();
						this.creditedM.addAndGet(credited.movePointRight(3).longValueExact());
					}
				}
				catch (ConnectException ex) {
					// refused: nothing was sent
					this.sent.decrementAndGet();
					return;
				}
				catch (IOException ex) {
					this.cut.incrementAndGet();
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

	}

}
