package org.fleettelemetry.ingestion;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.fleettelemetry.shared.FleetException;

/**
 * Decides whether this instance's group commit takes a request, so that no request waits
 * out its time-out in the queue: one is taken only when the reports ahead of it (queued
 * or being committed), with its own, can commit within a budget, half of the time-out, at
 * the rate the writers have lately committed; and never when the oldest request queued
 * has already waited that long (the writers are held up, by a database that does not
 * answer, say). A count alone would not do: 100,000 reports commit in a second in single
 * reports grouped by the thousand, and in ten in a flood of batches on a busy machine. A
 * request refused is told at once, with the time the backlog needs, and nothing of it is
 * stored.
 * <p>
 * The rate is of this instance's writers, so it protects this instance's queue; it costs
 * a request one compare-and-set, a commit one short lock.
 */
final class Admission {

	/** How long the rate remembers a commit: its weight halves in about 0.7 s. */
	private static final double MEMORY_NANOS = TimeUnit.SECONDS.toNanos(1);

	/** Reports queued or being committed: counted when taken, until their commit ends. */
	private final AtomicInteger pending = new AtomicInteger();

	private final int capacity;

	private final long budgetNanos;

	private final long timeoutSeconds;

	/**
	 * What may be pending before any commit has shown the rate: what the writers take at
	 * once.
	 */
	private final int firstLimit;

	/**
	 * Reports committed, and the time during which at least one commit was under way
	 * (however many writers), both fading with time: so the rate is what the writers
	 * together commit while they have work, whether one or all of them had.
	 */
	private double committed;

	private double busyNanos;

	/** Commits under way, and since when the busy time is not yet counted. */
	private int underWay;

	private long busySince;

	private long lastEnded;

	/** Reports committed per second by all writers, lately; 0 until a commit ended. */
	private volatile double perSecond;

	Admission(IngestionSettings.Grouping settings) {
		this.capacity = settings.queueCapacity();
		this.budgetNanos = settings.timeout().toNanos() / 2;
		this.timeoutSeconds = Math.max(1, (settings.timeout().toMillis() + 999) / 1000);
		this.firstLimit = Math.min(this.capacity, settings.writers() * settings.maxReports());
	}

	/**
	 * Counts {@code reports} as pending, or refuses them with 503
	 * {@code SERVICE_UNAVAILABLE} and a {@code Retry-After}.
	 * @param oldestWaitedNanos how long the oldest request queued has waited, 0 if none
	 */
	void admit(int reports, long oldestWaitedNanos) {
		double rate = this.perSecond;
		long limit = (rate > 0) ? Math.min(this.capacity, (long) (rate * this.budgetNanos / 1e9)) : this.firstLimit;
		int ahead;
		do {
			ahead = this.pending.get();
			boolean late = oldestWaitedNanos > this.budgetNanos;
			// a request alone is always taken: it would start at once
			if (ahead + reports > this.capacity || (ahead > 0 && (late || ahead + reports > limit))) {
				throw refusal("This instance cannot commit more reports in time", ahead + reports);
			}
		}
		while (!this.pending.compareAndSet(ahead, ahead + reports));
	}

	/**
	 * The refusal of a request whose {@code reports} were not taken: the detail says why
	 * and that nothing of the request was stored, {@code Retry-After} how long the
	 * {@code backlog} (with them) takes to commit at the recent rate.
	 */
	private FleetException refusal(String why, long backlog) {
		double rate = this.perSecond;
		long seconds = (rate > 0) ? (long) Math.ceil(backlog / rate) : 1;
		return FleetException.unavailable(why + "; nothing of this request was stored: send it again later"
				+ " (sending a report again is always safe)", Math.min(seconds, this.timeoutSeconds));
	}

	/**
	 * Takes back {@code reports} counted as pending that will not be committed after all
	 * (their request stopped waiting before a writer took it), and refuses them.
	 */
	FleetException withdraw(int reports, String why) {
		return refusal(why, this.pending.getAndAdd(-reports));
	}

	/** The commit of {@code reports} that were pending has ended, in whatever way. */
	void release(int reports) {
		this.pending.addAndGet(-reports);
	}

	/** A writer begins a transaction at {@code now} ({@link System#nanoTime()}). */
	synchronized void began(long now) {
		if (this.underWay++ == 0) {
			this.busySince = now;
		}
	}

	/**
	 * A writer's transaction ended at {@code now}, having committed {@code reports} (0 if
	 * it failed).
	 */
	synchronized void ended(int reports, long now) {
		double fade = Math.exp(-Math.max(0, now - this.lastEnded) / MEMORY_NANOS);
		this.lastEnded = now;
		this.committed = this.committed * fade + reports;
		this.busyNanos = this.busyNanos * fade + Math.max(0, now - this.busySince);
		this.busySince = now;
		this.underWay--;
		if (this.busyNanos > 0) {
			this.perSecond = this.committed / this.busyNanos * 1e9;
		}
	}

}
