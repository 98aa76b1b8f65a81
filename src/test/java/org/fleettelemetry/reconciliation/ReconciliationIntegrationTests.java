package org.fleettelemetry.reconciliation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.IntegrationTests;
import org.fleettelemetry.support.ReconciliationAssertions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/admin/reconciliation} and the drift gauge: the fleet's totals equal
 * the sum of its vehicles, countries and days, in one snapshot even while reports are
 * credited, and a difference shows.
 */
class ReconciliationIntegrationTests extends IntegrationTests {

	static final String PATH = ReconciliationAssertions.PATH;

	static final Instant START = Instant.parse("2014-09-28T20:00:00Z");

	@Autowired
	Reconciler reconciler;

	@Autowired
	ReconciliationMonitor monitor;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void equalsTheSummaryAndEachSourceInKilometresToTheMetre() {
		String es = this.api.register("SJNFAAZE0U6000001", "ES", 100.0);
		String no = this.api.register("SJNFAAZE0U6000002", "NO", 0.0);
		post("SJNFAAZE0U6000001", es, Api.odometer("a", "2014-09-29T10:00:00Z", 112.345));
		post("SJNFAAZE0U6000001", es, Api.odometer("b", "2014-09-30T10:00:00Z", 130.0));
		post("SJNFAAZE0U6000002", no, Api.trip("c", "2014-09-30T11:00:00Z", 7.001));

		Api.Response answer = ReconciliationAssertions.assertReconciled(this.api);

		assertThat(answer.decimal("fleetDistanceKm")).isEqualByComparingTo(new BigDecimal("37.001"));
		assertThat(answer.decimal("fleetDistanceKm"))
			.isEqualByComparingTo(this.api.get("/api/v1/fleet/summary", null).decimal("distanceKm"));
		assertThat(answer.decimal("driftKm")).isEqualByComparingTo(new BigDecimal("0.000"));
		assertThat(Instant.parse(answer.text("checkedAt"))).isBefore(Instant.now().plusSeconds(1));
	}

	@Test
	void answersWithZerosForAnEmptyFleet() {
		Api.Response answer = ReconciliationAssertions.assertReconciled(this.api);

		assertThat(answer.decimal("fleetDistanceKm")).isEqualByComparingTo(new BigDecimal("0.000"));
	}

	@Test
	void findsAndPublishesTheDriftOfAnAggregateThatLostCount() {
		String token = this.api.register("SJNFAAZE0U6000001", "ES", 0.0);
		post("SJNFAAZE0U6000001", token, Api.odometer("a", "2014-09-29T10:00:00Z", 50.0));
		this.jdbc.sql("insert into fleet_countries (country, stripe, distance_m) values ('ZZ', 3, 7)").update();

		Api.Response answer = this.api.get(PATH, ADMIN_TOKEN);
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body().get("ok").asBoolean()).isFalse();
		assertThat(answer.decimal("countriesDistanceKm")).isEqualByComparingTo(new BigDecimal("50.007"));
		assertThat(answer.decimal("fleetDistanceKm")).isEqualByComparingTo(new BigDecimal("50.000"));
		assertThat(answer.decimal("driftKm")).isEqualByComparingTo(new BigDecimal("0.007"));
		this.monitor.runOnce();
		assertThat(this.api.text("/actuator/prometheus")).contains("fleet_reconciliation_drift_meters 7.0",
				"fleet_reconciliation_last_check_timestamp_seconds ");

