package org.fleettelemetry.ingestion;

import java.time.Instant;
import java.util.Comparator;

/**
 * An accepted odometer reading of one odometer.
 *
 * @param recordedAt when it was read
 * @param odometerM the reading
 */
record Reading(Instant recordedAt, long odometerM) {

	/** Readings in time order; at the same time, the lower first. */
	static final Comparator<Reading> ORDER = Comparator.comparing(Reading::recordedAt)
		.thenComparingLong(Reading::odometerM);

}
