package org.fleettelemetry.ingestion;

/**
 * What a transaction adds up for one vehicle, over all its reports or over those of one
 * day: credited distance, accepted reports, and the trips with their own distance and
 * energy.
 */
final class Tally {

	long distanceM;

	long reports;

	long trips;

	long tripDistanceM;

	long consumedWh;

	long regeneratedWh;

	void add(Report report, long creditedM) {
		this.distanceM += creditedM;
		this.reports++;
		if (report.isTrip()) {
			this.trips++;
			this.tripDistanceM += orZero(report.distanceM());
			this.consumedWh += orZero(report.energyConsumedWh());
			this.regeneratedWh += orZero(report.energyRegeneratedWh());
		}
	}

	private static long orZero(Long value) {
		return (value != null) ? value : 0;
	}

}
