package org.fleettelemetry.milestones;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.fleettelemetry.fleet.FleetDelta;
import org.fleettelemetry.fleet.FleetLedger;
import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.Instances;
import org.fleettelemetry.support.IntegrationTests;
import org.fleettelemetry.support.ReconciliationAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@Import(MilestonesIntegrationTests.Recorder.class)
class MilestonesIntegrationTests extends IntegrationTests {

	static final String FLEET_KM = "1000,1050,1100,5000";

	static final String VEHICLE_KM = "100,500";

	static final int RACERS = 16;

	@DynamicPropertySource
	static void ladders(DynamicPropertyRegistry registry) {
		registry.add("fleet.milestones.fleet-km", () -> FLEET_KM);
		registry.add("fleet.milestones.vehicle-km", () -> VEHICLE_KM);
	}

	final Recorder recorder;

	@Autowired
	FleetLedger fleetLedger;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	MilestonesIntegrationTests(Recorder recorder) {
		this.recorder = recorder;
	}

	@BeforeEach
	void forgetEvents() {
		this.recorder.events.clear();
	}

	static String vin(int n) {
		return String.format("SJNFAAZE0U6%06d", n);
	}

	/**
	 * Registers a vehicle at 0 km and credits it {@code km}, reported yesterday; returns
	 * its token.
	 */
	String drive(Api api, int n, double km) {
		String token = api.register(vin(n), "ES", 0.0);
		String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1) + "T12:00:00Z";
		assertThat(api.post(reports(n), token, Api.odometer("r" + n, yesterday, km)).status()).isEqualTo(201);
		return token;
	}

	static String reports(int n) {
		return "/api/v1/vehicles/" + vin(n) + "/reports";
	}

	List<Long> fleetThresholds() {
		return this.jdbc.sql("select threshold_km from milestones where scope = 'FLEET' order by threshold_km")
			.query(Long.class)
			.list();
	}

	/**
	 * Every racer credits 10 km at once, each through one of the APIs, from 990 km: 1150
	 * km in all.
	 */
	void race(List<Api> apis) throws Exception {
		drive(this.api, 0, 990);
		List<String> tokens = new ArrayList<>();
		for (int n = 1; n <= RACERS; n++) {
			tokens.add(this.api.register(vin(n), "FR", 0.0));
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(RACERS);
		try {
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int n = 1; n <= RACERS; n++) {
				int racer = n;
				Api api = apis.get(n % apis.size());
				statuses.add(threads.submit(() -> {
					start.await();
					return api
						.post(reports(racer), tokens.get(racer - 1), Api.odometer("race", "2024-05-01T10:00:00Z", 10))
						.status();
				}));
			}
			start.countDown();
			for (Future<Integer> status : statuses) {
				assertThat(status.get()).isEqualTo(201);
			}
		}
		finally {
			threads.shutdown();
		}
		assertThat(this.api.get("/api/v1/fleet/summary", null).decimal("distanceKm")).isEqualByComparingTo("1150");
		for (Api api : apis) {
			ReconciliationAssertions.assertReconciled(api);
		}
	}

	@Test
	void manyConcurrentCreditsAcrossAThresholdFireItOnceWithOneEventAndOneDeliveryPerEndpoint() throws Exception {
		for (String url : List.of("https://192.0.2.10/hooks", "https://192.0.2.11/hooks")) {
			assertThat(this.api.post("/api/v1/webhooks", ADMIN_TOKEN, Map.of("url", url)).status()).isEqualTo(201);
		}
		race(List.of(this.api));
		assertThat(fleetThresholds()).containsExactly(1000L, 1050L, 1100L);
		assertThat(this.recorder.events.stream()
			.filter((e) -> e.scope() == MilestoneScope.FLEET)
			.map(MilestoneReached::distanceKm)).containsExactlyInAnyOrder(1000L, 1050L, 1100L);
		assertThat(this.recorder.events.stream()
			.filter((e) -> e.scope() == MilestoneScope.FLEET)
			.map(MilestoneReached::vin)).allMatch((vin) -> !vin.equals(vin(0)));
		// one event per milestone, delivered to each of the two endpoints
		assertThat(this.jdbc.sql("select count(*) from webhook_deliveries group by event_id").query(Long.class).list())
			.hasSize(this.recorder.events.size())
			.containsOnly(2L);
	}

	/**
	 * The races above mostly credit in one transaction (group commit gathers them); here
	 * two transactions run at once, and only together cross the thresholds. Under READ
	 * COMMITTED neither would see the other's credit: the milestone lock makes the second
	 * read the fleet distance once the first has committed, so that it fires them.
	 */
	@Test
	void twoTransactionsThatCrossThresholdsOnlyTogetherFireThem() throws Exception {
		TransactionTemplate transactions = new TransactionTemplate(this.transactionManager);
		CountDownLatch firstRecorded = new CountDownLatch(1);
		CountDownLatch commitFirst = new CountDownLatch(1);
		CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.executeWithoutResult((status) -> {
			this.fleetLedger.record(credit(vin(1), 600));
			firstRecorded.countDown();
			await(commitFirst);
		}));
		await(firstRecorded);
		CompletableFuture<Void> second = CompletableFuture.runAsync(
				() -> transactions.executeWithoutResult((status) -> this.fleetLedger.record(credit(vin(2), 600))));
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> second.isDone() || waitingForALock());
		assertThat(second).as("the second waits for the first to commit").isNotDone();
		commitFirst.countDown();
		first.get(10, TimeUnit.SECONDS);
		second.get(10, TimeUnit.SECONDS);
		assertThat(fleetThresholds()).containsExactly(1000L, 1050L, 1100L);
		assertThat(
				this.jdbc.sql("select distinct vin from milestones where scope = 'FLEET'").query(String.class).list())
			.containsExactly(vin(2));
	}

	/**
	 * A credit of {@code km} by {@code vin}, whose distance stays far beyond the vehicle
	 * thresholds.
	 */
	static FleetDelta credit(String vin, long km) {
		FleetDelta delta = new FleetDelta();
		delta.accepted(vin, 10_000_000, LocalDate.of(2024, 5, 1), "ES", km * 1000);
		return delta;
	}

	/**
	 * Whether a transaction waits for a lock: the milestone lock, or, when both
	 * transactions drew the same stripe of the fleet aggregates (one time in 16,
	 * FleetLedger.STRIPES), that stripe's row, which the second then waits for before it
	 * reaches the milestone lock.
	 */
	boolean waitingForALock() {
		return this.jdbc.sql("select count(*) from pg_locks where not granted").query(Long.class).single() > 0;
	}

	static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Test
	@Tag("slow")
	void twoInstancesRacingAcrossAThresholdFireItOnce() throws Exception {
		try (ConfigurableApplicationContext other = Instances.start("fleet.milestones.fleet-km=" + FLEET_KM,
				"fleet.milestones.vehicle-km=" + VEHICLE_KM, "fleet.webhooks.dispatch.enabled=false")) {
			race(List.of(this.api, Instances.api(other)));
		}
		assertThat(fleetThresholds()).containsExactly(1000L, 1050L, 1100L);
		assertThat(this.jdbc.sql("select count(distinct vin) from milestones where scope = 'FLEET'")
			.query(Long.class)
			.single()).isBetween(1L, 3L);
		// each was crossed by a racer, never by the vehicle that brought the fleet
		// to 990 km
		assertThat(this.jdbc.sql("select vin from milestones where scope = 'FLEET'").query(String.class).list())
			.hasSize(3)
			.allMatch((vin) -> !vin.equals(vin(0)) && vin.startsWith("SJNFAAZE0U6"));
	}

	@Test
	void aReportThatJumpsTwoThresholdsFiresBothAndVehicleThresholdsFirePerVehicle() {
		double fleetBefore = reached("fleet");
		double vehicleBefore = reached("vehicle");
		Instant before = Instant.now();
		String first = drive(this.api, 1, 1060);
		String second = drive(this.api, 2, 150);
		var fleet = this.api.get("/api/v1/milestones", ADMIN_TOKEN).body();
		assertThat(fleet).hasSize(3);
		assertThat(fleet.get(0).get("scope").asString()).isEqualTo("FLEET");
		assertThat(fleet.get(0).get("distanceKm").asLong()).isEqualTo(1000);
		assertThat(fleet.get(0).get("vin").asString()).isEqualTo(vin(1));
		// the public sees the model in the VIN, not the car
		var seenByThePublic = this.api.get("/api/v1/milestones", null).body();
		assertThat(seenByThePublic).hasSize(3);
		assertThat(seenByThePublic.get(0).get("vin").asString()).isEqualTo(vin(1).substring(0, 11) + "******");
		assertThat(seenByThePublic.get(0).get("distanceKm").asLong()).isEqualTo(1000);
		assertThat(fleet.get(0).get("fleetDistanceKm").decimalValue()).isEqualByComparingTo("1060");
		assertThat(Instant.parse(fleet.get(0).get("reachedAt").asString())).isBetween(before, Instant.now());
		assertThat(fleet.get(1).get("distanceKm").asLong()).isEqualTo(1050);
		assertThat(fleet.get(1).get("vin").asString()).isEqualTo(vin(1));
		assertThat(fleet.get(2).get("distanceKm").asLong()).isEqualTo(1100);
		assertThat(fleet.get(2).get("vin").asString()).isEqualTo(vin(2));
		assertThat(fleet.get(2).get("fleetDistanceKm").decimalValue()).isEqualByComparingTo("1210");
		assertThat(vehicleThresholds(1, first)).containsExactly(100L, 500L);
		assertThat(vehicleThresholds(2, second)).containsExactly(100L);
		assertThat(reached("fleet") - fleetBefore).isEqualTo(3);
		assertThat(reached("vehicle") - vehicleBefore).isEqualTo(3);
	}

	@Test
	void aThresholdNeverFiresTwice() {
		String token = drive(this.api, 1, 1060);
		assertThat(
				this.api.post(reports(1), token, Api.odometer("again", Instant.now().minusSeconds(60).toString(), 1070))
					.status())
			.isEqualTo(201);
		assertThat(this.jdbc.sql("select count(*) from milestones").query(Long.class).single()).isEqualTo(4);
		assertThat(this.recorder.events).hasSize(4);
	}

	@Test
	void aVehiclesMilestonesNeedItsTokenOrTheAdmins() {
		String own = drive(this.api, 1, 600);
		String other = drive(this.api, 2, 50);
		String path = "/api/v1/milestones?scope=VEHICLE&vin=" + vin(1);
		assertThat(this.api.get(path, null).status()).isEqualTo(401);
		assertThat(this.api.get(path, other).status()).isEqualTo(403);
		assertThat(this.api.get(path, own).body()).hasSize(2);
		assertThat(this.api.get(path, ADMIN_TOKEN).body().get(1).get("scope").asString()).isEqualTo("VEHICLE");
		// without a VIN: every vehicle's, public (VehicleMilestonePageIntegrationTests)
		assertThat(this.api.get("/api/v1/milestones?scope=VEHICLE", null).body().get("items")).hasSize(2);
		assertThat(this.api.get("/api/v1/milestones?scope=VEHICLE&vin=SJNFAAZE0U6", ADMIN_TOKEN).text("field"))
			.isEqualTo("vin");
		assertThat(this.api.get("/api/v1/milestones?scope=PLANET", null).text("field")).isEqualTo("scope");
		assertThat(this.api.get("/api/v1/milestones?scope=VEHICLE&vin=" + vin(9), ADMIN_TOKEN).status()).isEqualTo(404);
	}

	@Test
	void theSummaryShowsTheLastMilestoneAndProjectsTheNextFromTheTrailing28Days() {
		String token = this.api.register(vin(1), "ES", 0.0);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		List<Map<String, Object>> days = new ArrayList<>();
		for (int i = 1; i <= 28; i++) {
			days.add(Api.odometer("d" + i, today.minusDays(29 - i) + "T12:00:00Z", 40.0 * i));
		}
		assertThat(this.api.post(reports(1) + "/batch", token, days).body().get("accepted").asInt()).isEqualTo(28);
		var summary = this.api.get("/api/v1/fleet/summary", null).body();
		assertThat(summary.get("lastMilestone").get("distanceKm").asLong()).isEqualTo(1100);
		assertThat(summary.get("lastMilestone").get("reachedAt").isNull()).isFalse();
		var next = summary.get("nextMilestone");
		assertThat(next.get("distanceKm").asLong()).isEqualTo(5000);
		assertThat(next.get("remainingKm").decimalValue()).isEqualByComparingTo("3880");
		// 3,880 km at a steady 40 km a day: 97 days
		Instant expected = Instant.parse(summary.get("asOf").asString()).plus(Duration.ofDays(97));
		assertThat(Duration.between(expected, Instant.parse(next.get("projectedAt").asString())).abs())
			.isLessThan(Duration.ofDays(1));
	}

	List<Long> vehicleThresholds(int n, String token) {
		List<Long> thresholds = new ArrayList<>();
		this.api.get("/api/v1/milestones?scope=VEHICLE&vin=" + vin(n), token)
			.body()
			.forEach((m) -> thresholds.add(m.get("distanceKm").asLong()));
		return thresholds;
	}

	double reached(String scope) {
		Matcher matcher = Pattern.compile("(?m)^fleet_milestones_reached_total\\{scope=\"" + scope + "\"} (\\S+)$")
			.matcher(this.api.text("/actuator/prometheus"));
		assertThat(matcher.find()).isTrue();
		return Double.parseDouble(matcher.group(1));
	}

	/**
	 * Keeps the milestones announced, once committed.
	 */
	static class Recorder {

		final List<MilestoneReached> events = new CopyOnWriteArrayList<>();

		@TransactionalEventListener
		void on(MilestoneReached event) {
			this.events.add(event);
		}

	}

}
