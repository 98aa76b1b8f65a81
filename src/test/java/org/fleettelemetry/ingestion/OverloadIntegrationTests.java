package org.fleettelemetry.ingestion;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.fleettelemetry.support.Api;
import org.fleettelemetry.support.IntegrationTests;
import org.fleettelemetry.support.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Overload and lost commits on the report endpoints: more 1,000-report batches than can
 * commit within the time-out are refused at once, with nothing of them stored; a commit
 * cut by a lost connection is answered {@code OUTCOME_UNKNOWN}, and sending its reports
 * again tells what they credited. Either way every metre is counted once.
 */
@TestPropertySource(
		properties = "fleet.ingestion.group-commit.timeout=" + OverloadIntegrationTests.TIMEOUT_MILLIS + "ms")
class OverloadIntegrationTests extends IntegrationTests {

	static final long TIMEOUT_MILLIS = 6000;

	static final int SENDERS = 24;

	static final int BATCHES = 4;

	static final Instant START = Instant.parse("2014-01-01T00:00:00Z");

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final HttpClient CLIENT = HttpClient.newHttpClient();

	/** An answer with its Retry-After and how long it took. */
	record Answer(String reportIds, String path, String token, String body, int status, JsonNode json,
			String retryAfter, long nanos) {

		String code() {
			return (this.json != null && this.json.has("code")) ? this.json.get("code").asString() : null;
		}

	}

	Answer post(String reportIds, String path, String token, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		long started = System.nanoTime();
		HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
		long nanos = System.nanoTime() - started;
		return new Answer(reportIds, path, token, body, response.statusCode(), JSON.readTree(response.body()),
				response.headers().firstValue("Retry-After").orElse(null), nanos);
	}

	Answer resend(Answer answer) throws Exception {
		return post(answer.reportIds(), answer.path(), answer.token(), answer.body());
	}

