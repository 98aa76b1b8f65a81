package org.fleettelemetry.ingestion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.IntegrationTests;
import org.fleettelemetry.support.ReadAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/vehicles/{vin}/reports}: a vehicle's accepted reports, the latest
 * {@code recordedAt} first, as keyset pages.
 */
class ReportHistoryIntegrationTests extends IntegrationTests {

	static final String VIN = "SJNFAAZE0U6000001";

	static final String OTHER = "SJNFAAZE0U6000002";

	static final String PATH = "/api/v1/vehicles/" + VIN + "/reports";

	static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("items").forEach((item) -> ids.add(item.get("reportId").asString()));
		return ids;
	}

	/** Every page of the history asked for with {@code query}, followed to the end. */
	List<String> walk(String query) {
		List<String> all = new ArrayList<>();
		String next = null;
		do {
			Api.Response page = this.api.get(PATH + "?" + query + ((next != null) ? "&cursor=" + next : ""),
					ADMIN_TOKEN);
			assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
			all.addAll(ids(page.body()));
			next = page.body().get("next").isNull() ? null : page.body().get("next").asString();
		}
		while (next != null);
		return all;
	}

	void post(String token, Map<String, Object> report) {
		assertThat(this.api.post(PATH, token, report).status()).isIn(200, 201);
	}

	@Test
	void listsTheAcceptedReportsLatestFirstWithWhatEachCredited() {
		String token = this.api.register(VIN, "ES", 100.0);
		post(token, Api.trip("t-2", "2014-09-30T10:00:00Z", 130.0));
		post(token, Api.trip("t-1", "2014-09-29T10:00:00Z", 112.5));
		post(token, Api.odometer("o-3", "2014-10-01T10:00:00Z", 150.25));
		// refused reports are anomalies, not history
		assertThat(this.api.post(PATH, token, Api.odometer("rollback", "2014-10-02T10:00:00Z", 10.0)).status())
			.isEqualTo(422);

		Api.Response page = this.api.get(PATH, token);
		assertThat(page.status()).isEqualTo(200);
		assertThat(ids(page.body())).containsExactly("o-3", "t-2", "t-1");
		assertThat(page.body().get("next").isNull()).isTrue();
		JsonNode latest = page.body().get("items").get(0);
		assertThat(latest.get("type").asString()).isEqualTo("ODOMETER");
		assertThat(latest.get("creditedKm").decimalValue()).isEqualByComparingTo("20.25");
		assertThat(latest.get("odometerKm").decimalValue()).isEqualByComparingTo("150.25");
		assertThat(latest.get("startedAt").isNull()).isTrue();
		assertThat(latest.get("distanceKm").isNull()).isTrue();
		assertThat(latest.get("energyConsumedKwh").isNull()).isTrue();
		assertThat(latest.get("receivedAt").isNull()).isFalse();
		JsonNode trip = page.body().get("items").get(1);
		assertThat(trip.get("creditedKm").decimalValue()).isEqualByComparingTo("30");
		assertThat(trip.get("distanceKm").decimalValue()).isEqualByComparingTo("12.3");
		assertThat(trip.get("energyConsumedKwh").decimalValue()).isEqualByComparingTo("2.1");
		assertThat(trip.get("energyRegeneratedKwh").decimalValue()).isEqualByComparingTo("0.4");
		assertThat(trip.get("startedAt").asString()).isEqualTo("2014-09-30T09:00:00Z");
		// the late reading credited nothing: the later one had covered it
		assertThat(page.body().get("items").get(2).get("creditedKm").decimalValue()).isEqualByComparingTo("0");
	}

	@Test
	void ordersByRecordedAtAcrossOdometersEvenWhenAResetPredatesAcceptedReadings() {
		String token = this.api.register(VIN, "ES", 0.0);
		post(token, Api.odometer("old-1", "2015-03-01T10:00:00Z", 100.0));
		post(token, Api.odometer("old-3", "2015-03-03T10:00:00Z", 300.0));
		// the new odometer counts from 2 March: the reading of 3 March stays with the old
		assertThat(
				this.api
					.post("/api/v1/vehicles/" + VIN + "/odometer-resets", ADMIN_TOKEN,
							Map.of("odometerKm", 0.0, "effectiveAt", "2015-03-02T00:00:00Z", "reason",
									"cluster replaced"))
					.status())
			.isEqualTo(201);
		post(token, Api.odometer("new-2", "2015-03-02T10:00:00Z", 5.0));
		post(token, Api.odometer("new-4", "2015-03-04T10:00:00Z", 50.0));

		assertThat(walk("size=1")).containsExactly("new-4", "old-3", "new-2", "old-1");
		assertThat(walk("size=3")).containsExactly("new-4", "old-3", "new-2", "old-1");
		assertThat(walk("from=2015-03-02&to=2015-03-03&size=1")).containsExactly("old-3", "new-2");
	}

	@Test
	void fromAndToAreWholeUtcDaysBothIncluded() {
		String token = this.api.register(VIN, "ES", 0.0);
		post(token, Api.odometer("a", "2014-09-29T23:59:59Z", 1.0));
		post(token, Api.odometer("b", "2014-09-30T00:00:00Z", 2.0));
		post(token, Api.odometer("c", "2014-09-30T23:59:59.999999Z", 3.0));
		post(token, Api.odometer("d", "2014-10-01T00:00:00Z", 4.0));

		assertThat(walk("from=2014-09-30&to=2014-09-30")).containsExactly("c", "b");
		assertThat(walk("from=2014-09-30")).containsExactly("d", "c", "b");
		assertThat(walk("to=2014-09-29")).containsExactly("a");
		assertThat(walk("from=2014-10-02")).isEmpty();
	}

	@Test
	void reportsWrittenWhilePagingNeverMakeAPageRepeatOrSkipOne() {
		String token = this.api.register(VIN, "ES", 0.0);
		List<String> before = new ArrayList<>();
		for (int day = 10; day <= 29; day++) {
			post(token, Api.odometer("r" + day, "2014-09-" + day + "T10:00:00Z", day * 10.0));
			before.add(0, "r" + day);
		}
		List<String> seen = new ArrayList<>();
		String next = null;
		int written = 0;
		do {
			Api.Response page = this.api.get(PATH + "?size=3" + ((next != null) ? "&cursor=" + next : ""), token);
			seen.addAll(ids(page.body()));
			next = page.body().get("next").isNull() ? null : page.body().get("next").asString();
			// between pages: a newer report, and late ones on either side of the cursor
			written++;
			post(token, Api.odometer("new" + written, "2014-10-" + (10 + written) + "T10:00:00Z", 1000.0 + written));
			post(token, Api.odometer("late" + written, "2014-09-" + (9 + written) + "T12:00:00Z",
					(9 + written) * 10.0 + 5));
		}
		while (next != null);
		List<String> existing = seen.stream().filter(before::contains).toList();
		assertThat(existing).containsExactlyElementsOf(before);
		assertThat(seen).doesNotHaveDuplicates();
	}

	@Test
	void badParametersAreProblemsNamingTheParameter() {
		String token = this.api.register(VIN, "ES", 0.0);
		this.api.register(OTHER, "ES", 0.0);
		post(token, Api.odometer("a", "2014-09-29T10:00:00Z", 1.0));
		post(token, Api.odometer("b", "2014-09-30T10:00:00Z", 2.0));
		// a cursor of another list
		String vehiclesCursor = this.api.get("/api/v1/vehicles?size=1", ADMIN_TOKEN).text("next");
		assertThat(vehiclesCursor).isNotNull();
		ReadAssertions.assertInvalidParameters(this.api, PATH, ADMIN_TOKEN,
				Map.of("size=0", "size", "size=1001", "size", "size=ten", "size", "cursor=%21%21", "cursor",
						"cursor=" + vehiclesCursor, "cursor", "from=2014-10-01&to=2014-09-30", "from",
						"from=30-09-2014", "from", "to=tomorrow", "to"));
	}

	@Test
	void onlyTheAdminAndTheVehicleItselfReadItsHistory() {
		String own = this.api.register(VIN, "ES", 0.0);
		String other = this.api.register(OTHER, "ES", 0.0);
		post(own, Api.odometer("a", "2014-09-29T10:00:00Z", 1.0));
		ReadAssertions.assertReadByAdminAndVehicleOnly(this.api, PATH, own, other);
		Api.Response unknown = this.api.get("/api/v1/vehicles/SJNFAAZE0U6000009/reports", ADMIN_TOKEN);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.text("code")).isEqualTo("VEHICLE_NOT_FOUND");
		Api.Response empty = this.api.get("/api/v1/vehicles/" + OTHER + "/reports", other);
		assertThat(empty.status()).isEqualTo(200);
		assertThat(empty.body().get("items").size()).isZero();
	}

}
