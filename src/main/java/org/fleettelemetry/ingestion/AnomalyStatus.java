package org.fleettelemetry.ingestion;

/**
 * Where an anomaly stands in its review.
 */
enum AnomalyStatus {

	/** Quarantined, waiting for an operator. */
	OPEN,

	/** An operator vouched for it: its report was credited (or found already stored). */
	RELEASED,

	/** An operator closed it as rubbish: never credited. */
	DISCARDED

}