	/** A batch of 1,000 readings an hour and a kilometre apart, the {@code batch}th. */
	static String batch(String prefix, int batch) {
		List<Map<String, Object>> reports = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			int reading = batch * 1000 + i + 1;
			reports.add(Api.odometer(prefix + i, START.plus(reading, ChronoUnit.HOURS).toString(), reading));
		}
		return Api.json(reports);
	}

	long storedLike(String prefix) {
		return this.jdbc.sql("select count(*) from reports where report_id like ?")
			.param(prefix + "%")
			.query(Long.class)
			.single();
	}

	static long creditedMetres(Answer batch) {
		long metres = 0;
		for (JsonNode result : batch.json().get("results")) {
			metres += result.get("creditedKm").decimalValue().movePointRight(3).longValueExact();
		}
		return metres;
	}

	long fleetMetres() {
		return this.api.get("/api/v1/fleet/summary", null).decimal("distanceKm").movePointRight(3).longValueExact();
	}

	@Test
	void refusesAtOnceWhatCannotCommitInTimeAndStoresNothingOfIt() throws Exception {
		List<String> tokens = new ArrayList<>();
		for (int s = 0; s < SENDERS; s++) {
			tokens.add(this.api.register(String.format("SJNFAAZE0U6%06d", s), "ES", 0.0));
		}
		// written before the flood, so that the clients take no CPU from the service
		String[][] bodies = new String[SENDERS][BATCHES];
		for (int s = 0; s < SENDERS; s++) {
			for (int b = 0; b < BATCHES; b++) {
				bodies[s][b] = batch("v" + s + "-b" + b + "-", b);
			}
		}
		ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
		ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
		for (int s = 0; s < SENDERS; s++) {
			int sender = s;
			senders.submit(() -> {
				String vin = String.format("SJNFAAZE0U6%06d", sender);
				for (int b = 0; b < BATCHES; b++) {
					String prefix = "v" + sender + "-b" + b + "-";
					Answer answer = post(prefix, "/api/v1/vehicles/" + vin + "/reports/batch", tokens.get(sender),
							bodies[sender][b]);
					answers.add(answer);
					if (answer.status() == 503) {
						// a client's back-off, shorter than asked, to keep the flood on
						Thread.sleep(100);
					}
				}
				return null;
			});
		}
		senders.shutdown();
		assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		assertThat(answers).hasSize(SENDERS * BATCHES);

		long credited = 0;
		List<Answer> unknown = new ArrayList<>();
		int refused = 0;
		int taken = 0;
		for (Answer answer : answers) {
			assertThat(answer.status()).as(answer.reportIds()).isIn(200, 503);
			if (answer.status() == 200) {
				taken++;
				assertThat(answer.json().get("accepted").asInt()).isEqualTo(1000);
				assertThat(storedLike(answer.reportIds())).as(answer.reportIds()).isEqualTo(1000);
				credited += creditedMetres(answer);
			}
			else if ("SERVICE_UNAVAILABLE".equals(answer.code())) {
				refused++;
				assertThat(Duration.ofNanos(answer.nanos())).as("refused at once, not after the time-out")
					.isLessThan(Duration.ofMillis(TIMEOUT_MILLIS));
				assertThat(Long.parseLong(answer.retryAfter())).isBetween(1L, TIMEOUT_MILLIS / 1000);
				assertThat(storedLike(answer.reportIds())).as(answer.reportIds()).isZero();
			}
			else {
				assertThat(answer.code()).isEqualTo("OUTCOME_UNKNOWN");
				unknown.add(answer);
			}
		}
		assertThat(refused).as("refused").isPositive();
		assertThat(taken).as("taken").isPositive();
		for (Answer answer : unknown) {
			Answer again = resend(answer);
			assertThat(again.status()).isEqualTo(200);
			credited += creditedMetres(again);
		}
		assertThat(fleetMetres()).isEqualTo(credited);
	}

	@Test
	void answersACommitCutByALostConnectionOutcomeUnknownAndItsResendWhatItCredited() throws Exception {
		String batchToken = this.api.register("SJNFAAZE0U6000001", "ES", 0.0);
		String singleToken = this.api.register("SJNFAAZE0U6000002", "FR", 0.0);
		String single = Api.json(Api.odometer("single-1", "2014-01-02T00:00:00Z", 42.5));
		CompletableFuture<Answer> batchAnswer;
		CompletableFuture<Answer> singleAnswer;
		TestDatabase.Connection database = TestDatabase.get();
		try (Connection holder = DriverManager.getConnection(database.jdbcUrl(), database.username(),
				database.password())) {
			holdCommitsOfReports(holder);
			batchAnswer = CompletableFuture.supplyAsync(() -> postQuietly("cut-",
					"/api/v1/vehicles/SJNFAAZE0U6000001/reports/batch", batchToken, batch("cut-", 0)));
			singleAnswer = CompletableFuture.supplyAsync(
					() -> postQuietly("single-1", "/api/v1/vehicles/SJNFAAZE0U6000002/reports", singleToken, single));
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
			while (!(batchAnswer.isDone() && singleAnswer.isDone()) && System.nanoTime() < deadline) {
				cutConnectionsCommitting();
				Thread.sleep(20);
			}
		}
		finally {
			this.jdbc.sql("drop trigger if exists overload_test_hold_commit on reports").update();
			this.jdbc.sql("drop function if exists overload_test_hold_commit()").update();
		}
		for (Answer answer : List.of(batchAnswer.get(), singleAnswer.get())) {
			assertThat(answer.status()).as(answer.reportIds()).isEqualTo(503);
			assertThat(answer.code()).isEqualTo("OUTCOME_UNKNOWN");
			assertThat(answer.json().get("detail").asString()).contains("may have been stored",
					"Sending them again is safe");
			assertThat(answer.retryAfter()).isNotNull();
		}

		Answer batchAgain = resend(batchAnswer.get());
		assertThat(batchAgain.status()).isEqualTo(200);
		// the whole batch shared one commit: all of it was stored, or none
		assertThat(batchAgain.json().get("accepted").asInt() + batchAgain.json().get("duplicates").asInt())
			.isEqualTo(1000);
		assertThat(List.of(batchAgain.json().get("accepted").asInt(), batchAgain.json().get("duplicates").asInt()))
			.contains(0);
		Answer singleAgain = resend(singleAnswer.get());
		assertThat(singleAgain.status()).isIn(200, 201);
		assertThat(singleAgain.json().get("status").asString()).isIn("ACCEPTED", "DUPLICATE");
		long credited = creditedMetres(batchAgain)
				+ singleAgain.json().get("creditedKm").decimalValue().movePointRight(3).longValueExact();
		assertThat(credited).isEqualTo(1_000_000 + 42_500);
		assertThat(fleetMetres()).isEqualTo(credited);
		assertThat(storedLike("cut-") + storedLike("single-1")).isEqualTo(1001);
	}

	Answer postQuietly(String reportIds, String path, String token, String body) {
		try {
			return post(reportIds, path, token, body);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Makes every commit that wrote reports wait, at its very end, for an advisory lock
	 * {@code holder} takes.
	 */
	void holdCommitsOfReports(Connection holder) throws Exception {
		this.jdbc.sql("""
				create or replace function overload_test_hold_commit() returns trigger language plpgsql as $$
				begin
				    perform pg_advisory_xact_lock(1919);
				    return null;
				end $$
				""").update();
		this.jdbc.sql("""
				create constraint trigger overload_test_hold_commit after insert on reports
				deferrable initially deferred for each row execute function overload_test_hold_commit()
				""").update();
		try (var statement = holder.createStatement()) {
			statement.execute("select pg_advisory_lock(1919)");
		}
	}

	/** Ends the connections of the commits held, as a database outage would. */
	void cutConnectionsCommitting() {
		this.jdbc.sql("""
				select count(pg_terminate_backend(pid)) from pg_stat_activity
				where wait_event = 'advisory' and query = 'COMMIT'
				""").query(Long.class).single();
	}

}
