package org.fleettelemetry.chaos;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One report a vehicle makes: an odometer reading, or a trip that ended at it. The same
 * reading sent again has the same content, so the service answers it as a duplicate.
 */
record Reading(String vin, String reportId, Instant recordedAt, long odometerM, long tripM) {

	String key() {
		return this.vin + "/" + this.reportId;
	}

	/**
	 * The report as JSON fields; a gateway's items also name their vehicle.
	 */
	Map<String, Object> json(boolean withVin) {
		Map<String, Object> json = new LinkedHashMap<>();
		if (withVin) {
			json.put("vin", this.vin);
		}
		json.put("reportId", this.reportId);
		if (this.tripM > 0) {
			json.put("type", "TRIP");
			json.put("startedAt", this.recordedAt.minusSeconds(8).toString());
			json.put("recordedAt", this.recordedAt.toString());
			json.put("odometerKm", km(this.odometerM));
			json.put("distanceKm", km(this.tripM));
			json.put("energyConsumedKwh", BigDecimal.valueOf(this.tripM / 6, 3));
			json.put("energyRegeneratedKwh", BigDecimal.valueOf(this.tripM / 30, 3));
		}
		else {
			json.put("type", "ODOMETER");
			json.put("recordedAt", this.recordedAt.toString());
			json.put("odometerKm", km(this.odometerM));
		}
		return json;
	}

	static BigDecimal km(long metres) {
		return BigDecimal.valueOf(metres, 3);
	}

}
