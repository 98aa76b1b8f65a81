package org.fleettelemetry.vehicles;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One UTC day of one vehicle.
 *
 * @param date the day
 * @param distanceKm distance credited by its reports recorded that day
 * @param co2AvoidedKg CO2 avoided over that distance
 * @param trips its accepted trip reports recorded that day
 * @param energyConsumedKwh energy used on those trips
 * @param energyRegeneratedKwh energy recovered on those trips
 */
public record VehicleDay(LocalDate date, BigDecimal distanceKm, BigDecimal co2AvoidedKg, long trips,
		BigDecimal energyConsumedKwh, BigDecimal energyRegeneratedKwh) {
}
