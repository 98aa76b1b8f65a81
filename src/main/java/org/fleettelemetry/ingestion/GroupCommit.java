package org.fleettelemetry.ingestion;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.fleettelemetry.shared.ErrorCode;
import org.fleettelemetry.shared.FleetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Lets concurrent requests share database transactions. Each request puts its reports in
 * a bounded queue and waits; writer threads take what has gathered (up to a limit) and
 * credit it in one transaction, then answer every request in it. A request is answered
 * only after its own transaction committed. A request that could not commit in time
 * ({@link Admission}) is refused at once (503 {@code SERVICE_UNAVAILABLE}), never left to
 * time out. A group that fails before its commit is retried request by request, so one
 * bad request spoils no other; one whose commit could not be confirmed is not: all its
 * requests share that commit's fate, and are answered {@code OUTCOME_UNKNOWN}, as is a
 * request that times out once a writer took it (one that times out still queued is
 * withdrawn: nothing of it will be stored).
 * <p>
 * The first writer takes whatever has gathered. The others only help when much is waiting
 * (half of the most a transaction carries) or when the oldest request has waited
 * {@code help-after}: single reports then gather in the first writer's large groups,
 * which cost less per report than twice as many small ones, while batches, or a first
 * writer held up by a lock, still get parallel writers.
 * <p>
 * A writer hands the answers of a committed transaction to one answering thread and goes
 * on with the next: waking each of the requests' threads costs a system call, and waking
 * some thirty of them one after the other would hold up the next transaction.
 */
