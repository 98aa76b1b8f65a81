package org.fleettelemetry.shared;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Background work repeated on a daemon thread of its own while the application runs, with
 * a fixed pause between the end of a run and the start of the next: for work that must
 * not wait behind the tasks of the shared scheduler. A run that throws is logged and does
 * not end the schedule.
 */
public abstract class RepeatingTask implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RepeatingTask.class);

	private final String name;

	private final Duration pause;

	private ScheduledExecutorService executor;

	/**
	 * @param name the name of the thread, and of the task in logs
	 * @param pause the time from the end of a run to the start of the next
	 */
	protected RepeatingTask(String name, Duration pause) {
		this.name = name;
		this.pause = pause;
	}

	/**
	 * The work of one run.
	 */
	protected abstract void runOnce();

	/**
	 * Runs the task at once, then again after each pause, until stopped.
	 */
	@Override
	public synchronized void start() {
		if (this.executor != null) {
			return;
		}
		this.executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, this.name);
			thread.setDaemon(true);
			return thread;
		});
		this.executor.scheduleWithFixedDelay(this::runSafely, 0, this.pause.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void runSafely() {
		try {
			runOnce();
		}
		catch (RuntimeException ex) {
			// an exception would end the executor's schedule
			log.warn("Background task {} failed; it runs again in {}", this.name, this.pause, ex);
		}
	}

	/**
	 * Ends the schedule, interrupting a run in progress.
	 */
	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
