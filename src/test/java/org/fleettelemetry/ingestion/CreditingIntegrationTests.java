package org.fleettelemetry.ingestion;

import java.util.Map;

import org.fleettelemetry.support.Api.Response;
import tools.jackson.databind.JsonNode;
import org.fleettelemetry.support.IntegrationTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.fleettelemetry.support.Api.odometer;
import static org.assertj.core.api.Assertions.assertThat;

class CreditingIntegrationTests extends IntegrationTests {

	static final String VIN = "SJNFAAZE0U6000001";

	static final String REPORTS = "/api/v1/vehicles/" + VIN + "/reports";

	String token;

	@BeforeEach
	void registerVehicle() {
		this.token = this.api.register(VIN, "ES", 1000.0);
	}

	Response post(Object report) {
		return this.api.post(REPORTS, this.token, report);
	}

	double vehicleDistance() {
		return this.api.get("/api/v1/vehicles/" + VIN, this.token).decimal("distanceKm").doubleValue();
	}

	@Test
	void creditsOnlyTheIncreaseOverTheHighestReading() {
		assertThat(post(odometer("a", "2014-09-30T10:00:00Z", 1012.345)).decimal("creditedKm"))
			.isEqualByComparingTo("12.345");
		Response second = post(odometer("b", "2014-09-30T11:00:00Z", 1020.0));
		assertThat(second.status()).isEqualTo(201);
		assertThat(second.decimal("creditedKm")).isEqualByComparingTo("7.655");
		assertThat(second.decimal("vehicleDistanceKm")).isEqualByComparingTo("20.000");
	}

	@Test
	void aReplayIsADuplicateAndCreditsNothing() {
		post(odometer("a", "2014-09-30T10:00:00Z", 1010));
		Response replay = post(odometer("a", "2014-09-30T10:00:00Z", 1010));
		assertThat(replay.status()).isEqualTo(200);
		assertThat(replay.text("status")).isEqualTo("DUPLICATE");
		assertThat(replay.decimal("creditedKm")).isEqualByComparingTo("10");
		assertThat(vehicleDistance()).isEqualTo(10.0);
		assertThat(this.api.get("/api/v1/fleet/summary", null).body().get("reports").asLong()).isEqualTo(1);
	}

	@Test
	void aLateReportIsAcceptedAndCreditsNothing() {
		post(odometer("a", "2014-09-30T10:00:00Z", 1010));
		post(odometer("c", "2014-09-30T12:00:00Z", 1030));
		Response late = post(odometer("b", "2014-09-30T11:00:00Z", 1020));
		assertThat(late.status()).isEqualTo(201);
		assertThat(late.text("status")).isEqualTo("ACCEPTED");
		assertThat(late.decimal("creditedKm")).isEqualByComparingTo("0");
		assertThat(vehicleDistance()).isEqualTo(30.0);
	}

	@Test
	void aLostReportIsMadeUpByTheNext() {
		post(odometer("a", "2014-09-30T10:00:00Z", 1010));
		assertThat(post(odometer("c", "2014-09-30T12:00:00Z", 1030)).decimal("creditedKm")).isEqualByComparingTo("20");
	}

	@Test
	void aRollbackIsRejectedAndQuarantined() {
		post(odometer("a", "2014-09-30T10:00:00Z", 1010));
		Response rollback = post(odometer("b", "2014-09-30T11:00:00Z", 1005));
		assertThat(rollback.status()).isEqualTo(422);
		assertThat(rollback.contentType()).startsWith("application/problem+json");
		assertThat(rollback.text("code")).isEqualTo("ODOMETER_ROLLBACK");
		JsonNode anomalies = this.api.get("/api/v1/anomalies?vin=" + VIN, ADMIN_TOKEN).body().get("items");
		assertThat(anomalies).hasSize(1);
		assertThat(anomalies.get(0).get("reportId").asString()).isEqualTo("b");
		assertThat(anomalies.get(0).get("code").asString()).isEqualTo("ODOMETER_ROLLBACK");
		assertThat(vehicleDistance()).isEqualTo(10.0);
	}

