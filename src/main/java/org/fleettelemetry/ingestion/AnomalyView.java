package org.fleettelemetry.ingestion;

import java.math.BigDecimal;
import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A quarantined report and its review.
 *
 * @param id its place in the quarantine
 * @param vin the VIN it was sent for
 * @param reportId its report id
 * @param code why it was not credited
 * @param detail the same in words
 * @param report the report as it was sent
 * @param receivedAt when it arrived
 * @param status OPEN until released or discarded
 * @param resolvedAt when it was released or discarded, else {@code null}
 * @param reason why, as the operator wrote it, else {@code null}
 * @param creditedKm what its release credited (0 when its report was already stored);
 * {@code null} unless released
 */
record AnomalyView(long id, String vin, String reportId, String code, String detail,
		@Schema(ref = "Report") JsonNode report, Instant receivedAt, AnomalyStatus status, @Nullable Instant resolvedAt,
		@Nullable String reason, @Nullable BigDecimal creditedKm) {
}
