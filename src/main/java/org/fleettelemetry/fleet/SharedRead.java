package org.fleettelemetry.fleet;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.fleettelemetry.shared.ErrorCode;
import org.fleettelemetry.shared.FleetException;
import org.jspecify.annotations.Nullable;

/**
 * Lets concurrent callers share reads, yet answers each caller only with a read that
 * started after it called: so every answer includes whatever had been committed before
 * the call.
 * <p>
 * Callers gather in rounds, and at most one round reads at a time, on the thread of one
 * of its callers (its starter). A caller that finds no read running starts one. Callers
 * that come while one runs join the next round, which its starter starts as soon as the
 * running read ends and whose result answers them all. A failed read fails the callers of
 * its round only; the next round reads again. A caller waits at most the timeout for its
 * answer, and not at all once interrupted: then it gets
 * {@link ErrorCode#SERVICE_UNAVAILABLE}, and when it was to start its round, another
 * caller of the round takes that over.
 * <p>
 * Callers wait on futures rather than on a condition of the lock, so that the end of a
 * read wakes all of its callers at once instead of one after the other through the lock.
 *
 * @param <T> what a read returns
 */
final class SharedRead<T> {

	private final Supplier<T> read;

	private final long timeoutNanos;

	private final ReentrantLock lock = new ReentrantLock();

	/**
	 * The round whose read runs, or is about to be started by its starter; {@code null}
	 * when none.
	 */
	private Round<T> current;

	/**
	 * The round gathering the callers that came while the current one reads; {@code null}
	 * when none.
	 */
	private Round<T> next;

	SharedRead(Supplier<T> read, Duration timeout) {
		this.read = read;
		this.timeoutNanos = timeout.toNanos();
	}

	/**
	 * The result of a read that started after this call, or its failure.
	 * @throws FleetException {@code SERVICE_UNAVAILABLE} when no such read ended in time,
	 * or when the calling thread was interrupted while waiting for one
	 */
	T get() {
		long deadline = System.nanoTime() + this.timeoutNanos;
		Round<T> round;
		CompletableFuture<Void> event;
		this.lock.lock();
		try {
			round = join();
			event = nextEvent(round);
		}
		finally {
			this.lock.unlock();
		}
		while (true) {
			if (event == null) {
				read(round);
			}
			else {
				await(round, event, deadline);
			}
			if (round.ended) {
				return round.result();
			}
			this.lock.lock();
			try {
				event = nextEvent(round);
			}
			finally {
				this.lock.unlock();
			}
		}
	}

	/**
	 * Under the lock: the round the caller joins, one whose read has not started. The
	 * caller starts it when it has no starter yet.
	 */
	private Round<T> join() {
		Round<T> round;
		if (this.current == null) {
			round = this.current = new Round<>();
		}
		else if (!this.current.started) {
			round = this.current;
		}
		else {
			if (this.next == null) {
				this.next = new Round<>();
			}
			round = this.next;
		}
		return round;
	}

	/**
	 * Under the lock: what the caller waits for next, or {@code null} when it is to read
	 * now. The starter reads once its round is current and waits for that until then; the
	 * other callers wait for the end of the round, or for a starter that gave up, whom
	 * one of them replaces.
	 */
	private @Nullable CompletableFuture<Void> nextEvent(Round<T> round) {
		Thread caller = Thread.currentThread();
		if (round.starter == null && !round.started) {
			round.starter = caller;
		}
		if (round.starter != caller || round.ended) {
			return round.change;
		}
		if (round == this.current && !round.started) {
			if (caller.isInterrupted()) {
				// a read on an interrupted thread would likely fail, and fail every
				// caller of the round
				leave(round);
				throw interrupted();
			}
			round.started = true;
			return null;
		}
		return round.turn;
	}

	private void await(Round<T> round, CompletableFuture<Void> event, long deadline) {
		try {
			event.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			if (leave(round)) {
				throw new FleetException(ErrorCode.SERVICE_UNAVAILABLE,
						"The fleet figures could not be read in time; retry shortly");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			if (leave(round)) {
				throw interrupted();
			}
		}
		catch (ExecutionException ex) {
			// never: the events of a round complete normally
			throw new IllegalStateException(ex);
		}
	}

	private static FleetException interrupted() {
		return new FleetException(ErrorCode.SERVICE_UNAVAILABLE, "Interrupted while reading the fleet figures");
	}

	/**
	 * Gives up waiting on a round; {@code false} when it has ended meanwhile, and its
	 * result is there to take after all. A starter that leaves wakes the other callers of
	 * its round, so that one of them starts it instead; without any, the next caller to
	 * come does.
	 */
	private boolean leave(Round<T> round) {
		this.lock.lock();
		try {
			if (round.ended) {
				return false;
			}
			if (!round.started && round.starter == Thread.currentThread()) {
				round.starter = null;
				CompletableFuture<Void> change = round.change;
				round.change = new CompletableFuture<>();
				change.complete(null);
			}
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	private void read(Round<T> round) {
		T value = null;
		Throwable failure = null;
		try {
			value = this.read.get();
		}
		catch (Throwable ex) {
			// whatever happens to a read, its round must end and hand over to the next
			failure = ex;
		}
		CompletableFuture<Void> turn = null;
		CompletableFuture<Void> change;
		this.lock.lock();
		try {
			round.value = value;
			round.failure = failure;
			round.ended = true;
			change = round.change;
			this.current = this.next;
			this.next = null;
			if (this.current != null) {
				turn = this.current.turn;
			}
		}
		finally {
			this.lock.unlock();
		}
		if (turn != null) {
			turn.complete(null);
		}
		change.complete(null);
	}

	/**
	 * The callers of one read. All but {@link #ended} are guarded by the lock;
	 * {@link #value} and {@link #failure} are written before {@link #ended}, and never
	 * after.
	 */
	private static final class Round<T> {

		/** Completes when the round becomes current: its starter reads. */
		final CompletableFuture<Void> turn = new CompletableFuture<>();

		/**
		 * Completes when the read ends, or when the round needs a new starter (then it is
		 * replaced).
		 */
		CompletableFuture<Void> change = new CompletableFuture<>();

		Thread starter;

		boolean started;

		T value;

		Throwable failure;

		volatile boolean ended;

		T result() {
			if (this.failure instanceof RuntimeException ex) {
				throw ex;
			}
			if (this.failure instanceof Error error) {
				throw error;
			}
			if (this.failure != null) {
				throw new IllegalStateException("The read failed", this.failure);
			}
			return this.value;
		}

	}

}
