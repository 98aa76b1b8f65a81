package org.fleettelemetry.fleet;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One UTC day of the fleet.
 *
 * @param date the day
 * @param distanceKm distance credited by reports recorded that day
 * @param co2AvoidedKg CO2 avoided over that distance
 * @param reportingVehicles vehicles with an accepted report recorded that day
 */
public record DailyFigures(LocalDate date, BigDecimal distanceKm, BigDecimal co2AvoidedKg, long reportingVehicles) {
}