		this.jdbc.sql("delete from fleet_countries where country = 'ZZ'").update();
		this.monitor.runOnce();
		assertThat(this.api.text("/actuator/prometheus")).contains("fleet_reconciliation_drift_meters 0.0");
	}

	@Test
	void isReadByTheAdminOnly() {
		String token = this.api.register("SJNFAAZE0U6000001", "ES", 0.0);

		assertThat(this.api.get(PATH, null).status()).isEqualTo(401);
		assertThat(this.api.get(PATH, token).status()).isEqualTo(403);
		assertThat(this.api.get(PATH, GATEWAY_TOKEN).status()).isEqualTo(403);
		assertThat(this.api.get(PATH, ADMIN_TOKEN).status()).isEqualTo(200);
	}

	/**
	 * Eight threads credit 800 reports of 40 vehicles in four countries over several days
	 * while the test reconciles, again and again: every reconciliation sees all four sums
	 * equal. Read in two statements outside one snapshot, a commit between them shows as
	 * drift: with the reconciliation under READ COMMITTED, a run of this test saw the
	 * vehicles 21 km ahead of the fleet's totals once in about 600 reconciliations. A
	 * chance, not a certainty, so it guards the snapshot on most runs, not every one.
	 */
	@Test
	void neverSeesDriftWhileReportsAreCreditedConcurrently() throws Exception {
		String[] countries = { "ES", "NO", "FR", "GB" };
		List<String> vins = new ArrayList<>();
		List<String> tokens = new ArrayList<>();
		for (int v = 0; v < 40; v++) {
			vins.add(String.format("SJNFAAZE0U6%06d", v));
			tokens.add(this.api.register(vins.get(v), countries[v % countries.length], 0.0));
		}
		ExecutorService threads = Executors.newFixedThreadPool(8);
		AtomicInteger accepted = new AtomicInteger();
		List<Future<?>> writers = new ArrayList<>();
		for (int t = 0; t < 8; t++) {
			int thread = t;
			writers.add(threads.submit(() -> {
				for (int i = 1; i <= 20; i++) {
					for (int v = thread; v < vins.size(); v += 8) {
						String at = START.plus(3L * i, ChronoUnit.HOURS).toString();
						Api.Response answer = post(vins.get(v), tokens.get(v), Api.odometer("odo-" + i, at, 10.5 * i));
						assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(201);
						accepted.incrementAndGet();
					}
				}
				return null;
			}));
		}
		threads.shutdown();

		List<Sums> seen = new ArrayList<>();
		while (!threads.isTerminated()) {
			seen.add(this.reconciler.sums());
		}
		for (Future<?> writer : writers) {
			writer.get();
		}

		assertThat(accepted).hasValue(800);
		assertThat(seen).hasSizeGreaterThan(10);
		assertThat(seen).allSatisfy((sums) -> assertThat(sums.ok()).as(sums.toString()).isTrue());
		assertThat(seen.stream().map(Sums::fleetM).distinct().count()).as("reconciled while crediting")
			.isGreaterThan(5);
		Api.Response end = ReconciliationAssertions.assertReconciled(this.api);
		assertThat(end.decimal("fleetDistanceKm")).isEqualByComparingTo(new BigDecimal("8400.000"));
	}

	/**
	 * The deterministic form of the race above: the vehicles are locked, so the
	 * reconciliation reads the fleet's aggregates and then waits to read the vehicles; a
	 * credit (to all four sources at once) commits meanwhile. Its sums are still equal:
	 * all four from before the credit. Under READ COMMITTED the vehicles' sum would have
	 * it and the fleet's not.
	 */
	@Test
	void readsTheFourSumsInOneSnapshotWhenACreditCommitsBetweenItsStatements() throws Exception {
		String token = this.api.register("SJNFAAZE0U6000001", "ES", 0.0);
		post("SJNFAAZE0U6000001", token, Api.odometer("a", "2014-09-29T10:00:00Z", 50.0));
		List<CompletableFuture<Sums>> reconciliation = new ArrayList<>();
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			this.jdbc.sql("lock table vehicles in access exclusive mode").update();
			reconciliation.add(CompletableFuture.supplyAsync(this.reconciler::sums));
			Awaitility.await("the reconciliation waiting to read the vehicles")
				.atMost(Duration.ofSeconds(30))
				.until(() -> this.jdbc
					.sql("select count(*) from pg_locks where not granted and relation = 'vehicles'::regclass")
					.query(Long.class)
					.single() > 0);
			this.jdbc.sql("update vehicles set distance_m = distance_m + 1000").update();
			this.jdbc.sql("update fleet_totals set distance_m = distance_m + 1000 where stripe = 0").update();
			this.jdbc
				.sql("update fleet_countries set distance_m = distance_m + 1000 where country = 'ES' "
						+ "and stripe = (select min(stripe) from fleet_countries where country = 'ES')")
				.update();
			this.jdbc
				.sql("update fleet_daily set distance_m = distance_m + 1000 where day = '2014-09-29' "
						+ "and stripe = (select min(stripe) from fleet_daily where day = '2014-09-29')")
				.update();
		});

		Sums sums = reconciliation.get(0).get(30, TimeUnit.SECONDS);
		assertThat(sums).isEqualTo(new Sums(50_000, 50_000, 50_000, 50_000));
		assertThat(ReconciliationAssertions.assertReconciled(this.api).decimal("fleetDistanceKm"))
			.isEqualByComparingTo("51.000");
	}

	private Api.Response post(String vin, String token, Object report) {
		return this.api.post("/api/v1/vehicles/" + vin + "/reports", token, report);
	}

}
