package org.fleettelemetry.webhooks;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.Api.Response;
import org.fleettelemetry.support.IntegrationTests;
import org.fleettelemetry.support.ReadAssertions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WebhooksIntegrationTests extends IntegrationTests {

	static final String VIN = "SJNFAAZE0U6000001";

	Response register(String url) {
		return this.api.post("/api/v1/webhooks", ADMIN_TOKEN, Map.of("url", url));
	}

	/**
	 * Crosses the default ladders' first fleet milestone (1 million km) with one report.
	 */
	void crossAMillionKm() {
		String token = this.api.register(VIN, "ES", 0.0);
		String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1) + "T12:00:00Z";
		assertThat(this.api.post("/api/v1/vehicles/" + VIN + "/reports", token, Api.odometer("a", yesterday, 1_000_000))
			.status()).isEqualTo(201);
	}

	@Test
	void registeringAnEndpointShowsItsSecretOnlyOnce() {
		Response created = register("https://93.184.215.14/hooks");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.text("secret")).matches("whsec_[A-Za-z0-9+/=]{40,}");
		assertThat(created.text("url")).isEqualTo("https://93.184.215.14/hooks");
		Response listed = this.api.get("/api/v1/webhooks", ADMIN_TOKEN);
		assertThat(listed.body()).hasSize(1);
		assertThat(listed.body().get(0).get("id").asString()).isEqualTo(created.text("id"));
		assertThat(listed.body().get(0).has("secret")).isFalse();
	}

	@Test
	void refusesPlainHttpAndPrivateAddresses() {
		for (String url : new String[] { "http://93.184.215.14/hooks", "https://127.0.0.1/hooks",
				"https://10.0.0.7/hooks", "https://169.254.169.254/latest", "https://localhost/hooks" }) {
			Response refused = register(url);
			assertThat(refused.status()).as(url).isEqualTo(400);
			assertThat(refused.text("code")).isEqualTo("INVALID_FIELD");
			assertThat(refused.text("field")).isEqualTo("url");
		}
		assertThat(this.api.get("/api/v1/webhooks", ADMIN_TOKEN).body()).isEmpty();
	}

	@Test
	void aRemovedEndpointIsGoneWithItsDeliveries() {
		String id = register("https://93.184.215.14/hooks").text("id");
		crossAMillionKm();
		assertThat(this.api.delete("/api/v1/webhooks/" + id, ADMIN_TOKEN).status()).isEqualTo(204);
		assertThat(this.jdbc.sql("select count(*) from webhook_deliveries").query(Long.class).single()).isZero();
		Response again = this.api.delete("/api/v1/webhooks/" + id, ADMIN_TOKEN);
		assertThat(again.status()).isEqualTo(404);
		assertThat(again.text("code")).isEqualTo("WEBHOOK_NOT_FOUND");
		assertThat(this.api.get("/api/v1/webhooks/not-an-id/deliveries", ADMIN_TOKEN).status()).isEqualTo(404);
	}

	@Test
	void everyMilestoneIsAPendingDeliveryToEveryEndpointUntilSent() {
		String first = register("https://93.184.215.14/a").text("id");
		register("https://93.184.215.15/b");
		crossAMillionKm();
		// the default ladders: the fleet's 1 million km and the vehicle's six thresholds
		// up to 500,000 km
		Response deliveries = this.api.get("/api/v1/webhooks/" + first + "/deliveries", ADMIN_TOKEN);
		assertThat(deliveries.body().get("items")).hasSize(7);
		assertThat(deliveries.body().get("next").isNull()).isTrue();
		var delivery = deliveries.body().get("items").get(0);
		// a random id, the same on every attempt: no other event anywhere has it
		assertThat(delivery.get("eventId").asString()).matches("msg_[0-9a-f]{32}");
		assertThat(delivery.get("status").asString()).isEqualTo("PENDING");
		assertThat(delivery.get("attempts").asInt()).isZero();
		assertThat(delivery.get("lastAttemptAt").isNull()).isTrue();
		assertThat(delivery.get("lastStatus").isNull()).isTrue();
		assertThat(this.jdbc.sql("select count(*) from webhook_deliveries").query(Long.class).single()).isEqualTo(14);
		// counted every dispatch interval (1 s), so that a scrape never waits
		// for the database
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.api.text("/actuator/prometheus"))
				.containsPattern("(?m)^webhook_deliveries_pending 14\\.0$")
				.containsPattern("(?m)^webhook_deliveries_total\\{outcome=\"success\"} "));
	}

	@Test
	void theDeliveriesArePagesNewestFirstThatNeverRepeatOrSkipOne() {
		String id = register("https://93.184.215.14/a").text("id");
		crossAMillionKm();
		String path = "/api/v1/webhooks/" + id + "/deliveries";
		List<String> all = new ArrayList<>();
		for (var item : this.api.get(path + "?size=1000", ADMIN_TOKEN).body().get("items")) {
			all.add(item.get("eventId").asString());
		}
		assertThat(all).hasSize(7);
		List<String> walked = new ArrayList<>();
		String next = null;
		do {
			Response page = this.api.get(path + "?size=3" + ((next != null) ? "&cursor=" + next : ""), ADMIN_TOKEN);
			assertThat(page.body().get("items").size()).isLessThanOrEqualTo(3);
			page.body().get("items").forEach((item) -> walked.add(item.get("eventId").asString()));
			next = page.text("next");
		}
		while (next != null);
		assertThat(walked).isEqualTo(all);
		// the newest first
		assertThat(this.jdbc
			.sql("select event_id from webhook_deliveries where webhook_id = ?::uuid "
					+ "order by created_at desc, event_id desc")
			.param(id)
			.query(String.class)
			.list()).isEqualTo(all);
		ReadAssertions.assertInvalidParameters(this.api, path, ADMIN_TOKEN,
				Map.of("size=0", "size", "size=1001", "size", "cursor=bm90LWEtY3Vyc29y", "cursor"));
	}

	@Test
	void aFailedDeliveryCanBeRedeliveredButADeliveredOneNever() {
		String id = register("https://93.184.215.14/hooks").text("id");
		crossAMillionKm();
		this.jdbc.sql("update webhook_deliveries set status = 'FAILED', attempts = 12").update();
		String eventId = this.api.get("/api/v1/webhooks/" + id + "/deliveries?size=1", ADMIN_TOKEN)
			.body()
			.get("items")
			.get(0)
			.get("eventId")
			.asString();
		String path = "/api/v1/webhooks/" + id + "/deliveries/" + eventId + "/redeliver";
		assertThat(this.api.post(path, ADMIN_TOKEN, "").status()).isEqualTo(202);
		assertThat(this.jdbc.sql("select status from webhook_deliveries where event_id = ?")
			.param(eventId)
			.query(String.class)
			.single()).isEqualTo("PENDING");
		this.jdbc.sql("update webhook_deliveries set status = 'DELIVERED'").update();
		Response delivered = this.api.post(path, ADMIN_TOKEN, "");
		assertThat(delivered.status()).isEqualTo(409);
		assertThat(delivered.text("code")).isEqualTo("ALREADY_DELIVERED");
		Response unknown = this.api.post("/api/v1/webhooks/" + id + "/deliveries/msg_999/redeliver", ADMIN_TOKEN, "");
		assertThat(unknown.text("code")).isEqualTo("DELIVERY_NOT_FOUND");
	}

}
