package org.fleettelemetry.ingestion;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.Api.Response;
import org.fleettelemetry.support.Instances;
import org.fleettelemetry.support.IntegrationTests;
import org.fleettelemetry.support.ReconciliationAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fleettelemetry.support.Api.odometer;

/**
 * The review of the quarantine: a released report is credited once, through the same path
 * as any report, with the one check that stopped it set aside; a discarded one never is;
 * the list is a filtered keyset page. Some tests start a second instance over the same
 * database, whose clock they can move.
 */
class AnomalyReviewIntegrationTests extends IntegrationTests {

	static final String VIN = "SJNFAAZE0U6000001";

	static final String OTHER_VIN = "SJNFAAZE0U6000002";

	static final Instant T0 = Instant.parse("2014-09-30T10:00:00Z");

	static final ControlledClock CLOCK = new ControlledClock();

	/** A second instance, with a clock the tests move and a fleet milestone at 100 km. */
	private static ConfigurableApplicationContext other;

	private HttpServer receiver;

	@AfterEach
	void resetClockAndReceiver() {
		CLOCK.offset = Duration.ZERO;
		if (this.receiver != null) {
			this.receiver.stop(0);
		}
	}

	@AfterAll
	static void stopOtherInstance() {
		if (other != null) {
			other.close();
			other = null;
		}
	}

	static Api otherInstance() {
		if (other == null) {
			other = Instances.start(new Class<?>[] { ControlledClockConfiguration.class },
					"fleet.webhooks.allow-private-urls=true", "fleet.webhooks.dispatch.interval=100ms",
					"fleet.milestones.fleet-km=100", "fleet.milestones.vehicle-km=1000000");
		}
		return Instances.api(other);
	}