	@Test
	void aReadingHigherThanALaterOneIsARollback() {
		post(odometer("a", "2014-09-30T10:00:00Z", 1010));
		post(odometer("c", "2014-09-30T12:00:00Z", 1030));
		assertThat(post(odometer("b", "2014-09-30T11:00:00Z", 1040)).text("code")).isEqualTo("ODOMETER_ROLLBACK");
	}

	@Test
	void aReadingBelowTheEnrolmentBaselineIsARollback() {
		assertThat(post(odometer("a", "2014-09-30T10:00:00Z", 999)).text("code")).isEqualTo("ODOMETER_ROLLBACK");
	}

	@Test
	void anImplausibleJumpIsRejected() {
		post(odometer("a", "2014-09-30T10:00:00Z", 1010));
		// one hour at 250 km/h plus 1 km of clock rounding is the most
		assertThat(post(odometer("b", "2014-09-30T11:00:00Z", 1261.001)).text("code"))
			.isEqualTo("IMPLAUSIBLE_DISTANCE");
		assertThat(post(odometer("c", "2014-09-30T11:00:00Z", 1261)).status()).isEqualTo(201);
	}

	@Test
	void aFutureTimestampIsRejected() {
		Response future = post(odometer("a", java.time.Instant.now().plusSeconds(600).toString(), 1010));
		assertThat(future.status()).isEqualTo(422);
		assertThat(future.text("code")).isEqualTo("TIMESTAMP_IN_FUTURE");
	}

	@Test
	void aReusedReportIdWithOtherContentIsAConflict() {
		post(odometer("a", "2014-09-30T10:00:00Z", 1010));
		Response conflict = post(odometer("a", "2014-09-30T10:00:00Z", 1011));
		assertThat(conflict.status()).isEqualTo(409);
		assertThat(conflict.text("code")).isEqualTo("REPORT_ID_CONFLICT");
		assertThat(vehicleDistance()).isEqualTo(10.0);
	}

