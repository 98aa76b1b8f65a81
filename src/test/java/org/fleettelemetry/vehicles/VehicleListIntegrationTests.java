package org.fleettelemetry.vehicles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.IntegrationTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class VehicleListIntegrationTests extends IntegrationTests {

	static final String VIN = "SJNFAAZE0U60";

	String vin(int i) {
		return VIN + String.format("%05d", i);
	}

	List<String> vins(JsonNode page) {
		List<String> vins = new ArrayList<>();
		page.get("items").forEach((item) -> vins.add(item.get("vin").asString()));
		return vins;
	}

	/** Every page of {@code query}, followed to the end. */
	List<String> walk(String query) {
		List<String> all = new ArrayList<>();
		String next = null;
		do {
			Api.Response page = this.api.get("/api/v1/vehicles?" + query + ((next != null) ? "&cursor=" + next : ""),
					ADMIN_TOKEN);
			assertThat(page.status()).isEqualTo(200);
			all.addAll(vins(page.body()));
			next = page.body().get("next").isNull() ? null : page.body().get("next").asString();
		}
		while (next != null);
		return all;
	}

	@Test
	void pagesThroughEveryVehicleInVinOrderWithTheFullView() {
		for (int i = 5; i >= 1; i--) {
			this.api.register(vin(i), (i % 2 == 0) ? "ES" : "FR", 1000.0 * i);
		}
		Api.Response first = this.api.get("/api/v1/vehicles?size=2", ADMIN_TOKEN);
		assertThat(vins(first.body())).containsExactly(vin(1), vin(2));
		JsonNode item = first.body().get("items").get(0);
		assertThat(item.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(item.get("registeredAt").isNull()).isFalse();
		assertThat(item.get("retiredAt").isNull()).isTrue();
		assertThat(item.get("odometerKm").decimalValue()).isEqualByComparingTo("1000");
		assertThat(walk("size=2")).containsExactly(vin(1), vin(2), vin(3), vin(4), vin(5));
		assertThat(walk("size=1000")).hasSize(5);
	}

	@Test
	void filtersByCountryModelStatusVinPrefixAndReportDay() {
		this.api.register(vin(1), "ES", 0.0);
		this.api.register(vin(2), "FR", 0.0);
		this.api.register("5YJ3E1EA7KF000003", "ES", 0.0);
		String token = this.api.register(vin(4), "ES", 0.0);
		this.api.post("/api/v1/vehicles/" + vin(4) + "/reports", token,
				Api.odometer("odo-1", "2014-09-30T10:00:00Z", 10.0));

		assertThat(walk("country=ES")).containsExactly("5YJ3E1EA7KF000003", vin(1), vin(4));
		assertThat(walk("country=ES&vinPrefix=SJN")).containsExactly(vin(1), vin(4));
		assertThat(walk("vinPrefix=" + vin(2))).containsExactly(vin(2));
		assertThat(walk("model=LEAF&status=ACTIVE")).hasSize(4);
		assertThat(walk("status=RETIRED")).isEmpty();
		assertThat(walk("reportedSince=2014-09-30")).containsExactly(vin(4));
		assertThat(walk("reportedSince=2014-10-01")).isEmpty();
	}

	@Test
	void sortsByEachKeyBothWaysWithVehiclesWithoutReportsLast() {
		String[] tokens = { null, this.api.register(vin(1), "ES", 0.0), this.api.register(vin(2), "ES", 0.0),
				this.api.register(vin(3), "ES", 0.0), this.api.register(vin(4), "ES", 0.0) };
		report(tokens[2], vin(2), "2014-09-30T10:00:00Z", 50.0);
		report(tokens[3], vin(3), "2014-09-30T11:00:00Z", 20.0);
		report(tokens[4], vin(4), "2014-09-30T11:00:00Z", 20.0);

		assertThat(walk("sort=vin,desc&size=1")).containsExactly(vin(4), vin(3), vin(2), vin(1));
		assertThat(walk("sort=distanceKm,desc&size=1")).containsExactly(vin(2), vin(4), vin(3), vin(1));
		assertThat(walk("sort=distanceKm&size=1")).containsExactly(vin(1), vin(3), vin(4), vin(2));
		assertThat(walk("sort=lastReportAt,desc&size=1")).containsExactly(vin(4), vin(3), vin(2), vin(1));
		assertThat(walk("sort=lastReportAt,asc&size=1")).containsExactly(vin(2), vin(3), vin(4), vin(1));
		assertThat(walk("sort=registeredAt&size=1")).containsExactly(vin(1), vin(2), vin(3), vin(4));
		assertThat(walk("sort=registeredAt,desc&size=3")).containsExactly(vin(4), vin(3), vin(2), vin(1));
	}

	void report(String token, String vin, String at, double km) {
		assertThat(this.api.post("/api/v1/vehicles/" + vin + "/reports", token, Api.odometer("odo-" + at, at, km))
			.status()).isEqualTo(201);
	}

	@Test
	void vehiclesRegisteredWhilePagingNeverMakeAPageRepeatOrSkipOne() throws Exception {
		for (int i = 0; i < 60; i += 2) {
			this.api.register(vin(i), "ES", 0.0);
		}
		CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
			for (int i = 1; i < 60; i += 2) {
				this.api.register(vin(i), "ES", 0.0);
			}
		});
		List<String> seen = walk("size=3");
		writer.get();
		List<String> before = new ArrayList<>();
		for (int i = 0; i < 60; i += 2) {
			before.add(vin(i));
		}
		assertThat(seen).doesNotHaveDuplicates().containsAll(before).isSorted();
	}

	@Test
	void aBadParameterIsA400NamingIt() {
		for (Map.Entry<String, String> bad : Map
			.of("size", "size=0", "size ", "size=1001", "size  ", "size=x", "cursor", "cursor=bm9wZQ", "sort",
					"sort=speed", "sort ", "sort=vin,up", "country", "country=es", "status", "status=SCRAPPED",
					"vinPrefix", "vinPrefix=SJNO", "reportedSince", "reportedSince=30.09.2014")
			.entrySet()) {
			Api.Response answer = this.api.get("/api/v1/vehicles?" + bad.getValue(), ADMIN_TOKEN);
			assertThat(answer.status()).as(bad.getValue()).isEqualTo(400);
			assertThat(answer.text("code")).isEqualTo("INVALID_FIELD");
			assertThat(answer.text("detail")).as(bad.getValue()).startsWith(bad.getKey().trim() + ":");
		}
	}

	@Test
	void aCursorOfOneSortIsRefusedByAnother() {
		this.api.register(vin(1), "ES", 0.0);
		this.api.register(vin(2), "ES", 0.0);
		String next = this.api.get("/api/v1/vehicles?size=1", ADMIN_TOKEN).body().get("next").asString();
		Api.Response answer = this.api.get("/api/v1/vehicles?sort=registeredAt&cursor=" + next, ADMIN_TOKEN);
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.text("detail")).startsWith("cursor:");
	}

	@Test
	void onlyTheAdminListsVehicles() {
		String token = this.api.register(vin(1), "ES", 0.0);
		assertThat(this.api.get("/api/v1/vehicles", null).status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/vehicles", "wrong").status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/vehicles", token).status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/vehicles", GATEWAY_TOKEN).status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/vehicles", ADMIN_TOKEN).status()).isEqualTo(200);
	}

}