	@Test
	void releasesAnImplausibleDistanceWithoutTheSpeedCheckAndCreditsItEverywhereOnce() {
		String token = this.api.register(VIN, "ES", 1000.0);
		long anomaly = implausible(this.api, token);
		assertThat(openAnomalies()).isEqualTo(1);

		Response released = release(this.api, anomaly, "clock jumped; trip log checked");
		assertThat(released.status()).isEqualTo(200);
		assertThat(released.body().get("id").asLong()).isEqualTo(anomaly);
		assertThat(released.text("status")).isEqualTo("RELEASED");
		assertThat(released.text("reportId")).isEqualTo("b");
		assertThat(released.text("outcome")).isEqualTo("ACCEPTED");
		assertThat(released.decimal("creditedKm")).isEqualByComparingTo("900");
		assertThat(released.decimal("vehicleDistanceKm")).isEqualByComparingTo("910");

		assertThat(this.api.get("/api/v1/vehicles/" + VIN, ADMIN_TOKEN).decimal("distanceKm"))
			.isEqualByComparingTo("910");
		assertThat(this.api.get("/api/v1/fleet/summary", null).decimal("distanceKm")).isEqualByComparingTo("910");
		assertThat(this.api.get("/api/v1/fleet/summary", null).body().get("reports").asLong()).isEqualTo(2);
		assertThat(this.api.get("/api/v1/fleet/daily?from=2014-09-30&to=2014-09-30", null)
			.body()
			.get(0)
			.get("distanceKm")
			.decimalValue()).isEqualByComparingTo("910");
		assertThat(this.api.get("/api/v1/fleet/countries", null).body().get(0).get("distanceKm").decimalValue())
			.isEqualByComparingTo("910");

		JsonNode item = this.api.get("/api/v1/anomalies?vin=" + VIN, ADMIN_TOKEN).body().get("items").get(0);
		assertThat(item.get("status").asString()).isEqualTo("RELEASED");
		assertThat(item.get("reason").asString()).isEqualTo("clock jumped; trip log checked");
		assertThat(item.get("creditedKm").decimalValue()).isEqualByComparingTo("900");
		assertThat(item.get("resolvedAt").isNull()).isFalse();
		assertThat(this.jdbc.sql("select resolved_by from anomalies where id = ?")
			.param(anomaly)
			.query(String.class)
			.single()).isEqualTo("ADMIN");
		assertThat(openAnomalies()).isZero();

		Response again = release(this.api, anomaly, "once more");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.text("code")).isEqualTo("ALREADY_RESOLVED");
	}

	@Test
	void aReleasedReportSentAgainIsADuplicate() {
		String token = this.api.register(VIN, "ES", 1000.0);
		long anomaly = implausible(this.api, token);
		assertThat(release(this.api, anomaly, "checked").status()).isEqualTo(200);

		Response resent = this.api.post(reports(VIN), token,
				odometer("b", T0.plus(1, ChronoUnit.HOURS).toString(), 1910));
		assertThat(resent.status()).isEqualTo(200);
		assertThat(resent.text("status")).isEqualTo("DUPLICATE");
		assertThat(resent.decimal("creditedKm")).isEqualByComparingTo("900");
		assertThat(this.api.get("/api/v1/vehicles/" + VIN, ADMIN_TOKEN).decimal("distanceKm"))
			.isEqualByComparingTo("910");
	}

	@Test
	@Tag("slow")
	void eightReleasesRacingOnTwoInstancesCreditTheReportOnce() throws Exception {
		Api second = otherInstance();
		String token = this.api.register(VIN, "ES", 1000.0);
		long anomaly = implausible(this.api, token);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<Response>> answers = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				Api instance = (i % 2 == 0) ? this.api : second;
				String reason = "race " + i;
				answers.add(threads.submit(() -> {
					start.await();
					return release(instance, anomaly, reason);
				}));
			}
			start.countDown();
			List<String> outcomes = new ArrayList<>();
			for (Future<Response> answer : answers) {
				Response response = answer.get();
				outcomes.add(response.status() + " " + response.text((response.status() == 200) ? "outcome" : "code"));
			}
			assertThat(outcomes).containsOnlyOnce("200 ACCEPTED");
			assertThat(outcomes).filteredOn((o) -> o.equals("409 ALREADY_RESOLVED")).hasSize(7);
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(this.api.get("/api/v1/vehicles/" + VIN, ADMIN_TOKEN).decimal("distanceKm"))
			.isEqualByComparingTo("910");
		assertThat(this.api.get("/api/v1/fleet/summary", null).decimal("distanceKm")).isEqualByComparingTo("910");
		assertThat(this.jdbc.sql("select count(*) from reports where report_id = 'b'").query(Long.class).single())
			.isEqualTo(1);
		assertThat(this.jdbc.sql("select sum(distance_m) from fleet_daily").query(Long.class).single())
			.isEqualTo(910_000);
		assertThat(openAnomalies()).isZero();
		ReconciliationAssertions.assertReconciled(this.api);
		ReconciliationAssertions.assertReconciled(second);
	}

	@Test
	@Tag("slow")
	void aReleaseThatCrossesAFleetMilestoneFiresItOnceAndDeliversItsWebhook() throws Exception {
		Api second = otherInstance();
		List<String> deliveries = new CopyOnWriteArrayList<>();
		this.receiver = receiver(deliveries);
		String url = "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/hook";
		String webhook = second.post("/api/v1/webhooks", ADMIN_TOKEN, Map.of("url", url)).text("id");
		String token = second.register(VIN, "ES", 0.0);
		assertThat(second.post(reports(VIN), token, odometer("a", T0.toString(), 50)).status()).isEqualTo(201);
		Response refused = second.post(reports(VIN), token,
				odometer("b", T0.plus(1, ChronoUnit.MINUTES).toString(), 150));
		assertThat(refused.text("code")).isEqualTo("IMPLAUSIBLE_DISTANCE");
		assertThat(second.get("/api/v1/milestones", null).body()).isEmpty();

		long anomaly = onlyAnomaly();
		double counted = fleetMilestonesCounted();
		assertThat(release(second, anomaly, "a test drive on a dynamometer").status()).isEqualTo(200);
		assertThat(release(this.api, anomaly, "again").status()).isEqualTo(409);
		assertThat(fleetMilestonesCounted() - counted).isEqualTo(1);

		JsonNode milestones = second.get("/api/v1/milestones", ADMIN_TOKEN).body();
		assertThat(milestones).hasSize(1);
		assertThat(milestones.get(0).get("scope").asString()).isEqualTo("FLEET");
		assertThat(milestones.get(0).get("distanceKm").asLong()).isEqualTo(100);
		assertThat(milestones.get(0).get("vin").asString()).isEqualTo(VIN);
		Awaitility.await("the milestone's webhook")
			.atMost(Duration.ofSeconds(30))
			.until(() -> second.get("/api/v1/webhooks/" + webhook + "/deliveries", ADMIN_TOKEN)
				.body()
				.findValue("status")
				.asString()
				.equals("DELIVERED"));
		assertThat(deliveries).hasSize(1);
		assertThat(deliveries.get(0)).contains("\"milestone.reached\"").contains("\"distanceKm\":100");
		ReconciliationAssertions.assertReconciled(second);
	}

	@Test
	void anUnknownVehicleIsReleasedOnceItsVinIsRegistered() {
		Response batch = this.api.post("/api/v1/reports/batch", GATEWAY_TOKEN, List.of(Map.of("vin", OTHER_VIN,
				"reportId", "early", "type", "ODOMETER", "recordedAt", T0.toString(), "odometerKm", 1200)));
		assertThat(batch.body().get("results").get(0).get("code").asString()).isEqualTo("UNKNOWN_VEHICLE");
		long anomaly = onlyAnomaly();

		Response unregistered = release(this.api, anomaly, "the car exists");
		assertThat(unregistered.status()).isEqualTo(409);
		assertThat(unregistered.text("code")).isEqualTo("NOT_RELEASABLE");
		assertThat(status(anomaly)).isEqualTo("OPEN");

		this.api.register(OTHER_VIN, "FR", 1000.0);
		Response released = release(this.api, anomaly, "registered late by the dealer");
		assertThat(released.status()).isEqualTo(200);
		assertThat(released.text("outcome")).isEqualTo("ACCEPTED");
		assertThat(released.decimal("creditedKm")).isEqualByComparingTo("200");
		assertThat(this.api.get("/api/v1/vehicles/" + OTHER_VIN, ADMIN_TOKEN).decimal("distanceKm"))
			.isEqualByComparingTo("200");
	}

	@Test
	void aReleaseOfAReportStoredSinceIsADuplicateThatCreditsNothingAndOneWithOtherContentConflicts() {
		this.api.post("/api/v1/reports/batch", GATEWAY_TOKEN,
				List.of(Map.of("vin", VIN, "reportId", "same", "type", "ODOMETER", "recordedAt", T0.toString(),
						"odometerKm", 1200),
						Map.of("vin", VIN, "reportId", "other", "type", "ODOMETER", "recordedAt", T0.toString(),
								"odometerKm", 1200)));
		List<Long> anomalies = this.jdbc.sql("select id from anomalies order by id").query(Long.class).list();
		String token = this.api.register(VIN, "ES", 1000.0);
		// the car sends them again once registered: the first as it was,
		// the second changed
		assertThat(this.api.post(reports(VIN), token, odometer("same", T0.toString(), 1200)).status()).isEqualTo(201);
		assertThat(this.api.post(reports(VIN), token, odometer("other", T0.plus(1, ChronoUnit.HOURS).toString(), 1250))
			.status()).isEqualTo(201);

		Response duplicate = release(this.api, anomalies.get(0), "registered late");
		assertThat(duplicate.status()).isEqualTo(200);
		assertThat(duplicate.text("outcome")).isEqualTo("DUPLICATE");
		assertThat(duplicate.decimal("creditedKm")).isEqualByComparingTo("0");
		assertThat(status(anomalies.get(0))).isEqualTo("RELEASED");

		Response conflict = release(this.api, anomalies.get(1), "registered late");
		assertThat(conflict.status()).isEqualTo(409);
		assertThat(conflict.text("code")).isEqualTo("REPORT_ID_CONFLICT");
		assertThat(status(anomalies.get(1))).isEqualTo("OPEN");
		assertThat(this.api.get("/api/v1/vehicles/" + VIN, ADMIN_TOKEN).decimal("distanceKm"))
			.isEqualByComparingTo("250");
	}

	@Test
	@Tag("slow")
	void aReportFromTheFutureIsReleasedOnlyOnceItsTimeHasCome() {
		Api second = otherInstance();
		String token = second.register(VIN, "ES", 1000.0);
		Instant inAnHour = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
		Response refused = second.post(reports(VIN), token, odometer("ahead", inAnHour.toString(), 1010));
		assertThat(refused.text("code")).isEqualTo("TIMESTAMP_IN_FUTURE");
		long anomaly = onlyAnomaly();

		Response tooEarly = release(second, anomaly, "the car's clock is right");
		assertThat(tooEarly.status()).isEqualTo(409);
		assertThat(tooEarly.text("code")).isEqualTo("NOT_RELEASABLE");
		assertThat(status(anomaly)).isEqualTo("OPEN");

		CLOCK.offset = Duration.ofMinutes(56);
		Response released = release(second, anomaly, "the car's clock is right");
		assertThat(released.status()).isEqualTo(200);
		assertThat(released.decimal("creditedKm")).isEqualByComparingTo("10");
	}

	@Test
	void aRollbackIsNeverReleased() {
		String token = this.api.register(VIN, "ES", 1000.0);
		this.api.post(reports(VIN), token, odometer("a", T0.toString(), 1010));
		this.api.post(reports(VIN), token, odometer("b", T0.plus(1, ChronoUnit.HOURS).toString(), 1005));
		long anomaly = onlyAnomaly();

		Response refused = release(this.api, anomaly, "I trust it");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text("code")).isEqualTo("NOT_RELEASABLE");
		assertThat(refused.text("detail")).contains("ODOMETER_ROLLBACK is never released");
		assertThat(status(anomaly)).isEqualTo("OPEN");
		assertThat(this.api.get("/api/v1/vehicles/" + VIN, ADMIN_TOKEN).decimal("distanceKm"))
			.isEqualByComparingTo("10");
	}

	@Test
	void aReleaseThatNowBreaksAnotherRuleIsRefusedWithThatRuleAndStaysOpen() {
		String token = this.api.register(VIN, "ES", 1000.0);
		long anomaly = implausible(this.api, token);
		// a later reading below the released one: it would now be a rollback
		assertThat(this.api.post(reports(VIN), token, odometer("c", T0.plus(2, ChronoUnit.HOURS).toString(), 1100))
			.status()).isEqualTo(201);

		Response refused = release(this.api, anomaly, "checked");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.text("code")).isEqualTo("ODOMETER_ROLLBACK");
		assertThat(status(anomaly)).isEqualTo("OPEN");
		assertThat(openAnomalies()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from anomalies").query(Long.class).single()).isEqualTo(1);
		assertThat(this.api.get("/api/v1/vehicles/" + VIN, ADMIN_TOKEN).decimal("distanceKm"))
			.isEqualByComparingTo("100");
	}

	@Test
	void aDiscardedAnomalyIsNeverCreditedAndKeepsItsAuditTrail() {
		String token = this.api.register(VIN, "ES", 1000.0);
		long anomaly = implausible(this.api, token);

		Response discarded = this.api.post("/api/v1/anomalies/" + anomaly + "/discard", ADMIN_TOKEN,
				Map.of("reason", "a faulty odometer"));
		assertThat(discarded.status()).isEqualTo(200);
		assertThat(discarded.body().get("id").asLong()).isEqualTo(anomaly);
		assertThat(discarded.text("status")).isEqualTo("DISCARDED");
		assertThat(openAnomalies()).isZero();

		assertThat(release(this.api, anomaly, "changed my mind").text("code")).isEqualTo("ALREADY_RESOLVED");
		Response again = this.api.post("/api/v1/anomalies/" + anomaly + "/discard", ADMIN_TOKEN, Map.of("reason", "x"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.text("code")).isEqualTo("ALREADY_RESOLVED");
		JsonNode item = this.api.get("/api/v1/anomalies?status=DISCARDED", ADMIN_TOKEN).body().get("items").get(0);
		assertThat(item.get("reason").asString()).isEqualTo("a faulty odometer");
		assertThat(item.get("creditedKm").isNull()).isTrue();
		assertThat(this.api.get("/api/v1/vehicles/" + VIN, ADMIN_TOKEN).decimal("distanceKm"))
			.isEqualByComparingTo("10");
	}

	@Test
	void aReviewNeedsAReasonAndAKnownAnomaly() {
		String token = this.api.register(VIN, "ES", 1000.0);
		long anomaly = implausible(this.api, token);
		for (String action : List.of("release", "discard")) {
			String path = "/api/v1/anomalies/" + anomaly + "/" + action;
			assertInvalid(this.api.post(path, ADMIN_TOKEN, Map.of()), "reason");
			assertInvalid(this.api.post(path, ADMIN_TOKEN, Map.of("reason", " ")), "reason");
			assertInvalid(this.api.post(path, ADMIN_TOKEN, Map.of("reason", "x".repeat(501))), "reason");
			Response unknown = this.api.post("/api/v1/anomalies/999999/" + action, ADMIN_TOKEN, Map.of("reason", "x"));
			assertThat(unknown.status()).isEqualTo(404);
			assertThat(unknown.text("code")).isEqualTo("ANOMALY_NOT_FOUND");
		}
		assertThat(status(anomaly)).isEqualTo("OPEN");
		assertThat(this.api
			.post("/api/v1/anomalies/" + anomaly + "/release", ADMIN_TOKEN, Map.of("reason", "x".repeat(500)))
			.status()).isEqualTo(200);
	}

	@Test
	void listsTheQuarantineNewestFirstInFilteredKeysetPages() {
		String token = this.api.register(VIN, "ES", 1000.0);
		this.api.post(reports(VIN), token, odometer("a", T0.toString(), 1010));
		for (int i = 1; i <= 3; i++) {
			this.api.post(reports(VIN), token,
					odometer("rollback-" + i, T0.plus(i, ChronoUnit.HOURS).toString(), 1001));
		}
		this.api.post("/api/v1/reports/batch", GATEWAY_TOKEN, List.of(Map.of("vin", OTHER_VIN, "reportId", "unknown",
				"type", "ODOMETER", "recordedAt", T0.toString(), "odometerKm", 5)));
		List<Long> ids = this.jdbc.sql("select id from anomalies order by id desc").query(Long.class).list();
		assertThat(ids).hasSize(4);
		this.api.post("/api/v1/anomalies/" + ids.get(3) + "/discard", ADMIN_TOKEN, Map.of("reason", "rubbish"));

		List<Long> paged = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			JsonNode page = this.api
				.get("/api/v1/anomalies?size=3" + ((cursor != null) ? "&cursor=" + cursor : ""), ADMIN_TOKEN)
				.body();
			page.get("items").forEach((item) -> paged.add(item.get("id").asLong()));
			cursor = page.get("next").isNull() ? null : page.get("next").asString();
			pages++;
		}
		while (cursor != null);
		assertThat(paged).isEqualTo(ids);
		assertThat(pages).isEqualTo(2);

		assertThat(idsOf("?vin=" + OTHER_VIN)).containsExactly(ids.get(0));
		assertThat(idsOf("?code=ODOMETER_ROLLBACK")).containsExactly(ids.get(1), ids.get(2), ids.get(3));
		assertThat(idsOf("?status=OPEN")).containsExactly(ids.get(0), ids.get(1), ids.get(2));
		assertThat(idsOf("?status=DISCARDED&vin=" + VIN)).containsExactly(ids.get(3));
		assertThat(idsOf("?vin=" + VIN + "&code=ODOMETER_ROLLBACK&status=OPEN")).containsExactly(ids.get(1),
				ids.get(2));
		assertThat(idsOf("?code=UNKNOWN_VEHICLE&status=RELEASED")).isEmpty();
		JsonNode first = this.api.get("/api/v1/anomalies?vin=" + OTHER_VIN, ADMIN_TOKEN).body().get("items").get(0);
		assertThat(first.get("report").get("reportId").asString()).isEqualTo("unknown");
		assertThat(first.get("status").asString()).isEqualTo("OPEN");
		assertThat(first.get("resolvedAt").isNull()).isTrue();
		assertThat(first.get("reason").isNull()).isTrue();
		assertThat(first.get("creditedKm").isNull()).isTrue();

		assertInvalid(this.api.get("/api/v1/anomalies?size=0", ADMIN_TOKEN), "size");
		assertInvalid(this.api.get("/api/v1/anomalies?size=1001", ADMIN_TOKEN), "size");
		assertInvalid(this.api.get("/api/v1/anomalies?size=ten", ADMIN_TOKEN), "size");
		assertInvalid(this.api.get("/api/v1/anomalies?cursor=not-a-cursor", ADMIN_TOKEN), "cursor");
		this.api.register(OTHER_VIN, "FR", null);
		String vehicleCursor = this.api.get("/api/v1/vehicles?size=1", ADMIN_TOKEN).text("next");
		assertInvalid(this.api.get("/api/v1/anomalies?cursor=" + vehicleCursor, ADMIN_TOKEN), "cursor");
		assertInvalid(this.api.get("/api/v1/anomalies?code=REPORT_ID_CONFLICT", ADMIN_TOKEN), "code");
		assertInvalid(this.api.get("/api/v1/anomalies?status=CLOSED", ADMIN_TOKEN), "status");
		assertInvalid(this.api.get("/api/v1/anomalies?vin=SJNFAAZE0U600000I", ADMIN_TOKEN), "vin");
		assertInvalid(this.api.get("/api/v1/anomalies?limit=5", ADMIN_TOKEN), "limit");
	}

	@Test
	void onlyTheAdminReviewsTheQuarantine() {
		String token = this.api.register(VIN, "ES", 1000.0);
		long anomaly = implausible(this.api, token);
		String release = "/api/v1/anomalies/" + anomaly + "/release";
		String discard = "/api/v1/anomalies/" + anomaly + "/discard";
		Map<String, String> reason = Map.of("reason", "checked");
		for (String caller : new String[] { token, GATEWAY_TOKEN }) {
			assertProblem(this.api.get("/api/v1/anomalies", caller), 403, "FORBIDDEN");
			assertProblem(this.api.post(release, caller, reason), 403, "FORBIDDEN");
			assertProblem(this.api.post(discard, caller, reason), 403, "FORBIDDEN");
		}
		assertProblem(this.api.get("/api/v1/anomalies", null), 401, "UNAUTHORIZED");
		assertProblem(this.api.post(release, null, reason), 401, "UNAUTHORIZED");
		assertProblem(this.api.post(discard, null, reason), 401, "UNAUTHORIZED");
		assertThat(status(anomaly)).isEqualTo("OPEN");

		assertThat(this.api.get("/api/v1/anomalies", ADMIN_TOKEN).status()).isEqualTo(200);
		assertThat(this.api.post(release, ADMIN_TOKEN, reason).status()).isEqualTo(200);
		String token2 = this.api.register(OTHER_VIN, "ES", 1000.0);
		this.api.post(reports(OTHER_VIN), token2, odometer("a", T0.toString(), 1010));
		this.api.post(reports(OTHER_VIN), token2, odometer("b", T0.plus(1, ChronoUnit.HOURS).toString(), 1001));
		long other = this.jdbc.sql("select max(id) from anomalies").query(Long.class).single();
		assertThat(this.api.post("/api/v1/anomalies/" + other + "/discard", ADMIN_TOKEN, reason).status())
			.isEqualTo(200);
	}

	/**
	 * Enrols a reading of 1010 km at {@link #T0}, then one of 1910 km an hour later: 900
	 * km in an hour is refused as IMPLAUSIBLE_DISTANCE. Returns the anomaly's id.
	 */
	long implausible(Api api, String token) {
		assertThat(api.post(reports(VIN), token, odometer("a", T0.toString(), 1010)).status()).isEqualTo(201);
		Response refused = api.post(reports(VIN), token, odometer("b", T0.plus(1, ChronoUnit.HOURS).toString(), 1910));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.text("code")).isEqualTo("IMPLAUSIBLE_DISTANCE");
		return onlyAnomaly();
	}

	static double fleetMilestonesCounted() {
		return other.getBean(MeterRegistry.class)
			.get("fleet.milestones.reached")
			.tag("scope", "fleet")
			.counter()
			.count();
	}

	static Response release(Api api, long anomaly, String reason) {
		return api.post("/api/v1/anomalies/" + anomaly + "/release", ADMIN_TOKEN, Map.of("reason", reason));
	}

	static String reports(String vin) {
		return "/api/v1/vehicles/" + vin + "/reports";
	}

	long onlyAnomaly() {
		return this.jdbc.sql("select id from anomalies").query(Long.class).single();
	}

	String status(long anomaly) {
		return this.jdbc.sql("select status from anomalies where id = ?").param(anomaly).query(String.class).single();
	}

	long openAnomalies() {
		return this.jdbc.sql("select sum(anomalies) from anomalies_open").query(Long.class).single();
	}

	List<Long> idsOf(String query) {
		Response page = this.api.get("/api/v1/anomalies" + query, ADMIN_TOKEN);
		assertThat(page.status()).as(query).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		page.body().get("items").forEach((item) -> ids.add(item.get("id").asLong()));
		return ids;
	}

	static void assertInvalid(Response response, String field) {
		assertProblem(response, 400, "INVALID_FIELD");
		assertThat(response.text("field")).isEqualTo(field);
	}

	static void assertProblem(Response response, int status, String code) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.text("code")).isEqualTo(code);
	}

	static HttpServer receiver(List<String> bodies) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/hook", (exchange) -> {
			bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.start();
		return server;
	}

	/**
	 * The system clock, moved by {@link #offset}.
	 */
	static final class ControlledClock extends Clock {

		volatile Duration offset = Duration.ZERO;

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return Instant.now().plus(this.offset);
		}

	}

	/**
	 * The second instance's clock: {@link #CLOCK}. Not a {@code @Configuration}, so that
	 * component scanning leaves it to the instance that adds it.
	 */
	static class ControlledClockConfiguration {

		@Bean
		@Primary
		Clock controlledClock() {
			return CLOCK;
		}

	}

}
