package org.fleettelemetry.live;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.IntegrationTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LeadersIntegrationTests extends IntegrationTests {

	void drive(String vin, String country, double km) {
		String token = this.api.register(vin, country, 0.0);
		assertThat(this.api
			.post("/api/v1/vehicles/" + vin + "/reports", token, Api.odometer("odo-1", "2014-09-30T10:00:00Z", km))
			.status()).isEqualTo(201);
	}

	static List<String> field(JsonNode leaders, String field) {
		return leaders.valueStream().map((leader) -> leader.get(field).asString()).toList();
	}

	@Test
	void ranksTheVehiclesWithTheMostDistanceRetiredOnesIncludedWithVinsMaskedForThePublic() {
		drive("SJNFAAZE0U6000001", "ES", 1500.0);
		drive("SJNFAAZE0U6000002", "NO", 250_000.0);
		drive("SJNFAAZE0U6000003", "ES", 120_000.5);
		this.api.register("SJNFAAZE0U6000004", "ES", 0.0);
		assertThat(
				this.api.post("/api/v1/vehicles/SJNFAAZE0U6000002/retire", ADMIN_TOKEN, Map.of("reason", "written off"))
					.status())
			.isEqualTo(200);

		Api.Response leaders = this.api.get("/api/v1/fleet/leaders", null);
		assertThat(leaders.status()).isEqualTo(200);
		assertThat(field(leaders.body(), "vin")).containsExactly("SJNFAAZE0U6******", "SJNFAAZE0U6******",
				"SJNFAAZE0U6******");
		assertThat(field(leaders.body(), "rank")).containsExactly("1", "2", "3");
		assertThat(field(leaders.body(), "country")).containsExactly("NO", "ES", "ES");
		assertThat(leaders.body().get(1).get("distanceKm").decimalValue()).isEqualByComparingTo("120000.5");
		assertThat(leaders.body().get(0).get("model").asString()).isEqualTo("LEAF");

		Api.Response admin = this.api.get("/api/v1/fleet/leaders", ADMIN_TOKEN);
		assertThat(field(admin.body(), "vin")).containsExactly("SJNFAAZE0U6000002", "SJNFAAZE0U6000003",
				"SJNFAAZE0U6000001");
	}

	@Test
	void filtersByCountryLimitsAndGivesEqualDistancesOnePlace() {
		drive("SJNFAAZE0U6000001", "ES", 900.0);
		drive("SJNFAAZE0U6000002", "ES", 700.0);
		drive("SJNFAAZE0U6000003", "ES", 900.0);
		drive("SJNFAAZE0U6000004", "FR", 5000.0);

		Api.Response spain = this.api.get("/api/v1/fleet/leaders?country=ES&limit=3", ADMIN_TOKEN);
		assertThat(field(spain.body(), "vin")).containsExactly("SJNFAAZE0U6000001", "SJNFAAZE0U6000003",
				"SJNFAAZE0U6000002");
		assertThat(field(spain.body(), "rank")).containsExactly("1", "1", "3");
		assertThat(this.api.get("/api/v1/fleet/leaders?limit=1", null).body()).hasSize(1);
	}

	@Test
	void refusesALimitOutOfRangeAndACountryThatIsNoCode() {
		for (String query : List.of("limit=0", "limit=101", "country=spain")) {
			Api.Response refused = this.api.get("/api/v1/fleet/leaders?" + query, null);
			assertThat(refused.status()).as(query).isEqualTo(400);
			assertThat(refused.text("code")).isEqualTo("INVALID_FIELD");
			assertThat(refused.text("field")).isEqualTo(query.substring(0, query.indexOf('=')));
		}
	}

	/**
	 * The index the leaders read is on the vehicle's band of 1,000 km, which crediting
	 * changes rarely, so its updates of the vehicle's row stay heap-only: an index on a
	 * column that every credit changes would make every one of them a full update.
	 */
	@Test
	void keepsCreditingsUpdatesOfTheVehiclesHeapOnly() {
		String vin = "SJNFAAZE0U6000001";
		String token = this.api.register(vin, "ES", 0.0);
		Counts before = counts();
		for (int i = 1; i <= 30; i++) {
			String at = "2014-09-30T10:%02d:00Z".formatted(i);
			assertThat(
					this.api.post("/api/v1/vehicles/" + vin + "/reports", token, Api.odometer("odo-" + i, at, i * 1.0))
						.status())
				.isEqualTo(201);
		}
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			Counts after = counts();
			assertThat(after.updates() - before.updates()).isGreaterThanOrEqualTo(30);
			assertThat(after.hot() - before.hot())
				.isGreaterThanOrEqualTo((after.updates() - before.updates()) * 9 / 10);
		});
	}

	Counts counts() {
		// each statement is a transaction of its own, which reads the statistics afresh
		return this.jdbc.sql("select n_tup_upd, n_tup_hot_upd from pg_stat_user_tables where relname = 'vehicles'")
			.query((rs, i) -> new Counts(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	record Counts(long updates, long hot) {
	}

}
