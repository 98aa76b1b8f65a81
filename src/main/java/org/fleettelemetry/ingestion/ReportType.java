package org.fleettelemetry.ingestion;

/**
 * The kinds of report a vehicle sends.
 */
enum ReportType {

	/** The end of a trip, with its distance and energy. */
	TRIP,

	/** A plain odometer reading. */
	ODOMETER

}
