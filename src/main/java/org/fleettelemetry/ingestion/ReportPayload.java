package org.fleettelemetry.ingestion;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A report as it arrives, before any check.
 *
 * @param vin the vehicle, required in gateway batches only
 * @param reportId unique per vehicle, 1 to 64 characters of {@code [A-Za-z0-9._:-]}
 * @param type {@code TRIP} or {@code ODOMETER}
 * @param startedAt a trip's start
 * @param recordedAt a trip's end or a reading's time
 * @param odometerKm the odometer reading
 * @param distanceKm a trip's distance
 * @param energyConsumedKwh a trip's energy use
 * @param energyRegeneratedKwh a trip's energy recovered
 */
record ReportPayload(String vin, String reportId, String type, Instant startedAt, Instant recordedAt,
		BigDecimal odometerKm, BigDecimal distanceKm, BigDecimal energyConsumedKwh, BigDecimal energyRegeneratedKwh) {
}
