package org.fleettelemetry.ingestion;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.awaitility.Awaitility;
import org.fleettelemetry.shared.ErrorCode;
import org.fleettelemetry.shared.FleetException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The queueing of group commit, over transactions that record the groups they are given
 * instead of writing them (the crediting itself, and the failures of real commits, are
 * proven on PostgreSQL by the integration tests).
 */
class GroupCommitTests {

	final CountDownLatch release = new CountDownLatch(1);

	final CountDownLatch firstEntered = new CountDownLatch(1);

	final List<Integer> groups = new CopyOnWriteArrayList<>();

	final LedgerTransactions transactions = new LedgerTransactions(null, null) {

		@Override
		List<Outcome> credit(List<Submission> submissions) {
			GroupCommitTests.this.groups.add(submissions.size());
			GroupCommitTests.this.firstEntered.countDown();
			await(GroupCommitTests.this.release);
			if (submissions.stream().anyMatch((s) -> s.report().reportId().equals("bad"))) {
				throw new IllegalStateException("this group holds a bad report");
			}
			if (submissions.stream().anyMatch((s) -> s.report().reportId().equals("lost"))) {
				throw new FleetException(ErrorCode.OUTCOME_UNKNOWN, "the connection was lost while committing");
			}
			return submissions.stream().map((s) -> Outcome.accepted(s.report().reportId(), 1, 1)).toList();
		}

	};

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	GroupCommit commits;

	GroupCommit start(int capacity) {
		return start(1, 1000, capacity, Duration.ofSeconds(10));
	}

	GroupCommit start(int writers, int maxReports, int capacity, Duration helpAfter) {
		return start(writers, maxReports, capacity, helpAfter, Duration.ofSeconds(10));
	}

	GroupCommit start(int writers, int maxReports, int capacity, Duration helpAfter, Duration timeout) {
		this.commits = new GroupCommit(this.transactions,
				new IngestionSettings(new IngestionSettings.Validation(250, Duration.ofMinutes(5)),
						new IngestionSettings.Grouping(true, writers, maxReports, capacity, timeout, helpAfter)),
				this.meters);
		this.commits.start();
		return this.commits;
	}

	@AfterEach
	void stop() {
		this.release.countDown();
		this.commits.stop();
	}

	static Submission submission(String id) {
		return new Submission("SJNFAAZE0U6000001",
				new Report(id, ReportType.ODOMETER, null, Instant.parse("2015-01-01T00:00:00Z"), 1, null, null, null),
				null);
	}

	static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	CompletableFuture<List<Outcome>> send(String id) {
		return CompletableFuture.supplyAsync(() -> this.commits.credit(List.of(submission(id))));
	}

	/**
	 * Sends "first", then "r0" to "r9" while first's transaction is held; returns the
	 * eleven requests.
	 */
	List<CompletableFuture<List<Outcome>>> sendTenBehindAHeldTransaction() {
		List<CompletableFuture<List<Outcome>>> sent = new ArrayList<>();
		sent.add(send("first"));
		await(this.firstEntered);
		for (int i = 0; i < 10; i++) {
			sent.add(send("r" + i));
		}
		awaitWaiting(10);
		return sent;
	}

