package org.fleettelemetry.webhooks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.Instances;
import org.fleettelemetry.support.IntegrationTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery to a real receiver, by instances started here (the shared test context sends
 * nothing).
 */
@Tag("slow")
class WebhookDeliveryIntegrationTests extends IntegrationTests {

	static final String VIN = "SJNFAAZE0U6000001";

	static final String[] FAST = { "fleet.webhooks.allow-private-urls=true",
			"fleet.webhooks.retry.initial-interval=200ms", "fleet.webhooks.retry.max-attempts=8",
			"fleet.webhooks.dispatch.interval=100ms", "fleet.webhooks.dispatch.connect-timeout=1s",
			"fleet.webhooks.dispatch.timeout=2s", "fleet.milestones.fleet-km=100",
			"fleet.milestones.vehicle-km=1000000" };

	Receiver receiver;

	@AfterEach
	void stopReceiver() {
		if (this.receiver != null) {
			this.receiver.server.stop(0);
		}
	}

	@Test
	void aReceiverThatFailsAtFirstGetsTheEventOnceWithOneIdAndAValidSignature() throws Exception {
		this.receiver = new Receiver((n) -> (n <= 2) ? 500 : 204);
		try (ConfigurableApplicationContext instance = Instances.start(FAST)) {
			Api api = Instances.api(instance);
			JsonNode webhook = api.post("/api/v1/webhooks", ADMIN_TOKEN, Map.of("url", this.receiver.url())).body();
			crossTheThreshold(api);
			JsonNode delivery = awaitDelivered(api, webhook.get("id").asString());
			assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
			assertThat(delivery.get("lastStatus").asInt()).isEqualTo(204);
			Thread.sleep(1000);
			assertThat(this.receiver.requests).hasSize(3);
			String secret = webhook.get("secret").asString();
			for (Request request : this.receiver.requests) {
				assertThat(request.id()).isEqualTo(delivery.get("eventId").asString());
				assertThat(request.contentType()).startsWith("application/json");
				assertThat(StandardWebhooks.verify(secret, request, Instant.now())).isTrue();
				assertThat(StandardWebhooks.verify(secret, request.withBody(request.body().replace("100", "101")),
						Instant.now()))
					.isFalse();
				assertThat(StandardWebhooks.verify(secret,
						request.withTimestamp(Long.toString(Long.parseLong(request.timestamp()) + 1)), Instant.now()))
					.isFalse();
			}
			JsonNode body = JsonMapper.builder().build().readTree(this.receiver.requests.get(2).body());
			assertThat(body.get("type").asString()).isEqualTo("milestone.reached");
			assertThat(body.get("timestamp").asString()).isEqualTo(body.get("data").get("reachedAt").asString());
			assertThat(body.get("data").get("scope").asString()).isEqualTo("FLEET");
			assertThat(body.get("data").get("vin").asString()).isEqualTo(VIN);
			assertThat(body.get("data").get("distanceKm").asLong()).isEqualTo(100);
			assertThat(body.get("data").get("fleetDistanceKm").decimalValue()).isEqualByComparingTo("150");
			MeterRegistry meters = instance.getBean(MeterRegistry.class);
			assertThat(meters.get("webhook.deliveries").tag("outcome", "failure").counter().count()).isEqualTo(2);
			assertThat(meters.get("webhook.deliveries").tag("outcome", "success").counter().count()).isEqualTo(1);
			assertThat(meters.get("webhook.deliveries.pending").gauge().value()).isZero();
		}
	}

	/**
	 * The database's clock decides when a delivery is due, so a retry waits its backoff
	 * on it too: an instance whose clock runs an hour ahead would otherwise retry an hour
	 * late.
	 */
	@Test
	void aRetryWaitsItsBackoffByTheDatabasesClockWhateverTheInstancesClockSays() throws Exception {
		this.receiver = new Receiver((n) -> (n == 1) ? 500 : 204);
		try (ConfigurableApplicationContext instance = Instances.start(new Class<?>[] { HourAheadClock.class }, FAST)) {
			Api api = Instances.api(instance);
			String webhookId = api.post("/api/v1/webhooks", ADMIN_TOKEN, Map.of("url", this.receiver.url())).text("id");
			crossTheThreshold(api);
			JsonNode delivery = awaitDelivered(api, webhookId);
			assertThat(delivery.get("attempts").asInt()).isEqualTo(2);
			assertThat(Duration.between(this.receiver.arrivals.get(0), this.receiver.arrivals.get(1)))
				.as("the backoff after the first failure")
				.isGreaterThanOrEqualTo(Duration.ofMillis(200));
		}
	}

