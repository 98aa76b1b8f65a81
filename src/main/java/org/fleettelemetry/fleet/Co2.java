package org.fleettelemetry.fleet;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.stereotype.Component;

/**
 * The CO2 a distance avoided, and its tree equivalent, by the configured factors.
 */
@Component
public class Co2 {

	private final BigDecimal gramsPerKm;

	private final BigDecimal kgPerTree;

	Co2(FleetSettings settings) {
		this.gramsPerKm = settings.co2().gramsPerKm();
		this.kgPerTree = settings.co2().kgPerTree();
	}

	/**
	 * Kilograms of CO2 avoided over a distance in metres, to 3 decimals.
	 */
	public BigDecimal avoidedKg(long metres) {
		// metres * g/km / 1000 m/km / 1000 g/kg
		return BigDecimal.valueOf(metres).multiply(this.gramsPerKm).movePointLeft(6).setScale(3, RoundingMode.HALF_UP);
	}

	/**
	 * Grams of CO2 avoided over a distance in metres, rounded down to the gram.
	 */
	public long avoidedGrams(long metres) {
		return BigDecimal.valueOf(metres).multiply(this.gramsPerKm).movePointLeft(3).longValue();
	}

	/**
	 * Whole trees whose yearly uptake matches the CO2 avoided over a distance in metres.
	 */
	public long trees(long metres) {
		return BigDecimal.valueOf(metres)
			.multiply(this.gramsPerKm)
			.movePointLeft(6)
			.divide(this.kgPerTree, 0, RoundingMode.FLOOR)
			.longValueExact();
	}

}
