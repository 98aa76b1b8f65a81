package org.fleettelemetry.fleet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.fleettelemetry.shared.ErrorCode;
import org.fleettelemetry.shared.FleetException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedReadTests {

	static final Duration LONG = Duration.ofSeconds(30);

	static final int THREADS = 8;

	static final int CALLS = 300;

	final Reads reads = new Reads();

	@Test
	void aCallerThatComesDuringAReadIsAnsweredByTheNextOne() throws Exception {
		SharedRead<Integer> shared = new SharedRead<>(this.reads, LONG);
		Call first = reading(shared);
		Call second = new Call(shared).awaitParked();
		this.reads.release();
		assertThat(first.result()).isEqualTo(1);
		this.reads.next();
		assertThat(second.result()).isEqualTo(2);
	}

	@Test
	void callersThatComeDuringAReadShareTheNextOne() throws Exception {
		SharedRead<Integer> shared = new SharedRead<>(this.reads, LONG);
		Call first = reading(shared);
		List<Call> waiting = calls(shared, 10);
		this.reads.release();
		this.reads.next();
		assertThat(first.result()).isEqualTo(1);
		assertAnswered(waiting, 2);
		assertThat(this.reads.started.get()).isEqualTo(2);
	}

	@Test
	void concurrentCallersShareReadsStartedAfterTheirCalls() throws Exception {
		this.reads.gated = false;
		this.reads.pause = Duration.ofNanos(200_000);
		SharedRead<Integer> shared = new SharedRead<>(this.reads, LONG);
		assertThat(hammer(shared, false)).isEmpty();
		assertThat(this.reads.started.get()).isLessThan(THREADS * CALLS / 2);
	}

	@Test
	void aFailedReadFailsOnlyTheCallersWaitingOnItAndTheNextCallReadsAgain() throws Exception {
		this.reads.failing = Set.of(2);
		SharedRead<Integer> shared = new SharedRead<>(this.reads, LONG);
		Call first = reading(shared);
		List<Call> waiting = calls(shared, 3);
		this.reads.release();
		assertThat(first.result()).isEqualTo(1);
		this.reads.next();
		for (Call call : waiting) {
			assertThat(call.failure()).isInstanceOf(IllegalStateException.class).hasMessage("read 2 failed");
		}
		Call after = reading(shared);
		this.reads.release();
		assertThat(after.result()).isEqualTo(3);
	}

	@Test
	void anErrorInAReadEndsItsRoundLikeAnyFailure() {
		this.reads.gated = false;
		SharedRead<Integer> shared = new SharedRead<>(() -> {
			int n = this.reads.get();
			if (n == 1) {
				throw new AssertionError("read 1 broke");
			}
			return n;
		}, LONG);
		assertThatThrownBy(shared::get).isInstanceOf(AssertionError.class);
		assertThat(shared.get()).isEqualTo(2);
	}

	@Test
	void interruptingTheReadingThreadFailsItsRoundAndTheNextRoundReads() throws Exception {
		SharedRead<Integer> shared = new SharedRead<>(this.reads, LONG);
		Call reader = reading(shared);
		List<Call> waiting = calls(shared, 3);
		reader.thread.interrupt();
		assertThat(reader.failure()).hasMessage("read 1 was interrupted");
		this.reads.next();
		assertAnswered(waiting, 2);
	}

	@Test
	void anInterruptedWaiterGets503AndTheOthersOfItsRoundAreStillAnswered() throws Exception {
		SharedRead<Integer> shared = new SharedRead<>(this.reads, LONG);
		Call first = reading(shared);
		// the first caller of a round starts it: interrupting it leaves the
		// start to another one
		Call starter = new Call(shared).awaitParked();
		List<Call> others = calls(shared, 3);
		starter.thread.interrupt();
		assertUnavailable(starter);
		this.reads.release();
		assertThat(first.result()).isEqualTo(1);
		this.reads.next();
		assertAnswered(others, 2);
	}

	@Test
	void callersGiveUpAfterTheTimeoutAndNoReadStartsForCallersThatLeft() throws Exception {
		SharedRead<Integer> shared = new SharedRead<>(this.reads, Duration.ofMillis(200));
		Call first = reading(shared);
		for (Call call : calls(shared, 3)) {
			assertUnavailable(call);
		}
		this.reads.release();
		assertThat(first.result()).isEqualTo(1);
		Call after = reading(shared);
		this.reads.release();
		assertThat(after.result()).isEqualTo(2);
		assertThat(this.reads.started.get()).isEqualTo(2);
	}

	@Test
	void anInterruptedCallerGets503WithoutReading() {
		this.reads.gated = false;
		SharedRead<Integer> shared = new SharedRead<>(this.reads, LONG);
		Thread.currentThread().interrupt();
		try {
			assertThatThrownBy(shared::get).isInstanceOf(FleetException.class);
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
		assertThat(this.reads.started.get()).isZero();
		assertThat(shared.get()).isEqualTo(1);
	}

	@Test
	void failuresTimeoutsAndInterruptsNeverLeaveCallersHangingOrAnswerWithAnOldRead() throws Exception {
		this.reads.gated = false;
		SharedRead<Integer> shared = new SharedRead<>(() -> {
			int n = this.reads.get();
			LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(2_000_000));
			if (n % 7 == 0) {
				throw new IllegalStateException("read " + n + " failed");
			}
			return n;
		}, Duration.ofMillis(3));
		assertThat(hammer(shared, true)).isEmpty();
		int before = this.reads.started.get();
		assertThat(retrying(shared)).isGreaterThan(before);
	}

	/**
	 * Calls from {@value #THREADS} threads, {@value #CALLS} times each, and returns what
	 * went wrong: answers from reads that started before their calls, and failures unless
	 * {@code interrupting}, which interrupts the callers at random meanwhile (then
	 * timeouts, interrupts and failed reads are to be expected).
	 */
	List<String> hammer(SharedRead<Integer> shared, boolean interrupting) throws InterruptedException {
		ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
		List<Thread> callers = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			Thread caller = new Thread(() -> {
				for (int i = 0; i < CALLS; i++) {
					Thread.interrupted();
					int before = this.reads.started.get();
					try {
						int read = shared.get();
						if (read <= before) {
							wrong.add("read " + read + " answered a call made after read " + before + " had started");
						}
					}
					catch (RuntimeException ex) {
						if (!interrupting) {
							wrong.add(ex.toString());
						}
					}
				}
			});
			caller.start();
			callers.add(caller);
		}
		long deadline = System.nanoTime() + LONG.toNanos();
		while (callers.stream().anyMatch(Thread::isAlive)) {
			assertThat(System.nanoTime()).as("the callers are done").isLessThan(deadline);
			if (interrupting) {
				callers.get(ThreadLocalRandom.current().nextInt(callers.size())).interrupt();
			}
			Thread.sleep(1);
		}
		return List.copyOf(wrong);
	}

	/** A call that may fail when its read is a seventh. */
	static int retrying(SharedRead<Integer> shared) {
		for (int attempt = 0;; attempt++) {
			try {
				return shared.get();
			}
			catch (IllegalStateException ex) {
				assertThat(attempt).isLessThan(3);
			}
		}
	}

	/** Starts a call, and waits until it reads. */
	Call reading(SharedRead<Integer> shared) throws InterruptedException {
		Call call = new Call(shared);
		this.reads.awaitStart();
		return call;
	}

	/**
	 * Starts calls, one after the other, each waiting for its answer before the next
	 * starts.
	 */
	static List<Call> calls(SharedRead<Integer> shared, int count) throws InterruptedException {
		List<Call> calls = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			calls.add(new Call(shared).awaitParked());
		}
		return calls;
	}

	static void assertAnswered(List<Call> calls, int read) throws Exception {
		for (Call call : calls) {
			assertThat(call.result()).isEqualTo(read);
		}
	}

	static void assertUnavailable(Call call) throws Exception {
		assertThat(call.failure()).isInstanceOfSatisfying(FleetException.class,
				(ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
	}

	/**
	 * A read that numbers itself, and that waits for {@link #release()} while gated.
	 */
	static final class Reads implements Supplier<Integer> {

		final AtomicInteger started = new AtomicInteger();

		final Semaphore starts = new Semaphore(0);

		final Semaphore releases = new Semaphore(0);

		volatile boolean gated = true;

		volatile Duration pause = Duration.ZERO;

		volatile Set<Integer> failing = Set.of();

		@Override
		public Integer get() {
			int n = this.started.incrementAndGet();
			this.starts.release();
			if (!this.pause.isZero()) {
				LockSupport.parkNanos(this.pause.toNanos());
			}
			try {
				if (this.gated && !this.releases.tryAcquire(LONG.toMillis(), TimeUnit.MILLISECONDS)) {
					throw new IllegalStateException("read " + n + " was never released");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("read " + n + " was interrupted", ex);
			}
			if (this.failing.contains(n)) {
				throw new IllegalStateException("read " + n + " failed");
			}
			return n;
		}

		void awaitStart() throws InterruptedException {
			assertThat(this.starts.tryAcquire(LONG.toMillis(), TimeUnit.MILLISECONDS)).as("a read started").isTrue();
		}

		void release() {
			this.releases.release();
		}

		/** Waits until the next read starts, and lets it end. */
		void next() throws InterruptedException {
			awaitStart();
			release();
		}

	}

	/**
	 * One call on a thread of its own.
	 */
	static final class Call {

		final FutureTask<Integer> task;

		final Thread thread;

		Call(SharedRead<Integer> shared) {
			this.task = new FutureTask<>((Callable<Integer>) shared::get);
			this.thread = new Thread(this.task);
			this.thread.start();
		}

		/** Waits until the call waits for its answer. */
		Call awaitParked() throws InterruptedException {
			long deadline = System.nanoTime() + LONG.toNanos();
			while (this.thread.getState() != Thread.State.TIMED_WAITING) {
				assertThat(System.nanoTime()).as("the call waits").isLessThan(deadline);
				Thread.sleep(1);
			}
			return this;
		}

		Integer result() throws Exception {
			return this.task.get(LONG.toMillis(), TimeUnit.MILLISECONDS);
		}

		Throwable failure() throws Exception {
			try {
				this.task.get(LONG.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (ExecutionException ex) {
				return ex.getCause();
			}
			throw new AssertionError("the call succeeded");
		}

	}

}
