package org.fleettelemetry.ingestion;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A report the service accepted, as stored, with what it credited.
 *
 * @param reportId its report id
 * @param type {@code TRIP} or {@code ODOMETER}
 * @param startedAt when the trip started, for a trip that said so
 * @param recordedAt when the reading was taken
 * @param odometerKm the reading
 * @param creditedKm the distance it added to the vehicle's (0 for a late or repeated
 * reading)
 * @param distanceKm the trip's own distance, as reported
 * @param energyConsumedKwh energy used on the trip
 * @param energyRegeneratedKwh energy recovered on the trip
 * @param receivedAt when the service credited it
 */
public record AcceptedReport(String reportId, ReportType type, @Nullable Instant startedAt, Instant recordedAt,
		BigDecimal odometerKm, BigDecimal creditedKm, @Nullable BigDecimal distanceKm,
		@Nullable BigDecimal energyConsumedKwh, @Nullable BigDecimal energyRegeneratedKwh, Instant receivedAt) {
}
