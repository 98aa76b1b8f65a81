package org.fleettelemetry.ingestion;

/**
 * The one check of the crediting rule a report is judged without. Only a released anomaly
 * carries one: the operator who releases it vouches for what that check doubted. The
 * other checks of a release are the rule as it stands; a release of an
 * {@code UNKNOWN_VEHICLE} or a {@code TIMESTAMP_IN_FUTURE} waives nothing, it only passes
 * once the VIN is registered or the time has come ({@link QuarantineReview}).
 */
enum Waiver {

	/** Every check applies: any report of a request. */
	NONE,

	/**
	 * The speed check is set aside: the reading may have grown faster than
	 * {@code fleet.ingestion.validation.max-speed-kmh} allows since the one before
	 * ({@code IMPLAUSIBLE_DISTANCE}).
	 */
	SPEED_CHECK

}
