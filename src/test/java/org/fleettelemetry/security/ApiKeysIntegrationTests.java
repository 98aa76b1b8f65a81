package org.fleettelemetry.security;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fleettelemetry.shared.Secrets;
import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.Api.Response;
import org.fleettelemetry.support.IntegrationTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API keys: issued once and kept as a hash, listed as keyset pages, each scope acting as
 * its credential (a READ key reading what the admin reads and changing nothing), refused
 * once expired or revoked, and never written to the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiKeysIntegrationTests extends IntegrationTests {

	static final String KEYS = "/api/v1/admin/keys";

	static final String VIN = "SJNFAAZE0U6000001";

	/** A key of {@code scope} issued by the admin; its body has the key. */
	static Response issue(Api api, String name, String scope, Instant expiresAt) {
		Map<String, Object> request = new HashMap<>(Map.of("name", name, "scope", scope));
		request.put("expiresAt", (expiresAt != null) ? expiresAt.toString() : null);
		Response created = api.post(KEYS, ADMIN_TOKEN, request);
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		return created;
	}

	@Test
	void issuesAKeyShownOnceAndKeepsOnlyItsHash() {
		Instant expiresAt = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
		Response created = issue(this.api, "grafana", "READ", expiresAt);
		String key = created.text("key");
		assertThat(key).startsWith("fk_").hasSize(3 + 43);
		assertThat(created.text("name")).isEqualTo("grafana");
		assertThat(created.text("scope")).isEqualTo("READ");
		assertThat(Instant.parse(created.text("expiresAt"))).isEqualTo(expiresAt);

		String stored = this.jdbc.sql("select key_hash from api_keys where id = cast(? as uuid)")
			.param(created.text("id"))
			.query(String.class)
			.single();
		assertThat(stored).isNotEqualTo(key).isEqualTo(Secrets.hash(key));
		assertThat(this.jdbc.sql("select count(*) from api_keys k where cast(row_to_json(k) as text) like ?")
			.param("%" + key.substring(3) + "%")
			.query(Long.class)
			.single()).isZero();

		JsonNode listed = this.api.get(KEYS, ADMIN_TOKEN).body().get("items").get(0);
		assertThat(listed.has("key")).isFalse();
		assertThat(listed.get("id").asString()).isEqualTo(created.text("id"));
		assertThat(listed.get("revokedAt").isNull()).isTrue();
		assertThat(listed.get("createdAt").isString()).isTrue();
	}

	@Test
	void listsTheKeysAsKeysetPagesInTheOrderTheyWereIssued() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(issue(this.api, "key " + i, "READ", null).text("id"));
		}
		List<String> listed = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			Response page = this.api.get(KEYS + "?size=2" + ((cursor != null) ? "&cursor=" + cursor : ""), ADMIN_TOKEN);
			assertThat(page.status()).isEqualTo(200);
			page.body().get("items").forEach((item) -> listed.add(item.get("id").asString()));
			cursor = page.text("next");
			// written meanwhile: after every key listed, so on the last page
			if (pages++ == 0) {
				ids.add(issue(this.api, "late", "ADMIN", null).text("id"));
			}
		}
		while (cursor != null);
		assertThat(listed).isEqualTo(ids);
		assertThat(pages).isEqualTo(3);
		assertInvalid(this.api.get(KEYS + "?cursor=bm9wZQ", ADMIN_TOKEN), "cursor");
		assertInvalid(this.api.get(KEYS + "?size=0", ADMIN_TOKEN), "size");
	}

	@Test
	void refusesEachInvalidFieldNamingIt() {
		String hundredAndOne = "x".repeat(101);
		assertInvalid(this.api.post(KEYS, ADMIN_TOKEN, "{\"scope\": \"READ\", \"expiresAt\": null}"), "name");
		assertInvalid(this.api.post(KEYS, ADMIN_TOKEN, "{\"name\": \" \", \"scope\": \"READ\", \"expiresAt\": null}"),
				"name");
		assertInvalid(this.api.post(KEYS, ADMIN_TOKEN, Map.of("name", hundredAndOne, "scope", "READ")), "name");
		assertThat(issue(this.api, "y".repeat(100), "READ", null).text("name")).hasSize(100);
		assertInvalid(this.api.post(KEYS, ADMIN_TOKEN, Map.of("name", "n")), "scope");
		assertInvalid(this.api.post(KEYS, ADMIN_TOKEN, Map.of("name", "n", "scope", "OWNER")), "scope");
		assertInvalid(this.api.post(KEYS, ADMIN_TOKEN, Map.of("name", "n", "scope", 1)), "scope");
		assertInvalid(
				this.api.post(KEYS, ADMIN_TOKEN,
						Map.of("name", "n", "scope", "READ", "expiresAt", Instant.now().minusSeconds(1).toString())),
				"expiresAt");
		assertInvalid(this.api.post(KEYS, ADMIN_TOKEN, Map.of("name", "n", "scope", "READ", "expiresAt", 4102444800L)),
				"expiresAt");
		assertInvalid(this.api.post(KEYS, ADMIN_TOKEN, Map.of("name", "n", "scope", "READ", "expiresAt", "2099-01-01")),
				"expiresAt");
		assertInvalid(this.api.post(KEYS, ADMIN_TOKEN, Map.of("name", "n", "scope", "READ", "owner", "ops")), "owner");
		assertThat(this.jdbc.sql("select count(*) from api_keys").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aReadKeyReadsWhatTheAdminReadsAndChangesNothing() {
		String vehicleToken = this.api.register(VIN, "ES", 0.0);
		String read = this.api.issueKey("READ");
		for (String path : List.of("/api/v1/vehicles", "/api/v1/vehicles/" + VIN,
				"/api/v1/vehicles/" + VIN + "/reports", "/api/v1/vehicles/" + VIN + "/daily",
				"/api/v1/milestones?scope=VEHICLE&vin=" + VIN, "/api/v1/anomalies", "/api/v1/webhooks", KEYS,
				"/actuator")) {
			assertThat(this.api.get(path, read).status()).as(path).isEqualTo(200);
		}
		assertForbidden(this.api.post("/api/v1/vehicles", read,
				Map.of("vin", "SJNFAAZE0U6000002", "model", "LEAF", "country", "ES")));
		assertForbidden(this.api.post("/api/v1/vehicles/" + VIN + "/token", read, ""));
		assertForbidden(this.api.post("/api/v1/vehicles/" + VIN + "/reports", read,
				Api.odometer("odo-1", "2014-09-30T10:00:00Z", 10.0)));
		assertForbidden(this.api.post("/api/v1/reports/batch", read, "[]"));
		assertForbidden(this.api.post(KEYS, read, Map.of("name", "mine", "scope", "ADMIN")));
		assertForbidden(this.api.delete(KEYS + "/" + issue(this.api, "other", "READ", null).text("id"), read));
		assertForbidden(this.api.delete("/api/v1/webhooks/0b8e3c1e-5f7a-4c2b-9a57-2f4e0d6c8a11", read));
		assertThat(this.api.get("/api/v1/vehicles/" + VIN, vehicleToken).status()).isEqualTo(200);
		assertThat(this.jdbc.sql("select count(*) from vehicles").query(Long.class).single()).isEqualTo(1);
		assertThat(
				this.jdbc.sql("select count(*) from api_keys where revoked_at is not null").query(Long.class).single())
			.isZero();
	}

	@Test
	void aGatewayKeyActsAsTheGatewayToken() {
		this.api.register(VIN, "ES", 0.0);
		String gateway = this.api.issueKey("GATEWAY");
		Map<String, Object> item = new HashMap<>(Api.odometer("odo-1", "2014-09-30T10:00:00Z", 12.5));
		item.put("vin", VIN);
		Response batch = this.api.post("/api/v1/reports/batch", gateway, List.of(item));
		assertThat(batch.status()).isEqualTo(200);
		assertThat(batch.body().get("accepted").asInt()).isEqualTo(1);
		assertThat(this.api
			.post("/api/v1/vehicles/" + VIN + "/reports", gateway, Api.odometer("odo-2", "2014-09-30T11:00:00Z", 20.0))
			.status()).isEqualTo(201);
		assertForbidden(this.api.get("/api/v1/vehicles", gateway));
		assertForbidden(this.api.get("/api/v1/vehicles/" + VIN, gateway));
		assertForbidden(this.api.post(KEYS, gateway, Map.of("name", "mine", "scope", "ADMIN")));
	}

	@Test
	void anAdminKeyActsAsTheAdminTokenAndManagesKeys() {
		String admin = this.api.issueKey("ADMIN");
		Response registered = this.api.post("/api/v1/vehicles", admin,
				Map.of("vin", VIN, "model", "LEAF", "country", "ES"));
		assertThat(registered.status()).isEqualTo(201);
		assertThat(this.api.get("/api/v1/anomalies", admin).status()).isEqualTo(200);
		Response issued = this.api.post(KEYS, admin, Map.of("name", "by a key", "scope", "READ"));
		assertThat(issued.status()).isEqualTo(201);
		assertThat(this.api.get("/api/v1/vehicles", issued.text("key")).status()).isEqualTo(200);
		assertThat(this.api.delete(KEYS + "/" + issued.text("id"), admin).status()).isEqualTo(204);
		assertUnauthorized(this.api.get("/api/v1/vehicles", issued.text("key")));
	}

	@Test
	void aKeyStopsWorkingTheMomentItExpiresEvenWhenRemembered() throws InterruptedException {
		Instant expiresAt = Instant.now().plusSeconds(2);
		String key = issue(this.api, "short-lived", "READ", expiresAt).text("key");
		assertThat(this.api.get("/api/v1/vehicles", key).status()).isEqualTo(200);
		Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis()) + 50);
		assertUnauthorized(this.api.get("/api/v1/vehicles", key));
	}

	@Test
	void aRevokedKeyIsUnauthorizedAtOnceAndRevokingAgainChangesNothing() {
		Response issued = issue(this.api, "to revoke", "ADMIN", null);
		String key = issued.text("key");
		assertThat(this.api.get("/api/v1/vehicles", key).status()).isEqualTo(200);
		assertThat(this.api.delete(KEYS + "/" + issued.text("id"), ADMIN_TOKEN).status()).isEqualTo(204);
		assertUnauthorized(this.api.get("/api/v1/vehicles", key));
		Instant revokedAt = Instant
			.parse(this.api.get(KEYS, ADMIN_TOKEN).body().get("items").get(0).get("revokedAt").asString());
		assertThat(this.api.delete(KEYS + "/" + issued.text("id"), ADMIN_TOKEN).status()).isEqualTo(204);
		assertThat(this.api.get(KEYS, ADMIN_TOKEN).body().get("items").get(0).get("revokedAt").asString())
			.isEqualTo(revokedAt.toString());
	}

	@Test
	void revokingAnUnknownKeyIsNotFound() {
		for (String id : List.of("0b8e3c1e-5f7a-4c2b-9a57-2f4e0d6c8a11", "not-a-uuid")) {
			Response answer = this.api.delete(KEYS + "/" + id, ADMIN_TOKEN);
			assertThat(answer.status()).isEqualTo(404);
			assertThat(answer.text("code")).isEqualTo("API_KEY_NOT_FOUND");
			assertThat(answer.contentType()).isEqualTo("application/problem+json");
		}
	}

	@Test
	void neverWritesAKeyToTheLog(CapturedOutput output) {
		Response issued = issue(this.api, "logged?", "ADMIN", null);
		String key = issued.text("key");
		this.api.get("/api/v1/vehicles", key);
		this.api.post("/api/v1/vehicles", key, "{not json");
		this.api.get("/api/v1/vehicles/NOT-A-VIN", key);
		this.api.delete(KEYS + "/" + issued.text("id"), key);
		this.api.get("/api/v1/vehicles", key);
		assertThat(output.getAll()).doesNotContain(key).doesNotContain(key.substring(3));
	}

	static void assertInvalid(Response answer, String field) {
		assertThat(answer.status()).as("%s", answer).isEqualTo(400);
		assertThat(answer.text("code")).isEqualTo("INVALID_FIELD");
		assertThat(answer.text("field")).isEqualTo(field);
	}

	static void assertForbidden(Response answer) {
		assertThat(answer.status()).as("%s", answer).isEqualTo(403);
		assertThat(answer.text("code")).isEqualTo("FORBIDDEN");
		assertThat(answer.contentType()).isEqualTo("application/problem+json");
	}

	static void assertUnauthorized(Response answer) {
		assertThat(answer.status()).as("%s", answer).isEqualTo(401);
		assertThat(answer.text("code")).isEqualTo("UNAUTHORIZED");
	}

}
