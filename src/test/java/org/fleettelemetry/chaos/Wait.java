package org.fleettelemetry.chaos;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition rather than a fixed time, and never without a bound: a wait that
 * runs out fails, saying what it waited for.
 */
final class Wait {

	private Wait() {
	}

	static void until(Duration bound, String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + bound.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Waited " + bound.toSeconds() + " s for " + what + " in vain");
			}
			pause(Duration.ofMillis(100));
		}
	}

	static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
