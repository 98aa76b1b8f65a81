package org.fleettelemetry.security;

import java.util.Map;

import org.fleettelemetry.support.Api.Response;
import org.fleettelemetry.support.IntegrationTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access through real tokens in the real database: rotation, what is stored, the gateway.
 * Who may call what, whatever the token's vehicle, is shown on the web slice
 * ({@link AccessTests}).
 */
class AccessIntegrationTests extends IntegrationTests {

	static final String MINE = "SJNFAAZE0U6000001";

	static final String OTHER = "SJNFAAZE0U6000002";

	static final Map<String, Object> REPORT = Map.of("reportId", "odo-1", "type", "ODOMETER", "recordedAt",
			"2014-09-30T10:00:00Z", "odometerKm", 10.0);

	String token;

	String otherToken;

	@BeforeEach
	void registerVehicles() {
		this.token = this.api.register(MINE, "ES", 0.0);
		this.otherToken = this.api.register(OTHER, "ES", 0.0);
	}

	@Test
	void aRotatedTokenStopsWorking() {
		Response rotated = this.api.post("/api/v1/vehicles/" + MINE + "/token", ADMIN_TOKEN, "");
		assertThat(rotated.status()).isEqualTo(200);
		String fresh = rotated.text("token");
		assertThat(fresh).isNotEqualTo(this.token);
		assertProblem(this.api.get("/api/v1/vehicles/" + MINE, this.token), 401, "UNAUTHORIZED");
		assertThat(this.api.post("/api/v1/vehicles/" + MINE + "/reports", fresh, REPORT).status()).isEqualTo(201);
	}

	@Test
	void onlyAHashOfAVehicleTokenIsStored() {
		String stored = this.jdbc.sql("select token_hash from vehicles where vin = ?")
			.param(MINE)
			.query(String.class)
			.single();
		assertThat(stored).doesNotContain(this.token).hasSize(64);
		assertThat(this.token.length()).isGreaterThanOrEqualTo(43);
	}

	@Test
	void theGatewayPostsForManyVehiclesAndUnknownVinsAreRejected() {
		Response batch = this.api.post("/api/v1/reports/batch", GATEWAY_TOKEN,
				new Object[] {
						Map.of("vin", MINE, "reportId", "a", "type", "ODOMETER", "recordedAt", "2014-09-30T10:00:00Z",
								"odometerKm", 5),
						Map.of("vin", OTHER, "reportId", "a", "type", "ODOMETER", "recordedAt", "2014-09-30T10:00:00Z",
								"odometerKm", 7),
						Map.of("vin", "SJNFAAZE0U6999999", "reportId", "a", "type", "ODOMETER", "recordedAt",
								"2014-09-30T10:00:00Z", "odometerKm", 7) });
		assertThat(batch.status()).isEqualTo(200);
		assertThat(batch.body().get("accepted").asInt()).isEqualTo(2);
		assertThat(batch.body().get("results").get(2).get("code").asString()).isEqualTo("UNKNOWN_VEHICLE");
		assertThat(this.api.get("/api/v1/fleet/summary", null).decimal("distanceKm")).isEqualByComparingTo("12");
		assertThat(this.api.get("/api/v1/anomalies?vin=SJNFAAZE0U6999999", ADMIN_TOKEN).body().get("items")).hasSize(1);
	}

	static void assertProblem(Response response, int status, String code) {
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.text("code")).isEqualTo(code);
	}

}
