package org.fleettelemetry.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Injects the faults, one at a time, while the client sends: {@code kill -9} of an
 * instance, SIGTERM of an instance, and an immediate stop of PostgreSQL while both
 * instances use it; each followed by a restart and a wait until every instance is ready
 * again. It goes round the three kinds, the instances taking turns, at least once each
 * and until the campaign's time is up.
 */
final class Nemesis {

	enum Fault {

		KILL_9, SIGTERM, POSTGRES_STOP_IMMEDIATE

	}

	private final ControlledPostgres postgres;

	private final List<ServiceSlot> slots;

	private final Map<Fault, Integer> injected = new TreeMap<>();

	Nemesis(ControlledPostgres postgres, List<ServiceSlot> slots) {
		this.postgres = postgres;
		this.slots = slots;
	}

	/**
	 * Injects faults {@code pause} apart, the database staying down {@code outage} each
	 * time, until {@code duration} has passed (and each kind once at least).
	 */
	void run(Duration duration, Duration pause, Duration outage) throws Exception {
		long end = System.nanoTime() + duration.toNanos();
		Fault[] kinds = Fault.values();
		for (int round = 0; round < kinds.length || System.nanoTime() < end; round++) {
			Wait.pause(pause);
			// the instances take turns at each kind
			ServiceSlot slot = this.slots.get((round / kinds.length + round % kinds.length) % this.slots.size());
			inject(kinds[round % kinds.length], slot, outage);
		}
		Wait.pause(pause);
	}

	Map<Fault, Integer> injected() {
		return Map.copyOf(this.injected);
	}

	private void inject(Fault fault, ServiceSlot slot, Duration outage) throws Exception {
		switch (fault) {
			case KILL_9 -> {
				slot.kill();
				slot.start();
			}
			case SIGTERM -> {
				slot.terminate();
				slot.start();
			}
			case POSTGRES_STOP_IMMEDIATE -> {
				this.postgres.stopImmediately();
				Wait.pause(outage);
				this.postgres.restart();
				this.slots.forEach(ServiceSlot::awaitReady);
			}
		}
		this.injected.merge(fault, 1, Integer::sum);
	}

}
