package org.fleettelemetry.vehicles;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A vehicle's own figures.
 *
 * @param vin its VIN
 * @param model its model
 * @param country the country it drives in
 * @param odometerKm the highest accepted reading of its current odometer (its baseline
 * before any)
 * @param distanceKm credited distance over all its odometers
 * @param trips accepted trip reports
 * @param energyConsumedKwh energy used on those trips
 * @param energyRegeneratedKwh energy recovered on those trips
 * @param kmPerKwh trip distance per net kWh (consumed minus regenerated), or {@code null}
 * @param co2AvoidedKg CO2 avoided over the credited distance
 * @param lastReportAt the latest {@code recordedAt} of its accepted reports
 * @param status {@code ACTIVE}, or {@code RETIRED} once it has left the fleet
 * @param registeredAt when it was registered
 * @param retiredAt when it was retired, or {@code null}
 */
public record VehicleView(String vin, String model, String country, @Nullable BigDecimal odometerKm,
		BigDecimal distanceKm, long trips, BigDecimal energyConsumedKwh, BigDecimal energyRegeneratedKwh,
		@Nullable BigDecimal kmPerKwh, BigDecimal co2AvoidedKg, @Nullable Instant lastReportAt, VehicleStatus status,
		Instant registeredAt, @Nullable Instant retiredAt) {
}
