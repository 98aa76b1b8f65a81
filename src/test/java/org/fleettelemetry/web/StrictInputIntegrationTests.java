package org.fleettelemetry.web;

import java.util.List;
import java.util.Map;

import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.IntegrationTests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every body is read strictly: what the contract does not name, a key given twice, a
 * number as text or a time as a number is the client's 400, never a guess and never an
 * anomaly; distances may come in miles, converted exactly.
 */
class StrictInputIntegrationTests extends IntegrationTests {

	static final String VIN = "SJNFAAZE0U6000001";

	static final String REPORTS = "/api/v1/vehicles/" + VIN + "/reports";

	void assertRefused(Api.Response answer, String code, String detail) {
		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(400);
		assertThat(answer.text("code")).isEqualTo(code);
		assertThat(answer.text("detail")).startsWith(detail);
	}

	void assertNothingStored() {
		assertThat(this.jdbc.sql("select count(*) from reports").query(Long.class).single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from anomalies").query(Long.class).single()).isZero();
	}

	@Test
	void aReportIsReadStrictlyOnEveryReportEndpoint() {
		String token = this.api.register(VIN, "ES", 0.0);
		String report = "{\"reportId\": \"r-1\", \"type\": \"ODOMETER\", \"recordedAt\": \"2014-09-30T10:00:00Z\", ";
		Map<String, String> refused = Map.of(report + "\"odometerKm\": 12.5, \"unit\": \"mi\"}",
				"unit: is not a field of a report", report + "\"odometerKm\": \"12.5\"}",
				"odometerKm: must be a JSON number",
				"{\"reportId\": \"r-1\", \"type\": \"ODOMETER\", \"recordedAt\": 1412236800000, \"odometerKm\": 1}",
				"recordedAt: must be an ISO-8601 instant such as 2014-09-30T10:00:00Z");
		refused.forEach((body, detail) -> {
			assertRefused(this.api.post(REPORTS, token, body), "INVALID_FIELD", detail);
			Api.Response batch = this.api.post(REPORTS + "/batch", token, "[" + body + "]");
			assertThat(batch.status()).isEqualTo(200);
			assertThat(batch.body().get("results").get(0).get("code").asString()).isEqualTo("INVALID_FIELD");
			assertThat(batch.body().get("results").get(0).get("detail").asString()).startsWith(detail);
		});
		assertNothingStored();
	}

	@Test
	void aKeyGivenTwiceIsRefusedWholeWhereverItIs() {
		String token = this.api.register(VIN, "ES", 0.0);
		String twice = "{\"reportId\": \"r-1\", \"reportId\": \"r-2\", \"type\": \"ODOMETER\", "
				+ "\"recordedAt\": \"2014-09-30T10:00:00Z\", \"odometerKm\": 1}";
		assertRefused(this.api.post(REPORTS, token, twice), "MALFORMED_REQUEST", "A key is given twice");
		assertRefused(this.api.post(REPORTS + "/batch", token, "[" + twice + "]"), "MALFORMED_REQUEST",
				"A key is given twice");
		// a gateway that checked the first VIN and a service that took the last would
		// disagree on the car
		String twoCars = "[{\"vin\": \"" + VIN + "\", \"vin\": \"SJNFAAZE0U6000002\", \"reportId\": \"r-1\", "
				+ "\"type\": \"ODOMETER\", \"recordedAt\": \"2014-09-30T10:00:00Z\", \"odometerKm\": 1}]";
		assertRefused(this.api.post("/api/v1/reports/batch", GATEWAY_TOKEN, twoCars), "MALFORMED_REQUEST",
				"A key is given twice");
		assertRefused(this.api.post("/api/v1/vehicles", ADMIN_TOKEN,
				"{\"vin\": \"SJNFAAZE0U6000003\", \"vin\": \"SJNFAAZE0U6000004\", \"model\": \"LEAF\", \"country\": \"ES\"}"),
				"MALFORMED_REQUEST", "A key is given twice");
		assertNothingStored();
		assertThat(this.jdbc.sql("select count(*) from vehicles").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theOtherBodiesAreReadStrictlyToo() {
		this.api.register(VIN, "ES", 0.0);
		assertRefused(
				this.api.post("/api/v1/vehicles", ADMIN_TOKEN,
						Map.of("vin", "SJNFAAZE0U6000002", "model", "LEAF", "country", "ES", "odometerMiles", 5)),
				"INVALID_FIELD", "odometerMiles: is not a field of this request");
		assertRefused(
				this.api.post("/api/v1/vehicles", ADMIN_TOKEN,
						Map.of("vin", "SJNFAAZE0U6000002", "model", "LEAF", "country", "ES", "odometerKm", "5000")),
				"INVALID_FIELD", "odometerKm: must be a JSON number");
		// and text sent as a number is not made text (found by the fuzz
		// test, seed 2446388434064585635)
		for (Object model : List.of(1e308, 0.0001, 42, true)) {
			Api.Response answer = this.api.post("/api/v1/vehicles", ADMIN_TOKEN,
					Map.of("vin", "SJNFAAZE0U6000002", "model", model, "country", "ES"));
			assertRefused(answer, "INVALID_FIELD", "model:");
			assertThat(answer.text("field")).isEqualTo("model");
		}
		assertRefused(
				this.api.post("/api/v1/vehicles/" + VIN + "/odometer-resets", ADMIN_TOKEN,
						Map.of("odometerKm", 0, "effectiveAt", 1425196800)),
				"INVALID_FIELD", "effectiveAt: must be an ISO-8601 instant such as 2014-09-30T10:00:00Z");
		assertRefused(
				this.api.post("/api/v1/vehicles/" + VIN + "/retire", ADMIN_TOKEN,
						Map.of("reason", "scrapped", "when", "now")),
				"INVALID_FIELD", "when: is not a field of this request");
		assertThat(this.jdbc.sql("select count(*) from vehicles").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void milesAreCreditedAsKilometresToTheMetre() {
		String us = "1N4AZ0CP0DC400001";
		Api.Response registered = this.api.post("/api/v1/vehicles", ADMIN_TOKEN,
				Map.of("vin", us, "model", "LEAF", "country", "US", "odometerMi", 10));
		assertThat(registered.status()).isEqualTo(201);
		String token = registered.text("token");
		String path = "/api/v1/vehicles/" + us + "/reports";
		Api.Response trip = this.api.post(path, token, Map.of("reportId", "t-1", "type", "TRIP", "recordedAt",
				"2014-09-30T10:00:00Z", "odometerMi", 110, "distanceMi", 100));
		assertThat(trip.status()).isEqualTo(201);
		// each reading to the metre: 110 mi = 177,028 m, 10 mi = 16,093 m
		assertThat(trip.decimal("creditedKm")).isEqualByComparingTo("160.935");
		assertThat(this.api.get("/api/v1/vehicles/" + us, token).decimal("odometerKm")).isEqualByComparingTo("177.028");
		assertThat(this.api
			.post("/api/v1/vehicles/" + us + "/odometer-resets", ADMIN_TOKEN,
					Map.of("odometerMi", 1, "effectiveAt", "2014-10-01T00:00:00Z"))
			.decimal("odometerKm")).isEqualByComparingTo("1.609");
		assertRefused(
				this.api.post(path, token, Map.of("reportId", "t-2", "type", "TRIP", "recordedAt",
						"2014-09-30T11:00:00Z", "odometerMi", 111, "odometerKm", 178)),
				"INVALID_FIELD", "odometerMi: give");
		assertThat(List.of(this.api.get("/api/v1/fleet/summary", null).decimal("distanceKm"))).singleElement()
			.satisfies((km) -> assertThat(km).isEqualByComparingTo("160.935"));
	}

}
