package org.fleettelemetry.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The campaign's client: threads that send reports to whichever instances are up, until
 * told to stop, and record every request in the {@link History}.
 */
final class ChaosClient {

	private final List<ServiceSlot> slots;

	private final List<ChaosVehicle> fleet;

	private final History history;

	private final ChaosSender sender;

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final List<Thread> threads = new ArrayList<>();

	private volatile Throwable failure;

	ChaosClient(List<ServiceSlot> slots, List<ChaosVehicle> fleet, History history, ChaosSender sender) {
		this.slots = slots;
		this.fleet = fleet;
		this.history = history;
		this.sender = sender;
	}

	void start(int count, Duration pace, long seed) {
		for (int i = 0; i < count; i++) {
			Random random = new Random(seed + i);
			Thread thread = new Thread(() -> run(random, pace), "chaos-client-" + i);
			thread.setDaemon(true);
			this.threads.add(thread);
			thread.start();
		}
	}

	/**
	 * Stops sending and waits for the requests in flight, {@code bound} at most.
	 */
	void stop(Duration bound) throws InterruptedException {
		this.running.set(false);
		long deadline = System.nanoTime() + bound.toNanos();
		for (Thread thread : this.threads) {
			thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
			if (thread.isAlive()) {
				throw new AssertionError(thread.getName() + " still sends after " + bound.toSeconds() + " s");
			}
		}
		if (this.failure != null) {
			throw new AssertionError("A client thread failed", this.failure);
		}
	}

	/**
	 * The address of an instance that is up, drawn at random, or null when none is.
	 */
	static String anyUp(List<ServiceSlot> slots, Random random) {
		int first = random.nextInt(slots.size());
		for (int i = 0; i < slots.size(); i++) {
			String url = slots.get((first + i) % slots.size()).baseUrl();
			if (url != null) {
				return url;
			}
		}
		return null;
	}

	private void run(Random random, Duration pace) {
		try {
			while (this.running.get()) {
				String url = anyUp(this.slots, random);
				if (url == null) {
					Wait.pause(Duration.ofMillis(20));
					continue;
				}
				ChaosRequest request = ChaosRequest.draw(this.fleet, random);
				this.history.record(request, this.sender.send(url, request));
				Wait.pause(pace);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException | AssertionError ex) {
			this.failure = ex;
		}
	}

}
