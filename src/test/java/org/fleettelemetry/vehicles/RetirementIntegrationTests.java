package org.fleettelemetry.vehicles;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.Instances;
import org.fleettelemetry.support.IntegrationTests;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RetirementIntegrationTests extends IntegrationTests {

	static final String VIN = "SJNFAAZE0U6000001";

	static final String OTHER = "SJNFAAZE0U6000002";

	static final Map<String, String> REASON = Map.of("reason", "written off after an accident");

	String token;

	Api.Response retire(String vin) {
		return this.api.post("/api/v1/vehicles/" + vin + "/retire", ADMIN_TOKEN, REASON);
	}

	void registerAndDrive() {
		this.token = this.api.register(VIN, "ES", 1000.0);
		this.api.register(OTHER, "ES", 0.0);
		assertThat(this.api
			.post("/api/v1/vehicles/" + VIN + "/reports", this.token,
					Api.odometer("odo-1", "2014-09-30T10:00:00Z", 1250.0))
			.status()).isEqualTo(201);
	}

	@Test
	void aRetiredVehicleLeavesTheActiveCountButKeepsItsDistanceEverywhere() {
		registerAndDrive();
		Api.Response retired = retire(VIN);
		assertThat(retired.status()).isEqualTo(200);
		assertThat(retired.text("status")).isEqualTo("RETIRED");
		assertThat(retired.body().get("retiredAt").isNull()).isFalse();
		assertThat(retired.decimal("distanceKm")).isEqualByComparingTo("250");

		Api.Response summary = this.api.get("/api/v1/fleet/summary", null);
		assertThat(summary.body().get("vehicles").asLong()).isEqualTo(1);
		assertThat(summary.body().get("retiredVehicles").asLong()).isEqualTo(1);
		assertThat(summary.decimal("distanceKm")).isEqualByComparingTo("250");
		Api.Response countries = this.api.get("/api/v1/fleet/countries", null);
		assertThat(countries.body().get(0).get("vehicles").asLong()).isEqualTo(1);
		assertThat(countries.body().get(0).get("distanceKm").decimalValue()).isEqualByComparingTo("250");
		assertThat(this.api.get("/api/v1/vehicles/" + VIN, ADMIN_TOKEN).text("status")).isEqualTo("RETIRED");
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(this.api.text("/actuator/prometheus")).contains("fleet_vehicles 1.0",
					"fleet_vehicles_retired 1.0"));
	}

	@Test
	void itsTokenStopsWorkingAtOnceAndItsLaterReportsAreKeptAsAnomalies() {
		registerAndDrive();
		retire(VIN);
		var report = Api.odometer("odo-2", "2014-09-30T11:00:00Z", 1300.0);
		assertThat(this.api.post("/api/v1/vehicles/" + VIN + "/reports", this.token, report).status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/vehicles/" + VIN, this.token).status()).isEqualTo(401);

		Api.Response single = this.api.post("/api/v1/vehicles/" + VIN + "/reports", GATEWAY_TOKEN, report);
		assertThat(single.status()).isEqualTo(422);
		assertThat(single.text("code")).isEqualTo("VEHICLE_RETIRED");
		Map<String, Object> item = new HashMap<>(Api.odometer("odo-3", "2014-09-30T12:00:00Z", 1400.0));
		item.put("vin", VIN);
		Api.Response batch = this.api.post("/api/v1/reports/batch", GATEWAY_TOKEN, List.of(item));
		assertThat(batch.body().get("results").get(0).get("code").asString()).isEqualTo("VEHICLE_RETIRED");
		// a report it sent before it was retired is still answered as what it was
		Api.Response resent = this.api.post("/api/v1/vehicles/" + VIN + "/reports", ADMIN_TOKEN,
				Api.odometer("odo-1", "2014-09-30T10:00:00Z", 1250.0));
		assertThat(resent.status()).isEqualTo(200);
		assertThat(resent.text("status")).isEqualTo("DUPLICATE");

		List<String> codes = new ArrayList<>();
		this.api.get("/api/v1/anomalies?vin=" + VIN, ADMIN_TOKEN)
			.body()
			.get("items")
			.forEach((anomaly) -> codes.add(anomaly.get("code").asString()));
		assertThat(codes).containsExactly("VEHICLE_RETIRED", "VEHICLE_RETIRED");
		assertThat(this.api.get("/api/v1/fleet/summary", null).decimal("distanceKm")).isEqualByComparingTo("250");
	}

	@Test
	void rotatingResettingOrRetiringARetiredVehicleIsAConflict() {
		registerAndDrive();
		retire(VIN);
		Api.Response again = retire(VIN);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.text("code")).isEqualTo("VEHICLE_RETIRED");
		assertThat(this.api.post("/api/v1/vehicles/" + VIN + "/token", ADMIN_TOKEN, "").text("code"))
			.isEqualTo("VEHICLE_RETIRED");
		Api.Response reset = this.api.post("/api/v1/vehicles/" + VIN + "/odometer-resets", ADMIN_TOKEN,
				Map.of("odometerKm", 0.0, "effectiveAt", "2015-03-01T08:00:00Z", "reason", "cluster replaced"));
		assertThat(reset.status()).isEqualTo(409);
		assertThat(reset.text("code")).isEqualTo("VEHICLE_RETIRED");
		assertThat(retire("SJNFAAZE0U6000009").status()).isEqualTo(404);
	}

	@Test
	void ofRacingRetirementsOneWinsAndTheVehicleIsCountedOnce() {
		registerAndDrive();
		List<CompletableFuture<Integer>> racing = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			racing.add(CompletableFuture.supplyAsync(() -> retire(VIN).status()));
		}
		List<Integer> statuses = racing.stream().map(CompletableFuture::join).toList();
		assertThat(statuses).containsOnly(200, 409).filteredOn((s) -> s == 200).hasSize(1);
		Api.Response summary = this.api.get("/api/v1/fleet/summary", null);
		assertThat(summary.body().get("vehicles").asLong()).isEqualTo(1);
		assertThat(summary.body().get("retiredVehicles").asLong()).isEqualTo(1);
	}

	@Test
	void aRetirementNeedsAReasonAndTheAdmin() {
		registerAndDrive();
		for (Object body : List.of(Map.of(), Map.of("reason", " "), Map.of("reason", "x".repeat(501)))) {
			Api.Response answer = this.api.post("/api/v1/vehicles/" + VIN + "/retire", ADMIN_TOKEN, body);
			assertThat(answer.status()).isEqualTo(400);
			assertThat(answer.text("detail")).startsWith("reason:");
		}
		assertThat(this.api.post("/api/v1/vehicles/" + VIN + "/retire", this.token, REASON).status()).isEqualTo(403);
		assertThat(this.api.post("/api/v1/vehicles/" + VIN + "/retire", GATEWAY_TOKEN, REASON).status()).isEqualTo(403);
		assertThat(this.api.post("/api/v1/vehicles/" + VIN + "/retire", null, REASON).status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/vehicles/" + VIN, ADMIN_TOKEN).text("status")).isEqualTo("ACTIVE");
	}

	@Test
	void anotherInstanceThatCachedTheTokenStopsTakingItSoon() {
		registerAndDrive();
		try (ConfigurableApplicationContext instance = Instances.start("fleet.vehicle-token-cache-ttl=1h",
				"fleet.webhooks.dispatch.enabled=false")) {
			Api other = Instances.api(instance);
			assertThat(other.get("/api/v1/vehicles/" + VIN, this.token).status()).isEqualTo(200);
			assertThat(retire(VIN).status()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(5))
				.until(() -> other.get("/api/v1/vehicles/" + VIN, this.token).status() == 401);
		}
	}

}