	@Test
	void aDeliveryPendingAtShutdownIsDeliveredAfterARestart() throws Exception {
		AtomicInteger answer = new AtomicInteger(503);
		this.receiver = new Receiver((n) -> answer.get());
		String webhookId;
		try (ConfigurableApplicationContext before = Instances.start(FAST)) {
			Api api = Instances.api(before);
			webhookId = api.post("/api/v1/webhooks", ADMIN_TOKEN, Map.of("url", this.receiver.url())).text("id");
			crossTheThreshold(api);
			await(() -> !this.receiver.requests.isEmpty());
		}
		int failed = this.receiver.requests.size();
		assertThat(this.jdbc.sql("select status from webhook_deliveries").query(String.class).single())
			.isEqualTo("PENDING");
		answer.set(200);
		try (ConfigurableApplicationContext after = Instances.start(FAST)) {
			JsonNode delivery = awaitDelivered(Instances.api(after), webhookId);
			assertThat(delivery.get("lastStatus").asInt()).isEqualTo(200);
		}
		List<Request> requests = this.receiver.requests;
		assertThat(requests).hasSize(failed + 1);
		assertThat(requests.get(requests.size() - 1).id()).isEqualTo(requests.get(0).id());
	}

	void crossTheThreshold(Api api) {
		String token = api.register(VIN, "ES", 0.0);
		String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1) + "T12:00:00Z";
		assertThat(api.post("/api/v1/vehicles/" + VIN + "/reports", token, Api.odometer("a", yesterday, 150)).status())
			.isEqualTo(201);
	}

	JsonNode awaitDelivered(Api api, String webhookId) throws InterruptedException {
		JsonNode[] delivery = new JsonNode[1];
		await(() -> {
			JsonNode deliveries = api.get("/api/v1/webhooks/" + webhookId + "/deliveries", ADMIN_TOKEN)
				.body()
				.get("items");
			delivery[0] = deliveries.get(0);
			return deliveries.size() == 1 && delivery[0].get("status").asString().equals("DELIVERED");
		});
		return delivery[0];
	}

	static void await(java.util.function.BooleanSupplier condition) {
		Awaitility.await("a delivery")
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(condition::getAsBoolean);
	}

	/**
	 * One request the receiver got.
	 */
	record Request(String id, String timestamp, String signature, String contentType, String body) {

		Request withBody(String body) {
			return new Request(this.id, this.timestamp, this.signature, this.contentType, body);
		}

		Request withTimestamp(String timestamp) {
			return new Request(this.id, timestamp, this.signature, this.contentType, this.body);
		}

	}

	/**
	 * An instance's clock an hour ahead of the database's. Not a {@code @Configuration},
	 * so that component scanning leaves it to the test that adds it.
	 */
	static class HourAheadClock {

		@Bean
		@Primary
		Clock hourAheadClock() {
			return Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
		}

	}

	/**
	 * A webhook endpoint on the loopback interface: records every request and answers the
	 * status its function gives for the request's number (1 for the first).
	 */
	static final class Receiver {

		final HttpServer server;

		final List<Request> requests = new CopyOnWriteArrayList<>();

		final List<Instant> arrivals = new CopyOnWriteArrayList<>();

		Receiver(IntUnaryOperator status) throws IOException {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			this.server.createContext("/hook", (exchange) -> {
				this.arrivals.add(Instant.now());
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				var headers = exchange.getRequestHeaders();
				this.requests.add(new Request(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
						headers.getFirst("webhook-signature"), headers.getFirst("Content-Type"), body));
				exchange.sendResponseHeaders(status.applyAsInt(this.requests.size()), -1);
				exchange.close();
			});
			this.server.start();
		}

		String url() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook";
		}

	}

	/**
	 * A receiver's verification, written from the Standard Webhooks specification: the
	 * signed content is {@code id.timestamp.body}, the key the base64-decoded secret
	 * after {@code whsec_}, the header a space-separated list of {@code v1,<base64>}
	 * signatures; the timestamp must be within 5 minutes.
	 */
	static final class StandardWebhooks {

		static boolean verify(String secret, Request request, Instant now) throws GeneralSecurityException {
			if (Math.abs(now.getEpochSecond() - Long.parseLong(request.timestamp())) > 300) {
				return false;
			}
			Mac hmac = Mac.getInstance("HmacSHA256");
			hmac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.replaceFirst("^whsec_", "")), "HmacSHA256"));
			byte[] expected = hmac.doFinal(
					(request.id() + "." + request.timestamp() + "." + request.body()).getBytes(StandardCharsets.UTF_8));
			for (String signature : request.signature().split(" ")) {
				String[] parts = signature.split(",", 2);
				if (parts.length == 2 && parts[0].equals("v1")
						&& MessageDigest.isEqual(Base64.getDecoder().decode(parts[1]), expected)) {
					return true;
				}
			}
			return false;
		}

	}

}
