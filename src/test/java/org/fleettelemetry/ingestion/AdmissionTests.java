package org.fleettelemetry.ingestion;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.fleettelemetry.shared.ErrorCode;
import org.fleettelemetry.shared.FleetException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Admission takes a request only when what is ahead of it, with it, can commit within
 * half the time-out at the rate the writers have lately committed.
 */
class AdmissionTests {

	static final long SECOND = TimeUnit.SECONDS.toNanos(1);

	/** One writer, 1,000 reports a transaction, 100,000 queued at most, 2 s time-out. */
	final Admission admission = new Admission(
			new IngestionSettings.Grouping(true, 1, 1000, 100_000, Duration.ofSeconds(2), Duration.ofMillis(50)));

	/** A commit of {@code reports} that took {@code nanos} and ended at {@code end}. */
	void commit(int reports, long nanos, long end) {
		this.admission.began(end - nanos);
		this.admission.ended(reports, end);
	}

	@Test
	void countsTheTimeOfCommitsUnderWayTogetherOnce() {
		// two writers, each 1,000 reports in 0.4 s, side by side: 5,000 a second
		this.admission.began(SECOND);
		this.admission.began(SECOND);
		this.admission.ended(1000, SECOND + 2 * SECOND / 5);
		this.admission.ended(1000, SECOND + 2 * SECOND / 5);
		for (int i = 0; i < 5; i++) {
			this.admission.admit(1000, 0);
		}
		refused(() -> this.admission.admit(1, 0));
	}

	static FleetException refused(Runnable admit) {
		FleetException[] refusal = new FleetException[1];
		assertThatExceptionOfType(FleetException.class).isThrownBy(admit::run)
			.satisfies((ex) -> refusal[0] = ex)
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
		return refusal[0];
	}

	@Test
	void takesWhatCommitsWithinHalfTheTimeoutAtTheRecentRateAndRefusesTheRest() {
		// 1,000 reports in 0.2 s: 5,000 a second, 5,000 within the 1 s budget
		commit(1000, SECOND / 5, SECOND);
		for (int i = 0; i < 5; i++) {
			this.admission.admit(1000, 0);
		}
		FleetException refusal = refused(() -> this.admission.admit(1000, 0));
		assertThat(refusal.retryAfterSeconds()).as("6,000 reports at 5,000 a second").isEqualTo(2);
		assertThat(refusal.getMessage()).contains("nothing of this request was stored");
		refused(() -> this.admission.admit(1, 0));
		this.admission.release(1000);
		assertThatNoException().isThrownBy(() -> this.admission.admit(1000, 0));
	}

	@Test
	void takesARequestAloneWhateverTheRate() {
		// 10 reports a second: a batch of 1,000 would take 100 s, but nothing is ahead
		commit(10, SECOND, SECOND);
		this.admission.admit(1000, 0);
		FleetException refusal = refused(() -> this.admission.admit(1, 0));
		assertThat(refusal.retryAfterSeconds()).as("at most the time-out").isEqualTo(2);
	}

	@Test
	void refusesBehindARequestThatHasWaitedHalfTheTimeout() {
		commit(1000, SECOND / 100, SECOND);
		this.admission.admit(1, 0);
		refused(() -> this.admission.admit(1, SECOND + 1));
		assertThatNoException().isThrownBy(() -> this.admission.admit(1, SECOND - 1));
	}

	@Test
	void takesWhatTheWritersTakeAtOnceBeforeAnyCommitShowedTheRate() {
		this.admission.admit(600, 0);
		this.admission.admit(400, 0);
		refused(() -> this.admission.admit(1, 0));
	}

	@Test
	void forgetsSlowCommitsOfSecondsAgo() {
		commit(100, SECOND, SECOND);
		this.admission.admit(1000, 0);
		refused(() -> this.admission.admit(1000, 0));
		// ten seconds later, commits of 1,000 reports in 0.1 s
		for (int i = 0; i < 5; i++) {
			commit(1000, SECOND / 10, 11 * SECOND + i * SECOND / 10);
		}
		this.admission.admit(1000, 0);
	}

	@Test
	void aWithdrawnRequestIsRefusedAndFreesItsPlace() {
		this.admission.admit(1000, 0);
		FleetException refusal = this.admission.withdraw(1000, "The reports waited too long");
		assertThat(refusal.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
		assertThat(refusal.getMessage()).startsWith("The reports waited too long");
		this.admission.admit(1000, 0);
		refused(() -> this.admission.admit(1, 0));
	}

	@Test
	void neverTakesMoreThanTheQueueCapacity() {
		Admission small = new Admission(
				new IngestionSettings.Grouping(true, 1, 1000, 10, Duration.ofSeconds(2), Duration.ofMillis(50)));
		refused(() -> small.admit(11, 0));
		small.admit(10, 0);
	}

}
