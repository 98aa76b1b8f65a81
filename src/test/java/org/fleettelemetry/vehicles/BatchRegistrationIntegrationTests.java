package org.fleettelemetry.vehicles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.IntegrationTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class BatchRegistrationIntegrationTests extends IntegrationTests {

	static final String BATCH = "/api/v1/vehicles/batch";

	static Map<String, Object> vehicle(String vin, String country) {
		Map<String, Object> vehicle = new HashMap<>(Map.of("vin", vin, "model", "LEAF", "country", country));
		vehicle.put("odometerKm", 12.5);
		return vehicle;
	}

	static List<String> field(JsonNode answers, String field) {
		List<String> values = new ArrayList<>();
		answers.forEach((answer) -> values.add(answer.get(field).isNull() ? null : answer.get(field).asString()));
		return values;
	}

	@Test
	void registersEachItemInOrderAndRunTwiceChangesNothing() {
		List<Map<String, Object>> batch = List.of(vehicle("SJNFAAZE0U6000001", "ES"),
				vehicle("SJNFAAZE0U6000002", "FR"), vehicle("SJNFAAZE0U600000O", "ES"),
				vehicle("SJNFAAZE0U6000001", "ES"), vehicle("SJNFAAZE0U6000003", "XX"));
		Api.Response first = this.api.post(BATCH, ADMIN_TOKEN, batch);
		assertThat(first.status()).isEqualTo(200);
		assertThat(field(first.body(), "status")).containsExactly("CREATED", "CREATED", "REJECTED", "EXISTS",
				"REJECTED");
		assertThat(field(first.body(), "code")).containsExactly(null, null, "INVALID_FIELD", null, "INVALID_FIELD");
		assertThat(field(first.body(), "vin")).containsExactly("SJNFAAZE0U6000001", "SJNFAAZE0U6000002",
				"SJNFAAZE0U600000O", "SJNFAAZE0U6000001", "SJNFAAZE0U6000003");
		String token = first.body().get(0).get("token").asString();
		assertThat(this.api.get("/api/v1/vehicles/SJNFAAZE0U6000001", token).decimal("odometerKm"))
			.isEqualByComparingTo("12.5");

		Api.Response again = this.api.post(BATCH, ADMIN_TOKEN, batch);
		assertThat(field(again.body(), "status")).containsExactly("EXISTS", "EXISTS", "REJECTED", "EXISTS", "REJECTED");
		assertThat(field(again.body(), "token")).containsOnlyNulls();
		assertThat(this.api.get("/api/v1/fleet/summary", null).body().get("vehicles").asLong()).isEqualTo(2);
		assertThat(this.api.get("/api/v1/fleet/countries", null).body()).hasSize(2);
		// the first registration's token still works: running again issued no other
		assertThat(this.api.get("/api/v1/vehicles/SJNFAAZE0U6000001", token).status()).isEqualTo(200);
	}

	@Test
	void aBatchOfAThousandIsTakenAndOneMoreIsRefused() {
		List<Map<String, Object>> batch = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			batch.add(vehicle(String.format("SJNFAAZE0U6%06d", i), (i % 2 == 0) ? "ES" : "NO"));
		}
		Api.Response taken = this.api.post(BATCH, ADMIN_TOKEN, batch);
		assertThat(field(taken.body(), "status")).hasSize(1000).containsOnly("CREATED");
		assertThat(this.api.get("/api/v1/fleet/summary", null).body().get("vehicles").asLong()).isEqualTo(1000);
		batch.add(vehicle("SJNFAAZE0U6999999", "ES"));
		Api.Response refused = this.api.post(BATCH, ADMIN_TOKEN, batch);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text("code")).isEqualTo("BATCH_TOO_LARGE");
	}

	@Test
	void onlyTheAdminRegistersAndOneRegistrationStillAnswersAConflict() {
		String token = this.api.register("SJNFAAZE0U6000001", "ES", 0.0);
		assertThat(this.api.post(BATCH, token, List.of()).status()).isEqualTo(403);
		assertThat(this.api.post(BATCH, GATEWAY_TOKEN, List.of()).status()).isEqualTo(403);
		assertThat(this.api.post(BATCH, null, List.of()).status()).isEqualTo(401);
		assertThat(this.api.post(BATCH, ADMIN_TOKEN, List.of()).body()).isEmpty();
		Api.Response again = this.api.post("/api/v1/vehicles", ADMIN_TOKEN, vehicle("SJNFAAZE0U6000001", "ES"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.text("code")).isEqualTo("VIN_ALREADY_REGISTERED");
	}

}
