package org.fleettelemetry.fleet;

import java.math.BigDecimal;

/**
 * The vehicles of one country.
 *
 * @param country ISO 3166-1 alpha-2 code
 * @param vehicles registered vehicles
 * @param distanceKm their credited distance
 * @param co2AvoidedKg CO2 avoided over that distance
 */
public record CountryFigures(String country, long vehicles, BigDecimal distanceKm, BigDecimal co2AvoidedKg) {
}
