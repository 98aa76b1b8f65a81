package org.fleettelemetry.reconciliation;

import java.util.stream.LongStream;

/**
 * The fleet's credited distance four ways, in metres, read in one snapshot.
 *
 * @param fleetM the fleet's running totals, which the summary reports
 * @param vehiclesM the sum of every vehicle's credited distance
 * @param countriesM the sum of the country figures
 * @param dailyM the sum of the daily series over all time
 */
record Sums(long fleetM, long vehiclesM, long countriesM, long dailyM) {

	/**
	 * The largest absolute difference of a source from the fleet's totals.
	 */
	long driftM() {
		return LongStream.of(this.vehiclesM, this.countriesM, this.dailyM)
			.map((sum) -> Math.abs(sum - this.fleetM))
			.max()
			.orElse(0);
	}

	boolean ok() {
		return driftM() == 0;
	}

}
