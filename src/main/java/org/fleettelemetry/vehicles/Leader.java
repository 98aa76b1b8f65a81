package org.fleettelemetry.vehicles;

import java.math.BigDecimal;

/**
 * A vehicle among those that have covered the most distance.
 *
 * @param rank its place: 1 for the most distance; vehicles with equal distances share a
 * place, and the next place is skipped (1, 2, 2, 4)
 * @param vin its VIN, masked after the eleventh character for the public
 * @param model its model
 * @param country the country it drives in
 * @param distanceKm its credited distance over all its odometers
 */
public record Leader(int rank, String vin, String model, String country, BigDecimal distanceKm) {

	/** The same leader with its VIN masked, for a public answer. */
	public Leader masked() {
		return new Leader(this.rank, Vin.masked(this.vin), this.model, this.country, this.distanceKm);
	}

}
