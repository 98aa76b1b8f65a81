package org.fleettelemetry.vehicles;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.Csv;
import org.fleettelemetry.support.IntegrationTests;
import org.fleettelemetry.support.ReadAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/vehicles/{vin}/daily}: a vehicle's own daily series, kept by
 * crediting per vehicle and day.
 */
class VehicleDailyIntegrationTests extends IntegrationTests {

	static final String VIN = "SJNFAAZE0U6000001";

	static final String OTHER = "SJNFAAZE0U6000002";

	static final String PATH = "/api/v1/vehicles/" + VIN + "/daily";

	void post(String vin, String token, Map<String, Object> report) {
		assertThat(this.api.post("/api/v1/vehicles/" + vin + "/reports", token, report).status()).isIn(200, 201);
	}

	String drive() {
		String token = this.api.register(VIN, "ES", 100.0);
		post(VIN, token, Api.trip("t-1", "2014-09-29T08:00:00Z", 112.3));
		post(VIN, token, Api.trip("t-2", "2014-09-29T10:00:00Z", 124.6));
		post(VIN, token, Api.odometer("o-3", "2014-10-01T10:00:00Z", 150.0));
		// a repeat and a late reading: counted once, crediting nothing more
		post(VIN, token, Api.trip("t-2", "2014-09-29T10:00:00Z", 124.6));
		post(VIN, token, Api.odometer("late", "2014-09-30T10:00:00Z", 130.0));
		return token;
	}

	@Test
	void givesEachDayItsCreditedDistanceTripsAndEnergyWithZeros() {
		String token = drive();
		Api.Response daily = this.api.get(PATH + "?from=2014-09-28&to=2014-10-01", token);
		assertThat(daily.status()).isEqualTo(200);
		JsonNode days = daily.body();
		assertThat(days.size()).isEqualTo(4);
		assertThat(days.get(0).get("date").asString()).isEqualTo("2014-09-28");
		assertThat(days.get(0).get("distanceKm").decimalValue()).isEqualByComparingTo("0");
		assertThat(days.get(0).get("trips").asLong()).isZero();
		JsonNode tripDay = days.get(1);
		assertThat(tripDay.get("distanceKm").decimalValue()).isEqualByComparingTo("24.6");
		assertThat(tripDay.get("trips").asLong()).isEqualTo(2);
		assertThat(tripDay.get("energyConsumedKwh").decimalValue()).isEqualByComparingTo("4.2");
		assertThat(tripDay.get("energyRegeneratedKwh").decimalValue()).isEqualByComparingTo("0.8");
		assertThat(tripDay.get("co2AvoidedKg").decimalValue()).isPositive();
		assertThat(days.get(2).get("distanceKm").decimalValue()).isEqualByComparingTo("0");
		assertThat(days.get(3).get("distanceKm").decimalValue()).isEqualByComparingTo("25.4");
		assertThat(days.get(3).get("trips").asLong()).isZero();
	}

	@Test
	void theVehiclesDaysAddUpToTheFleetsDays() {
		drive();
		String other = this.api.register(OTHER, "NO", 0.0);
		post(OTHER, other, Api.odometer("a", "2014-09-29T12:00:00Z", 10.5));
		post(OTHER, other, Api.odometer("b", "2014-10-01T12:00:00Z", 20.0));
		String range = "?from=2014-09-28&to=2014-10-02";
		JsonNode fleet = this.api.get("/api/v1/fleet/daily" + range, null).body();
		JsonNode mine = this.api.get(PATH + range, ADMIN_TOKEN).body();
		JsonNode theirs = this.api.get("/api/v1/vehicles/" + OTHER + "/daily" + range, ADMIN_TOKEN).body();
		for (int i = 0; i < 5; i++) {
			assertThat(mine.get(i).get("distanceKm").decimalValue().add(theirs.get(i).get("distanceKm").decimalValue()))
				.as(fleet.get(i).get("date").asString())
				.isEqualByComparingTo(fleet.get(i).get("distanceKm").decimalValue());
		}
		// and each vehicle's days add up to its distance
		BigDecimal days = BigDecimal.ZERO;
		for (JsonNode day : mine) {
			days = days.add(day.get("distanceKm").decimalValue());
		}
		assertThat(days)
			.isEqualByComparingTo(this.api.get("/api/v1/vehicles/" + VIN, ADMIN_TOKEN).decimal("distanceKm"))
			.isEqualByComparingTo("50");
	}

	@Test
	void theDailySeriesAsCsvHoldsWhatItsJsonHolds() {
		String token = drive();
		String path = PATH + "?from=2014-09-28&to=2014-10-01";
		HttpResponse<String> answer = this.api.csv(path, token);
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
		assertThat(answer.body())
			.startsWith("date,distanceKm,co2AvoidedKg,trips,energyConsumedKwh,energyRegeneratedKwh\n");
		List<Map<String, String>> json = Csv.rows(this.api.get(path, token).body());
		assertThat(json).hasSize(4);
		assertThat(Csv.rows(answer.body())).isEqualTo(json);
		assertThat(Csv.rows(answer.body()).get(1)).containsEntry("distanceKm", "24.600").containsEntry("trips", "2");
	}

	@Test
	void byDefaultGivesTheLastThirtyDaysAndRefusesBadRanges() {
		String token = this.api.register(VIN, "ES", 0.0);
		JsonNode days = this.api.get(PATH, token).body();
		assertThat(days.size()).isEqualTo(30);
		assertThat(days.get(29).get("date").asString()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
		ReadAssertions.assertInvalidParameters(this.api, PATH, token, Map.of("from=2014-10-02&to=2014-10-01", "from",
				"from=2004-01-01&to=2014-10-01", "to", "from=yesterday", "from"));
	}

	@Test
	void onlyTheAdminAndTheVehicleItselfReadItsDays() {
		String own = this.api.register(VIN, "ES", 0.0);
		String other = this.api.register(OTHER, "ES", 0.0);
		ReadAssertions.assertReadByAdminAndVehicleOnly(this.api, PATH, own, other);
		assertThat(this.api.csv(PATH, other).statusCode()).isEqualTo(403);
		Api.Response unknown = this.api.get("/api/v1/vehicles/SJNFAAZE0U6000009/daily", ADMIN_TOKEN);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.text("code")).isEqualTo("VEHICLE_NOT_FOUND");
	}

}