	@Test
	void aRejectedReportDoesNotTakeItsId() {
		post(odometer("a", "2014-09-30T10:00:00Z", 1010));
		assertThat(post(odometer("b", "2014-09-30T11:00:00Z", 1005)).status()).isEqualTo(422);
		Response again = post(odometer("b", "2014-09-30T11:00:00Z", 1015));
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.decimal("creditedKm")).isEqualByComparingTo("5");
	}

	@Test
	void withoutAnEnrolmentReadingTheFirstReadingIsTheBaseline() {
		String vin = "SJNFAAZE0U6000002";
		String other = this.api.register(vin, "FR", null);
		Response first = this.api.post("/api/v1/vehicles/" + vin + "/reports", other,
				odometer("a", "2014-09-30T10:00:00Z", 5000));
		assertThat(first.decimal("creditedKm")).isEqualByComparingTo("0");
		Response second = this.api.post("/api/v1/vehicles/" + vin + "/reports", other,
				odometer("b", "2014-09-30T11:00:00Z", 5042));
		assertThat(second.decimal("creditedKm")).isEqualByComparingTo("42");
		assertThat(this.api.get("/api/v1/vehicles/" + vin, other).decimal("odometerKm")).isEqualByComparingTo("5042");
	}

	@Test
	void aReadingRecordedBeforeTheFirstReadingIsLateNotARollback() {
		String vin = "SJNFAAZE0U6000002";
		String other = this.api.register(vin, "FR", null);
		String reports = "/api/v1/vehicles/" + vin + "/reports";
		this.api.post(reports, other, odometer("b", "2014-09-30T11:00:00Z", 5000));
		Response earlier = this.api.post(reports, other, odometer("a", "2014-09-30T10:00:00Z", 4990));
		assertThat(earlier.status()).isEqualTo(201);
		assertThat(earlier.decimal("creditedKm")).isEqualByComparingTo("0");
		assertThat(this.api.post(reports, other, odometer("c", "2014-09-30T12:00:00Z", 5010)).decimal("creditedKm"))
			.isEqualByComparingTo("10");
	}

	@Test
	void tripsFeedTripStatisticsNotTheCreditedDistance() {
		Map<String, Object> trip = odometer("t", "2014-09-30T10:00:00Z", 1010);
		trip.put("type", "TRIP");
		trip.put("startedAt", "2014-09-30T09:30:00Z");
		trip.put("distanceKm", 12.0);
		trip.put("energyConsumedKwh", 2.0);
		trip.put("energyRegeneratedKwh", 0.5);
		assertThat(post(trip).decimal("creditedKm")).isEqualByComparingTo("10");
		Response vehicle = this.api.get("/api/v1/vehicles/" + VIN, this.token);
		assertThat(vehicle.decimal("distanceKm")).isEqualByComparingTo("10");
		assertThat(vehicle.body().get("trips").asLong()).isEqualTo(1);
		assertThat(vehicle.decimal("energyConsumedKwh")).isEqualByComparingTo("2");
		assertThat(vehicle.decimal("kmPerKwh")).isEqualByComparingTo("8");
		assertThat(vehicle.decimal("co2AvoidedKg")).isEqualByComparingTo("1.7");
	}

	@Test
	void anOdometerResetCreditsLaterReportsAgainstTheNewBaseline() {
		post(odometer("a", "2015-02-28T10:00:00Z", 1100));
		Response reset = this.api.post("/api/v1/vehicles/" + VIN + "/odometer-resets", ADMIN_TOKEN, Map.of("odometerKm",
				0.0, "effectiveAt", "2015-03-01T08:00:00Z", "reason", "instrument cluster replaced"));
		assertThat(reset.status()).isEqualTo(201);
		assertThat(post(odometer("b", "2015-03-01T09:00:00Z", 20)).decimal("creditedKm")).isEqualByComparingTo("20");
		// a report recorded before the reset still belongs to the old odometer
		assertThat(post(odometer("c", "2015-02-28T12:00:00Z", 1130)).decimal("creditedKm")).isEqualByComparingTo("30");
		assertThat(vehicleDistance()).isEqualTo(150.0);
		assertThat(this.api.get("/api/v1/vehicles/" + VIN, this.token).decimal("odometerKm"))
			.isEqualByComparingTo("20");
	}

	@Test
	void aBatchIsJudgedItemByItemInTheOrderSent() {
		Response batch = this.api.post(REPORTS + "/batch", this.token,
				java.util.List.of(odometer("b", "2014-09-30T11:00:00Z", 1020),
						odometer("a", "2014-09-30T10:00:00Z", 1010), odometer("b", "2014-09-30T11:00:00Z", 1020),
						odometer("x", "2014-09-30T10:30:00Z", 1030), Map.of("reportId", "y")));
		assertThat(batch.status()).isEqualTo(200);
		assertThat(batch.body().get("accepted").asInt()).isEqualTo(2);
		assertThat(batch.body().get("duplicates").asInt()).isEqualTo(1);
		assertThat(batch.body().get("rejected").asInt()).isEqualTo(2);
		var results = batch.body().get("results");
		assertThat(results.get(0).get("creditedKm").decimalValue()).isEqualByComparingTo("20");
		assertThat(results.get(1).get("creditedKm").decimalValue()).isEqualByComparingTo("0");
		assertThat(results.get(2).get("status").asString()).isEqualTo("DUPLICATE");
		assertThat(results.get(3).get("code").asString()).isEqualTo("ODOMETER_ROLLBACK");
		assertThat(results.get(4).get("code").asString()).isEqualTo("INVALID_FIELD");
		assertThat(vehicleDistance()).isEqualTo(20.0);
	}

}