	/**
	 * Waits until this many reports are queued for a writer, as the gauge operators see
	 * tells.
	 */
	void awaitWaiting(int reports) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.meters.get("telemetry.group.commit.waiting").gauge().value() == reports);
	}

	static void assertAnsweredInOrder(List<CompletableFuture<List<Outcome>>> sent) throws Exception {
		assertThat(sent.get(0).get(5, TimeUnit.SECONDS).get(0).reportId()).isEqualTo("first");
		for (int i = 1; i < sent.size(); i++) {
			assertThat(sent.get(i).get(5, TimeUnit.SECONDS).get(0).reportId()).isEqualTo("r" + (i - 1));
		}
	}

	@Test
	void requestsThatArriveDuringACommitShareTheNextTransaction() throws Exception {
		start(100);
		List<CompletableFuture<List<Outcome>>> sent = sendTenBehindAHeldTransaction();
		this.release.countDown();
		assertAnsweredInOrder(sent);
		assertThat(this.groups).containsExactly(1, 10);
	}

	@Test
	void aSecondWriterHelpsOnceHalfOfATransactionsMostIsWaiting() throws Exception {
		start(2, 10, 100, Duration.ofSeconds(30));
		send("first");
		await(this.firstEntered);
		for (int i = 0; i < 4; i++) {
			send("r" + i);
		}
		awaitWaiting(4);
		// a helper looks every 10 ms at most: give it time to take the four, wrongly
		Thread.sleep(200);
		assertThat(this.groups).as("4 waiting, fewer than 5").containsExactly(1);
		send("r4");
		awaitGroups(2);
		assertThat(this.groups).containsExactly(1, 5);
	}

	@Test
	void aSecondWriterHelpsOnceTheOldestRequestHasWaitedLongEnough() throws Exception {
		start(2, 1000, 100, Duration.ofMillis(300));
		send("first");
		await(this.firstEntered);
		long sent = System.nanoTime();
		send("second");
		awaitGroups(2);
		assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(this.groups).containsExactly(1, 1);
	}

	void awaitGroups(int count) {
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.groups.size() >= count);
	}

	@Test
	void aFullQueueRefusesAtOnce() throws Exception {
		start(2);
		send("first");
		await(this.firstEntered);
		send("second");
		awaitWaiting(1);
		assertThatExceptionOfType(FleetException.class)
			.isThrownBy(() -> this.commits.credit(List.of(submission("third"))))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
	}

	@Test
	void stoppingCommitsAndAnswersEveryRequestAlreadyQueued() throws Exception {
		start(100);
		List<CompletableFuture<List<Outcome>>> sent = sendTenBehindAHeldTransaction();
		this.release.countDown();
		this.commits.stop();
		assertThat(this.groups).containsExactly(1, 10);
		assertAnsweredInOrder(sent);
	}

	@Test
	void aFailingRequestSpoilsNoOtherInItsGroup() throws Exception {
		start(100);
		send("first");
		await(this.firstEntered);
		CompletableFuture<List<Outcome>> bad = send("bad");
		CompletableFuture<List<Outcome>> good = send("good");
		awaitWaiting(2);
		this.release.countDown();
		assertThat(good.get(5, TimeUnit.SECONDS).get(0).status()).isEqualTo(Outcome.Status.ACCEPTED);
		assertThat(bad).failsWithin(5, TimeUnit.SECONDS);
	}

	@Test
	void aCommitNotConfirmedAnswersEveryRequestOfItsGroupOutcomeUnknownWithoutRetryingThem() throws Exception {
		start(100);
		send("first");
		await(this.firstEntered);
		CompletableFuture<List<Outcome>> lost = send("lost");
		CompletableFuture<List<Outcome>> other = send("other");
		awaitWaiting(2);
		this.release.countDown();
		assertFailsWith(lost, ErrorCode.OUTCOME_UNKNOWN);
		assertFailsWith(other, ErrorCode.OUTCOME_UNKNOWN);
		assertThat(this.groups).as("the group is not committed again request by request").containsExactly(1, 2);
		assertThat(this.meters.get("telemetry.ingest.unavailable").tag("code", "outcome_unknown").counter().count())
			.isEqualTo(2);
	}

	@Test
	void aRequestThatTimesOutStillQueuedIsWithdrawnAndNeverCommitted() throws Exception {
		start(1, 1000, 100, Duration.ofSeconds(10), Duration.ofMillis(300));
		CompletableFuture<List<Outcome>> first = send("first");
		await(this.firstEntered);
		CompletableFuture<List<Outcome>> queued = send("queued");
		FleetException refused = assertFailsWith(queued, ErrorCode.SERVICE_UNAVAILABLE);
		assertThat(refused.retryAfterSeconds()).isEqualTo(1);
		assertThat(refused.getMessage()).contains("nothing of this request was stored");
		this.release.countDown();
		assertFailsWith(first, ErrorCode.OUTCOME_UNKNOWN);
		// refused while the withdrawn request still heads the queue; then a writer finds
		// it, and leaves it
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.ignoreExceptions()
			.until(() -> this.commits.credit(List.of(submission("after"))) != null);
		assertThat(this.groups).containsExactly(1, 1);
		awaitWaiting(0);
	}

	@Test
	void aRequestThatTimesOutWhileItsGroupCommitsIsOfUnknownOutcome() throws Exception {
		start(1, 1000, 100, Duration.ofSeconds(10), Duration.ofMillis(300));
		CompletableFuture<List<Outcome>> first = send("first");
		await(this.firstEntered);
		FleetException unknown = assertFailsWith(first, ErrorCode.OUTCOME_UNKNOWN);
		assertThat(unknown.getMessage()).contains("may have been stored", "Sending them again is safe");
	}

	static FleetException assertFailsWith(CompletableFuture<List<Outcome>> sent, ErrorCode code) {
		assertThat(sent).failsWithin(5, TimeUnit.SECONDS);
		Throwable failure = sent.handle((outcomes, ex) -> ex).join();
		FleetException fleet = (FleetException) ((failure.getCause() != null) ? failure.getCause() : failure);
		assertThat(fleet.code()).isEqualTo(code);
		return fleet;
	}

}