@Component
class GroupCommit implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

	/**
	 * The longest a helping writer sleeps before it looks how long the oldest request has
	 * waited; a request that makes much wait wakes it at once.
	 */
	private static final long MAX_HELP_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

	private final LedgerTransactions transactions;

	private final IngestionSettings.Grouping settings;

	private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();

	/** Reports in the queue, not yet taken by a writer. */
	private final AtomicInteger waiting = new AtomicInteger();

	private final Admission admission;

	private final List<Thread> writers = new ArrayList<>();

	/**
	 * Completes the requests of committed transactions, so that the writers need not wait
	 * for that.
	 */
	private ExecutorService answerer;

	/** The writers other than the first, woken when much is waiting. */
	private volatile List<Thread> helpers = List.of();

	/**
	 * Reports waiting from which the helpers help: half of the most a transaction
	 * carries.
	 */
	private final int helpFrom;

	private final long helpCheckNanos;

	private volatile boolean running;

	private final DistributionSummary groupSizes;

	/** Requests answered 503, by code: refused, or of unknown outcome. */
	private final Map<ErrorCode, Counter> unanswered = new EnumMap<>(ErrorCode.class);

	GroupCommit(LedgerTransactions transactions, IngestionSettings ingestion, MeterRegistry meters) {
		IngestionSettings.Grouping settings = ingestion.groupCommit();
		this.transactions = transactions;
		this.settings = settings;
		this.admission = new Admission(settings);
		this.helpFrom = settings.maxReports() / 2;
		this.helpCheckNanos = Math.max(1, Math.min(settings.helpAfter().toNanos() / 4, MAX_HELP_CHECK_NANOS));
		this.groupSizes = DistributionSummary.builder("telemetry.group.commit.reports")
			.description("Reports credited per group-commit transaction")
			.serviceLevelObjectives(1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)
			.register(meters);
		// the count may dip below zero for a moment (see credit); the backlog
		// it shows does not
		Gauge.builder("telemetry.group.commit.waiting", this.waiting, (waiting) -> Math.max(0, waiting.get()))
			.description("Reports queued on this instance for a group-commit writer")
			.register(meters);
		for (ErrorCode code : List.of(ErrorCode.SERVICE_UNAVAILABLE, ErrorCode.OUTCOME_UNKNOWN)) {
			this.unanswered.put(code,
					Counter.builder("telemetry.ingest.unavailable")
						.description("Report requests answered 503: refused, nothing stored, or of unknown outcome")
						.tag("code", code.name().toLowerCase())
						.register(meters));
		}
	}

	/**
	 * Credits the submissions, with those of other requests, and returns their outcomes
	 * in order.
	 */
	List<Outcome> credit(List<Submission> submissions) {
		if (submissions.isEmpty()) {
			return List.of();
		}
		try {
			return (this.settings.enabled() && this.running) ? queue(submissions)
					: this.transactions.credit(submissions);
		}
		catch (FleetException ex) {
			Counter counter = this.unanswered.get(ex.code());
			if (counter != null) {
				counter.increment();
			}
			throw ex;
		}
	}

	private List<Outcome> queue(List<Submission> submissions) {
		long now = System.nanoTime();
		Request oldest = this.queue.peek();
		this.admission.admit(submissions.size(), (oldest != null) ? now - oldest.queuedAt() : 0);
		Request request = new Request(submissions, new CompletableFuture<>(), now, new AtomicBoolean());
		this.queue.add(request);
		// counted once queued, so that a helper woken finds it (a writer may take it
		// first: the count
		// goes below the truth for a moment, never above)
		if (this.waiting.addAndGet(submissions.size()) >= this.helpFrom) {
			this.helpers.forEach(LockSupport::unpark);
		}
		try {
			return request.outcomes().get(this.settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw giveUp(request, "The reports waited too long for a transaction");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw giveUp(request, "Interrupted while waiting for a transaction");
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime : new IllegalStateException(ex);
		}
	}

	/**
	 * Stops waiting for a request: withdrawn (refused, nothing of it stored) if no writer
	 * has taken it yet, since none will now; of unknown outcome if one has.
	 */
	private FleetException giveUp(Request request, String why) {
		if (!request.take()) {
			return new FleetException(ErrorCode.OUTCOME_UNKNOWN, LedgerTransactions.UNKNOWN);
		}
		this.waiting.addAndGet(-request.submissions().size());
		return this.admission.withdraw(request.submissions().size(), why);
	}

	/**
	 * The loop of a writer: the first ({@code helping} false) takes whatever has
	 * gathered, the others only what {@link #helpWanted()}.
	 */
	private void write(boolean helping) {
		List<Request> group = new ArrayList<>();
		while (this.running || !this.queue.isEmpty()) {
			try {
				Request first;
				if (helping) {
					if (!helpWanted()) {
						LockSupport.parkNanos(this.helpCheckNanos);
						if (Thread.interrupted()) {
							return;
						}
						continue;
					}
					first = this.queue.poll();
				}
				else {
					first = this.queue.poll(100, TimeUnit.MILLISECONDS);
				}
				if (first == null || !first.take()) {
					// none, or one whose request stopped waiting
					continue;
				}
				group.add(first);
				int reports = first.submissions().size();
				for (Request next = this.queue.peek(); next != null
						&& reports + next.submissions().size() <= this.settings.maxReports(); next = this.queue
							.peek()) {
					Request taken = this.queue.poll();
					if (taken == null) {
						break;
					}
					if (taken.take()) {
						group.add(taken);
						reports += taken.submissions().size();
					}
				}
				this.waiting.addAndGet(-reports);
				commit(group, reports);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			finally {
				group.forEach((r) -> this.admission.release(r.submissions().size()));
				// a new list, not cleared: the answering thread may still read the old
				group = new ArrayList<>();
			}
		}
	}

	/**
	 * Whether a helping writer is wanted: half of the most a transaction carries is
	 * waiting, or the oldest request has waited {@code help-after}, or the queue is
	 * draining at shutdown.
	 */
	private boolean helpWanted() {
		if (!this.running || this.waiting.get() >= this.helpFrom) {
			return true;
		}
		Request oldest = this.queue.peek();
		return oldest != null && System.nanoTime() - oldest.queuedAt() >= this.settings.helpAfter().toNanos();
	}

	private void commit(List<Request> group, int reports) {
		this.groupSizes.record(reports);
		this.admission.began(System.nanoTime());
		try {
			List<Outcome> outcomes = this.transactions
				.credit(group.stream().flatMap((r) -> r.submissions().stream()).toList());
			this.admission.ended(reports, System.nanoTime());
			answer(group, outcomes);
		}
		catch (RuntimeException ex) {
			this.admission.ended(0, System.nanoTime());
			// an unknown commit, or a database out of reach, is the same for each request
			if (group.size() == 1 || ex instanceof FleetException) {
				group.forEach((request) -> request.outcomes().completeExceptionally(ex));
				return;
			}
			log.debug("A group of {} requests failed; committing them one by one", group.size(), ex);
			group.forEach((request) -> commit(List.of(request), request.submissions().size()));
		}
	}

	/**
	 * Completes each request of the group with its share of the outcomes, on the
	 * answering thread.
	 */
	private void answer(List<Request> group, List<Outcome> outcomes) {
		Runnable answers = () -> {
			int next = 0;
			for (Request request : group) {
				int size = request.submissions().size();
				request.outcomes().complete(outcomes.subList(next, next + size));
				next += size;
			}
		};
		try {
			this.answerer.execute(answers);
		}
		catch (RejectedExecutionException ex) {
			// a writer that outlived stop(): answer here rather than never
			answers.run();
		}
	}

	@Override
	public void start() {
		this.answerer = Executors.newSingleThreadExecutor((task) -> new Thread(task, "group-commit-answers"));
		this.running = true;
		for (int i = 0; i < this.settings.writers(); i++) {
			boolean helping = i > 0;
			Thread writer = new Thread(() -> write(helping), "group-commit-" + i);
			writer.start();
			this.writers.add(writer);
		}
		this.helpers = List.copyOf(this.writers.subList(1, this.writers.size()));
	}

	@Override
	public void stop() {
		this.running = false;
		for (Thread writer : this.writers) {
			try {
				writer.join(this.settings.timeout().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.writers.clear();
		this.helpers = List.of();
		this.answerer.shutdown();
		try {
			if (!this.answerer.awaitTermination(this.settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
				log.warn("Requests whose reports were committed were still being answered at shutdown");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * The web server stops taking requests before the writers stop, and the writers drain
	 * the queue.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 2048;
	}

	/**
	 * @param queuedAt when it was queued, in {@link System#nanoTime()}
	 * @param taken set by the first of a writer taking it and its request giving up
	 */
	private record Request(List<Submission> submissions, CompletableFuture<List<Outcome>> outcomes, long queuedAt,
			AtomicBoolean taken) {

		/** Whether this call, of a writer or of the request giving up, took it first. */
		boolean take() {
			return this.taken.compareAndSet(false, true);
		}

	}

}
