package org.fleettelemetry.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fleettelemetry.support.Api.Response;
import org.fleettelemetry.support.IntegrationTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input that the services judge gets a 4xx problem detail with its code, never a 500,
 * and changes nothing. How the web layer answers bad requests (bodies that are no JSON or
 * too large, bad paths and parameters) is shown on the web slice: ReportControllerTests,
 * VehicleControllerTests, FleetControllerTests and ProblemHandlerTests.
 */
class RequestValidationIntegrationTests extends IntegrationTests {

	static final String VIN = "SJNFAAZE0U6000001";

	static final String REPORTS = "/api/v1/vehicles/" + VIN + "/reports";

	String token;

	@BeforeEach
	void registerVehicle() {
		this.token = this.api.register(VIN, "ES", 0.0);
	}

	static String report(String field, String json) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("reportId", "\"odo-1\"");
		fields.put("type", "\"ODOMETER\"");
		fields.put("recordedAt", "\"2014-09-30T10:00:00Z\"");
		fields.put("odometerKm", "12.5");
		if (json == null) {
			fields.remove(field);
		}
		else {
			fields.put(field, json);
		}
		List<String> members = new ArrayList<>();
		fields.forEach((name, value) -> members.add("\"" + name + "\":" + value));
		return "{" + String.join(",", members) + "}";
	}

	@ParameterizedTest(name = "{0} = {1}")
	@CsvSource(delimiter = '|', nullValues = "MISSING",
			value = { "reportId   | MISSING", "reportId   | \"\"", "reportId   | \"has spaces\"",
					"reportId   | \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"",
					"type       | MISSING", "type       | \"FLIGHT\"", "recordedAt | MISSING",
					"recordedAt | \"yesterday\"", "recordedAt | 12", "odometerKm | MISSING", "odometerKm | -0.001",
					"odometerKm | 1e999", "odometerKm | \"NaN\"", "odometerKm | \"Infinity\"", "odometerKm | true",
					"distanceKm | -1", "energyConsumedKwh | -2", "startedAt  | \"2014-09-30T11:00:00Z\"" })
	void aBadFieldIsNamed(String field, String json) {
		Response response = this.api.post(REPORTS, this.token, report(field, json));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.text("code")).isEqualTo("INVALID_FIELD");
		assertThat(response.text("field")).isEqualTo(field);
		assertThat(this.api.get("/api/v1/fleet/summary", null).body().get("reports").asLong()).isZero();
	}

	/**
	 * Read by the report parser, which needs an object: how bodies that are no JSON at
	 * all are answered is a matter of the web layer ({@code ReportControllerTests}).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "[]", "\"text\"" })
	void aReportThatIsNoObjectIsNamed(String body) {
		Response response = this.api.post(REPORTS, this.token, body);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.text("code")).isEqualTo("INVALID_FIELD");
		assertThat(response.text("field")).isEqualTo("report");
	}

	@Test
	void aBadVinIsRefusedAtRegistration() {
		Response registration = this.api.post("/api/v1/vehicles", ADMIN_TOKEN,
				Map.of("vin", "SJNFAAZE0U600000I", "model", "LEAF", "country", "ES"));
		assertThat(registration.status()).isEqualTo(400);
		assertThat(registration.text("field")).isEqualTo("vin");
	}

	@Test
	void aBadCountryIsRefused() {
		Response registration = this.api.post("/api/v1/vehicles", ADMIN_TOKEN,
				Map.of("vin", "SJNFAAZE0U6000002", "model", "LEAF", "country", "XX"));
		assertThat(registration.status()).isEqualTo(400);
		assertThat(registration.text("field")).isEqualTo("country");
	}

	@Test
	void aVinRegisteredTwiceIsAConflict() {
		Response again = this.api.post("/api/v1/vehicles", ADMIN_TOKEN,
				Map.of("vin", VIN, "model", "LEAF", "country", "ES"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.text("code")).isEqualTo("VIN_ALREADY_REGISTERED");
	}

	@Test
	void anUnknownVehicleIsNotFound() {
		Response response = this.api.get("/api/v1/vehicles/SJNFAAZE0U6000009", ADMIN_TOKEN);
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.text("code")).isEqualTo("VEHICLE_NOT_FOUND");
	}

	@Test
	void aBatchOfMoreThanAThousandIsRefused() {
		List<Object> reports = new ArrayList<>();
		for (int i = 0; i < 1001; i++) {
			reports.add(Map.of("reportId", "r" + i, "type", "ODOMETER", "recordedAt", "2014-09-30T10:00:00Z",
					"odometerKm", 1));
		}
		Response response = this.api.post(REPORTS + "/batch", this.token, reports);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.text("code")).isEqualTo("BATCH_TOO_LARGE");
	}

}
