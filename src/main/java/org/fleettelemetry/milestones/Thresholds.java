package org.fleettelemetry.milestones;

import java.util.List;

import org.fleettelemetry.fleet.FleetDelta;

/**
 * Which thresholds a credit crossed, and by whose report.
 */
final class Thresholds {

	private static final long METRES_PER_KM = 1000;

	private Thresholds() {
	}

	/**
	 * The thresholds (km, sorted) in {@code (beforeM, afterM]}: crossed by a distance
	 * going from {@code beforeM} to {@code afterM} metres.
	 */
	static List<Long> crossed(List<Long> thresholdsKm, long beforeM, long afterM) {
		return thresholdsKm.stream()
			.filter((km) -> km * METRES_PER_KM > beforeM && km * METRES_PER_KM <= afterM)
			.toList();
	}

	/**
	 * The vehicle whose credit, walked in order from a fleet total of {@code beforeM},
	 * first brings the total to {@code thresholdKm}.
	 */
	static String crossingVin(long thresholdKm, long beforeM, List<FleetDelta.Credit> credits) {
		long total = beforeM;
		for (FleetDelta.Credit credit : credits) {
			total += credit.creditedM();
			if (total >= thresholdKm * METRES_PER_KM) {
				return credit.vin();
			}
		}
		throw new IllegalArgumentException("The credits do not reach " + thresholdKm + " km from " + beforeM + " m");
	}

	/**
	 * The first threshold (km, sorted) above {@code distanceM}, or {@code null}.
	 */
	static Long next(List<Long> thresholdsKm, long distanceM) {
		return thresholdsKm.stream().filter((km) -> km * METRES_PER_KM > distanceM).findFirst().orElse(null);
	}

}
