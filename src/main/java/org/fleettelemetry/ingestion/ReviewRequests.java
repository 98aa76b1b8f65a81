package org.fleettelemetry.ingestion;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The bodies of the review of a quarantined report.
 */
final class ReviewRequests {

	private ReviewRequests() {
	}

	/**
	 * Why an operator releases or discards an anomaly.
	 *
	 * @param reason 1 to 500 characters, kept on the anomaly as its audit trail
	 */
	record ReviewReason(String reason) {
	}

	/**
	 * A released anomaly.
	 *
	 * @param id the anomaly
	 * @param status RELEASED
	 * @param reportId its report
	 * @param outcome ACCEPTED when the release credited it, DUPLICATE when the same
	 * report was stored already (then nothing is credited)
	 * @param creditedKm what the release credited
	 * @param vehicleDistanceKm the vehicle's credited distance after it
	 */
	record AnomalyReleased(long id, @Schema(allowableValues = "RELEASED") AnomalyStatus status, String reportId,
			@Schema(allowableValues = {
					"ACCEPTED", "DUPLICATE" }) Outcome.Status outcome,
			BigDecimal creditedKm, BigDecimal vehicleDistanceKm){
	}

	/**
	 * A discarded anomaly.
	 *
	 * @param id the anomaly
	 * @param status DISCARDED
	 */
	record AnomalyDiscarded(long id, @Schema(allowableValues = "DISCARDED") AnomalyStatus status) {
	}

}
