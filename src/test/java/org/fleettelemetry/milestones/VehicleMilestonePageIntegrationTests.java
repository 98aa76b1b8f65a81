package org.fleettelemetry.milestones;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.IntegrationTests;
import org.fleettelemetry.support.ReadAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/milestones?scope=VEHICLE} without a VIN: the latest milestones of
 * every vehicle, public, as keyset pages.
 */
class VehicleMilestonePageIntegrationTests extends IntegrationTests {

	static final String PATH = "/api/v1/milestones?scope=VEHICLE";

	@DynamicPropertySource
	static void ladders(DynamicPropertyRegistry registry) {
		registry.add("fleet.milestones.fleet-km", () -> "1000");
		registry.add("fleet.milestones.vehicle-km", () -> "100,500");
	}

	static String vin(int n) {
		return String.format("SJNFAAZE0U6%06d", n);
	}

	/** Registers a vehicle at 0 km and credits it {@code km} in one report. */
	String drive(int n, double km) {
		String token = this.api.register(vin(n), "ES", 0.0);
		String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1) + "T12:00:00Z";
		Api.Response posted = this.api.post("/api/v1/vehicles/" + vin(n) + "/reports", token,
				Api.odometer("r" + n, yesterday, km));
		assertThat(posted.status()).isEqualTo(201);
		return token;
	}

	/** Every item of the pages of {@code size}, following the cursors to the last. */
	List<JsonNode> walk(int size, String token) {
		List<JsonNode> seen = new ArrayList<>();
		String next = null;
		do {
			Api.Response page = this.api.get(PATH + "&size=" + size + ((next != null) ? "&cursor=" + next : ""), token);
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.body().get("items").size()).isLessThanOrEqualTo(size);
			page.body().get("items").forEach(seen::add);
			next = page.body().get("next").isNull() ? null : page.body().get("next").asString();
		}
		while (next != null);
		return seen;
	}

	static List<String> keys(List<JsonNode> milestones) {
		return milestones.stream()
			.map((m) -> m.get("vin").asString() + "/" + m.get("distanceKm").asLong() + "@"
					+ m.get("reachedAt").asString())
			.toList();
	}

	@Test
	void pagesEveryVehiclesMilestonesTheLatestFirst() {
		drive(1, 600);
		drive(2, 150);
		drive(3, 700);
		List<JsonNode> whole = walk(1000, ADMIN_TOKEN);
		assertThat(whole).hasSize(5).allMatch((m) -> m.get("scope").asString().equals("VEHICLE"));
		// one report past both thresholds fires the lower first
		assertThat(keys(whole)).extracting((key) -> key.substring(0, key.indexOf('@')))
			.containsExactly(vin(3) + "/500", vin(3) + "/100", vin(2) + "/100", vin(1) + "/500", vin(1) + "/100");
		assertThat(whole).extracting((m) -> Instant.parse(m.get("reachedAt").asString()))
			.isSortedAccordingTo(Comparator.reverseOrder());
		assertThat(whole.get(0).get("fleetDistanceKm").decimalValue()).isEqualByComparingTo("1450");
		assertThat(keys(walk(1, ADMIN_TOKEN))).containsExactlyElementsOf(keys(whole));
		assertThat(keys(walk(2, ADMIN_TOKEN))).containsExactlyElementsOf(keys(whole));
	}

	@Test
	void pagesCutThroughMilestonesReachedAtTheSameInstant() {
		// as instances that commit crossings in the same microsecond would write them
		Instant at = Instant.parse("2026-11-06T08:40:00.123456Z");
		List<String> written = new ArrayList<>();
		for (int n = 1; n <= 7; n++) {
			Instant reached = (n == 1) ? at.minusSeconds(1) : (n == 7) ? at.plusSeconds(1) : at;
			this.jdbc.sql("""
					insert into milestones (scope, subject, threshold_km, vin, reached_at, fleet_distance_m)
					values ('VEHICLE', ?, 100000, ?, ?, 0)""").params(vin(n), vin(n), Timestamp.from(reached)).update();
			written.add(vin(n) + "/100000@" + reached);
		}
		// the latest first; of those reached at once, the one written last first
		List<String> expected = new ArrayList<>(written);
		Collections.reverse(expected);
		for (int size : new int[] { 1, 2, 3, 7 }) {
			assertThat(keys(walk(size, ADMIN_TOKEN))).as("pages of " + size).containsExactlyElementsOf(expected);
		}
	}

	@Test
	void milestonesFiredMeanwhileNeitherRepeatNorSkipAnItemOfTheNextPages() {
		drive(1, 600);
		drive(2, 600);
		Api.Response first = this.api.get(PATH + "&size=2", null);
		drive(3, 600);
		List<JsonNode> rest = new ArrayList<>();
		String next = first.text("next");
		while (next != null) {
			Api.Response page = this.api.get(PATH + "&size=2&cursor=" + next, null);
			page.body().get("items").forEach(rest::add);
			next = page.body().get("next").isNull() ? null : page.text("next");
		}
		List<JsonNode> seen = new ArrayList<>();
		first.body().get("items").forEach(seen::add);
		seen.addAll(rest);
		// the newer milestones come before the first page, not in the pages after it
		assertThat(keys(seen)).containsExactlyElementsOf(keys(walk(1000, null)).subList(2, 6));
	}

	@Test
	void thePublicAndVehiclesSeeVinsMaskedTheAdminWhole() {
		String token = drive(1, 150);
		String masked = vin(1).substring(0, 11) + "******";
		assertThat(walk(100, null)).singleElement()
			.satisfies((m) -> assertThat(m.get("vin").asString()).isEqualTo(masked));
		assertThat(walk(100, token)).singleElement()
			.satisfies((m) -> assertThat(m.get("vin").asString()).isEqualTo(masked));
		assertThat(walk(100, ADMIN_TOKEN)).singleElement()
			.satisfies((m) -> assertThat(m.get("vin").asString()).isEqualTo(vin(1)));
	}

	@Test
	void anEmptyFleetIsOneEmptyLastPageOfTheDefaultSize() {
		Api.Response page = this.api.get(PATH, null);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body().get("items").size()).isZero();
		assertThat(page.body().get("next").isNull()).isTrue();
		for (int n = 1; n <= 51; n++) {
			this.jdbc.sql("""
					insert into milestones (scope, subject, threshold_km, vin, reached_at, fleet_distance_m)
					values ('VEHICLE', ?, 100, ?, now(), 0), ('VEHICLE', ?, 500, ?, now(), 0)""")
				.params(vin(n), vin(n), vin(n), vin(n))
				.update();
		}
		Api.Response full = this.api.get(PATH, null);
		assertThat(full.body().get("items").size()).isEqualTo(100);
		assertThat(full.text("next")).isNotNull();
	}

	@Test
	void badSizesAndCursorsAreProblemsNamingTheParameter() {
		drive(1, 600);
		drive(2, 50);
		String vehiclesCursor = this.api.get("/api/v1/vehicles?size=1", ADMIN_TOKEN).text("next");
		String fleetCursor = this.api.get(PATH + "&size=1", null).text("next");
		assertThat(vehiclesCursor).isNotNull();
		assertThat(fleetCursor).isNotNull();
		ReadAssertions.assertInvalidParameters(this.api, "/api/v1/milestones", null,
				Map.of("scope=VEHICLE&size=0", "size", "scope=VEHICLE&size=1001", "size", "scope=VEHICLE&size=ten",
						"size", "scope=VEHICLE&cursor=%21%21", "cursor", "scope=VEHICLE&cursor=" + vehiclesCursor,
						"cursor", "scope=FLEET&size=10", "size", "cursor=" + fleetCursor, "cursor"));
		Api.Response own = this.api.get(PATH + "&vin=" + vin(1) + "&size=10", ADMIN_TOKEN);
		assertThat(own.status()).isEqualTo(400);
		assertThat(own.text("field")).isEqualTo("size");
	}

	@Test
	void theFleetsAndAVehiclesOwnMilestonesStayArrays() {
		String token = drive(1, 1200);
		JsonNode fleet = this.api.get("/api/v1/milestones", null).body();
		assertThat(fleet.isArray()).isTrue();
		assertThat(fleet).hasSize(1);
		JsonNode own = this.api.get(PATH + "&vin=" + vin(1), token).body();
		assertThat(own.isArray()).isTrue();
		assertThat(own).extracting((m) -> m.get("distanceKm").asLong()).containsExactly(100L, 500L);
	}

}
