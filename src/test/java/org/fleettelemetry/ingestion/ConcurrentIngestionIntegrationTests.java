package org.fleettelemetry.ingestion;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.fleettelemetry.support.Api.Response;
import org.fleettelemetry.support.IntegrationTests;
import org.fleettelemetry.support.ReconciliationAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 32 threads post 10,000 reports of 100 vehicles, shuffled, with 1,000 replays mixed in:
 * every metre is counted exactly once, in the fleet total, per vehicle, per day and per
 * country.
 */
class ConcurrentIngestionIntegrationTests extends IntegrationTests {

	static final int VEHICLES = 100;

	static final int READINGS = 100;

	static final int REPLAYS = 1000;

	static final String[] COUNTRIES = { "ES", "FR", "GB", "NO", "DE" };

	static final Instant START = Instant.parse("2014-09-28T22:00:00Z");

	record Sent(String vin, String token, String reportId, Instant recordedAt, long odometerM) {

		Map<String, Object> body() {
			return Map.of("reportId", this.reportId, "type", "ODOMETER", "recordedAt", this.recordedAt.toString(),
					"odometerKm", BigDecimal.valueOf(this.odometerM, 3));
		}

	}

	@Test
	void countsEveryMetreExactlyOnceUnderConcurrentShuffledAndReplayedReports() throws Exception {
		Random random = new Random(20140930);
		List<Sent> reports = new ArrayList<>();
		Map<String, Long> expectedByVehicle = new HashMap<>();
		Map<String, String> countryOf = new HashMap<>();
		Map<LocalDate, Set<String>> vehiclesByDay = new TreeMap<>();
		for (int v = 0; v < VEHICLES; v++) {
			String vin = String.format("SJNFAAZE0U6%06d", v);
			String country = COUNTRIES[v % COUNTRIES.length];
			long odometer = 1_000_000L * (v + 1) + random.nextInt(1000);
			String token = this.api.register(vin, country, odometer / 1000.0);
			long baseline = odometer;
			for (int i = 0; i < READINGS; i++) {
				odometer += random.nextInt(40_000);
				Instant at = START.plus(45L * i + v, ChronoUnit.MINUTES);
				reports.add(new Sent(vin, token, "odo-" + i, at, odometer));
				vehiclesByDay.computeIfAbsent(LocalDate.ofInstant(at, ZoneOffset.UTC), (d) -> new HashSet<>()).add(vin);
			}
			expectedByVehicle.put(vin, odometer - baseline);
			countryOf.put(vin, country);
		}
		List<Sent> traffic = new ArrayList<>(reports);
		for (int i = 0; i < REPLAYS; i++) {
			traffic.add(reports.get(random.nextInt(reports.size())));
		}
		Collections.shuffle(traffic, random);

		Map<String, AtomicLong> toldByVehicle = new ConcurrentHashMap<>();
		Map<LocalDate, AtomicLong> toldByDay = new ConcurrentHashMap<>();
		Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
		ConcurrentLinkedQueue<Sent> queue = new ConcurrentLinkedQueue<>(traffic);
		ExecutorService threads = Executors.newFixedThreadPool(32);
		List<Future<?>> workers = new ArrayList<>();
		for (int t = 0; t < 32; t++) {
			workers.add(threads.submit(() -> {
				for (Sent sent = queue.poll(); sent != null; sent = queue.poll()) {
					Response response = this.api.post("/api/v1/vehicles/" + sent.vin() + "/reports", sent.token(),
							sent.body());
					String status = (response.body().has("status") && response.status() < 300) ? response.text("status")
							: String.valueOf(response.status());
					statuses.computeIfAbsent(status, (s) -> new AtomicLong()).incrementAndGet();
					if ("ACCEPTED".equals(status)) {
						long credited = response.decimal("creditedKm").movePointRight(3).longValueExact();
						toldByVehicle.computeIfAbsent(sent.vin(), (k) -> new AtomicLong()).addAndGet(credited);
						toldByDay
							.computeIfAbsent(LocalDate.ofInstant(sent.recordedAt(), ZoneOffset.UTC),
									(k) -> new AtomicLong())
							.addAndGet(credited);
					}
				}
				return null;
			}));
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
		threads.shutdown();

		long replays = traffic.size() - new HashSet<>(traffic).size();
		assertThat(statuses.get("ACCEPTED").get()).as(statuses.toString()).isEqualTo(VEHICLES * READINGS);
		assertThat(statuses.get("DUPLICATE").get()).isEqualTo(replays);
		assertThat(statuses.keySet()).containsOnly("ACCEPTED", "DUPLICATE");

		long expectedFleet = expectedByVehicle.values().stream().mapToLong(Long::longValue).sum();
		JsonNode summary = this.api.get("/api/v1/fleet/summary", null).body();
		assertThat(metres(summary.get("distanceKm"))).isEqualTo(expectedFleet);
		assertThat(summary.get("reports").asLong()).isEqualTo(VEHICLES * READINGS);
		assertThat(summary.get("vehicles").asLong()).isEqualTo(VEHICLES);

		for (Map.Entry<String, Long> vehicle : expectedByVehicle.entrySet()) {
			Response figures = this.api.get("/api/v1/vehicles/" + vehicle.getKey(), ADMIN_TOKEN);
			assertThat(metres(figures.body().get("distanceKm"))).as(vehicle.getKey()).isEqualTo(vehicle.getValue());
			assertThat(toldByVehicle.get(vehicle.getKey()).get()).as(vehicle.getKey()).isEqualTo(vehicle.getValue());
		}

		LocalDate first = vehiclesByDay.keySet().iterator().next();
		LocalDate last = ((TreeMap<LocalDate, Set<String>>) vehiclesByDay).lastKey();
		JsonNode daily = this.api
			.get("/api/v1/fleet/daily?from=" + first.minusDays(1) + "&to=" + last.plusDays(1), null)
			.body();
		assertThat(daily).hasSize(vehiclesByDay.size() + 2);
		long dailySum = 0;
		for (JsonNode day : daily) {
			LocalDate date = LocalDate.parse(day.get("date").asString());
			long metres = metres(day.get("distanceKm"));
			dailySum += metres;
			AtomicLong told = toldByDay.get(date);
			assertThat(metres).as(date.toString()).isEqualTo((told != null) ? told.get() : 0);
			Set<String> reporting = vehiclesByDay.getOrDefault(date, Set.of());
			assertThat(day.get("reportingVehicles").asLong()).as(date.toString()).isEqualTo(reporting.size());
		}
		assertThat(dailySum).isEqualTo(expectedFleet);

		Map<String, Long> expectedByCountry = new TreeMap<>();
		expectedByVehicle.forEach((vin, metres) -> expectedByCountry.merge(countryOf.get(vin), metres, Long::sum));
		JsonNode countries = this.api.get("/api/v1/fleet/countries", null).body();
		assertThat(countries).hasSize(COUNTRIES.length);
		for (JsonNode country : countries) {
			String code = country.get("country").asString();
			assertThat(metres(country.get("distanceKm"))).as(code).isEqualTo(expectedByCountry.get(code));
			assertThat(country.get("vehicles").asLong()).isEqualTo(VEHICLES / COUNTRIES.length);
		}
		Response reconciliation = ReconciliationAssertions.assertReconciled(this.api);
		assertThat(metres(reconciliation.body().get("fleetDistanceKm"))).isEqualTo(expectedFleet);
	}

	static long metres(JsonNode km) {
		return km.decimalValue().movePointRight(3).longValueExact();
	}

}
