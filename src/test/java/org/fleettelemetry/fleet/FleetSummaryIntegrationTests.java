package org.fleettelemetry.fleet;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.IntegrationTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class FleetSummaryIntegrationTests extends IntegrationTests {

	static final String VIN = "SJNFAAZE0U6000001";

	static final String REPORTS = "/api/v1/vehicles/" + VIN + "/reports";

	static final String SUMMARY = "/api/v1/fleet/summary";

	static final String INSTANT = "\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z\"";

	static final int POSTS = 80;

	static final int READERS = 6;

	@Test
	void answersTheFiguresInTheContractsShape() {
		String token = this.api.register(VIN, "ES", 0.0);
		String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1) + "T12:00:00Z";
		assertThat(this.api.post(REPORTS, token, Api.odometer("a", yesterday, 1234.567)).status()).isEqualTo(201);
		assertThat(this.api.get(SUMMARY, null).contentType()).isEqualTo("application/json");
		assertThat(this.api.text(SUMMARY)).matches("\\{\"distanceKm\":1234\\.567,\"distanceMiles\":767\\.124,"
				+ "\"co2AvoidedKg\":209\\.876,\"treesEquivalent\":15,\"vehicles\":1,\"retiredVehicles\":0,\"reportingVehicles30d\":1,\"reports\":1,"
				+ "\"lastMilestone\":null,\"nextMilestone\":\\{\"distanceKm\":1000000,\"remainingKm\":998765\\.433,"
				+ "\"projectedAt\":" + INSTANT + "},\"asOf\":" + INSTANT + "}");
		assertThat(this.api.get("/api/v1/fleet/countries", null).contentType()).isEqualTo("application/json");
		assertThat(this.api.text("/api/v1/fleet/countries"))
			.isEqualTo("[{\"country\":\"ES\",\"vehicles\":1,\"distanceKm\":1234.567,\"co2AvoidedKg\":209.876}]");
	}

	@Test
	void answersAnEmptyFleetWithZerosAndNulls() {
		assertThat(this.api.text(SUMMARY)).matches("\\{\"distanceKm\":0\\.000,\"distanceMiles\":0\\.000,"
				+ "\"co2AvoidedKg\":0\\.000,\"treesEquivalent\":0,\"vehicles\":0,\"retiredVehicles\":0,\"reportingVehicles30d\":0,\"reports\":0,"
				+ "\"lastMilestone\":null,\"nextMilestone\":\\{\"distanceKm\":1000000,\"remainingKm\":1000000\\.000,"
				+ "\"projectedAt\":null},\"asOf\":" + INSTANT + "}");
		assertThat(this.api.text("/api/v1/fleet/countries")).isEqualTo("[]");
	}

	/**
	 * Counted per last report day, and on the day 30 days ago by instant; the margins of
	 * 10 minutes put those two vehicles on that day itself, unless the test runs within
	 * 10 minutes of midnight (UTC).
	 */
	@Test
	void countsTheVehiclesWhoseLastAcceptedReportWasRecordedInTheLast30Days() {
		Instant now = Instant.now();
		Instant since = now.minus(30, ChronoUnit.DAYS);
		report("SJNFAAZE0U6000011", Map.of(now.minus(29, ChronoUnit.DAYS), 10.0));
		report("SJNFAAZE0U6000012", Map.of(now.minus(31, ChronoUnit.DAYS), 10.0));
		report("SJNFAAZE0U6000013", Map.of(since.plus(10, ChronoUnit.MINUTES), 10.0));
		report("SJNFAAZE0U6000014", Map.of(since.minus(10, ChronoUnit.MINUTES), 10.0));
		// a late report does not take the last report back
		String late = register("SJNFAAZE0U6000015");
		post("SJNFAAZE0U6000015", late, Map.of(now.minus(2, ChronoUnit.DAYS), 100.0));
		post("SJNFAAZE0U6000015", late, Map.of(now.minus(40, ChronoUnit.DAYS), 50.0));
		// from 35 days ago to yesterday, in one transaction that also reports
		// on another day
		String moved = register("SJNFAAZE0U6000016");
		post("SJNFAAZE0U6000016", moved, Map.of(now.minus(35, ChronoUnit.DAYS), 10.0));
		post("SJNFAAZE0U6000016", moved,
				Map.of(now.minus(3, ChronoUnit.DAYS), 20.0, now.minus(1, ChronoUnit.DAYS), 30.0));
		// moved twice, counted once
		String twice = register("SJNFAAZE0U6000017");
		post("SJNFAAZE0U6000017", twice, Map.of(now.minus(20, ChronoUnit.DAYS), 10.0));
		post("SJNFAAZE0U6000017", twice, Map.of(now.minus(5, ChronoUnit.DAYS), 20.0));
		register("SJNFAAZE0U6000018");

		assertThat(this.api.get(SUMMARY, null).body().get("reportingVehicles30d").asLong()).isEqualTo(4 + 1);
		assertThat(this.jdbc.sql("select sum(vehicles) from fleet_last_report_days").query(Long.class).single())
			.as("every vehicle that has reported counts on its last report day")
			.isEqualTo(7);
	}

	private void report(String vin, Map<Instant, Double> readings) {
		post(vin, register(vin), readings);
	}

	private String register(String vin) {
		return this.api.register(vin, "ES", 0.0);
	}

	/**
	 * The readings in one request: a single report, or a vehicle's batch when there are
	 * more.
	 */
	private void post(String vin, String token, Map<Instant, Double> readings) {
		List<Map<String, Object>> reports = new ArrayList<>();
		new TreeMap<>(readings).forEach((at, km) -> reports.add(Api.odometer(vin + "-" + at, at.toString(), km)));
		Api.Response answer = (reports.size() == 1)
				? this.api.post("/api/v1/vehicles/" + vin + "/reports", token, reports.get(0))
				: this.api.post("/api/v1/vehicles/" + vin + "/reports/batch", token, reports);
		assertThat(answer.status()).as(answer.body().toString()).isIn(200, 201);
		assertThat(answer.body().toString()).doesNotContain("REJECTED");
	}

	@Test
	void aSummaryIncludesEveryReportAnsweredBeforeItWasAskedForWhileOthersReadIt() throws Exception {
		String token = this.api.register(VIN, "ES", 0.0);
		AtomicBoolean posting = new AtomicBoolean(true);
		ExecutorService pool = Executors.newFixedThreadPool(READERS);
		List<Future<Integer>> readers = new ArrayList<>();
		for (int r = 0; r < READERS; r++) {
			readers.add(pool.submit(() -> {
				int answers = 0;
				while (posting.get()) {
					assertThat(this.api.get(SUMMARY, null).status()).isEqualTo(200);
					answers++;
				}
				return answers;
			}));
		}
		try {
			Instant start = Instant.now().minus(POSTS + 10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
			for (int i = 1; i <= POSTS; i++) {
				// a kilometre a minute
				var report = Api.odometer("r" + i, start.plus(i, ChronoUnit.MINUTES).toString(), i);
				assertThat(this.api.post(REPORTS, token, report).status()).isEqualTo(201);
				JsonNode summary = this.api.get(SUMMARY, null).body();
				assertThat(summary.get("distanceKm").decimalValue()).as("distance after %d km credited", i)
					.isEqualByComparingTo(Integer.toString(i));
				assertThat(summary.get("reports").asLong()).as("reports after %d answered", i).isEqualTo(i);
			}
		}
		finally {
			posting.set(false);
			pool.shutdown();
		}
		for (Future<Integer> reader : readers) {
			assertThat(reader.get(30, TimeUnit.SECONDS)).isPositive();
		}
	}

}
