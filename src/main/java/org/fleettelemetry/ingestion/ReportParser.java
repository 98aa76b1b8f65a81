package org.fleettelemetry.ingestion;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

import org.fleettelemetry.shared.FleetException;
import org.fleettelemetry.shared.Fields;
import org.fleettelemetry.vehicles.Vin;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Reads and checks one report from its JSON: every failure names its field.
 */
@Component
class ReportParser {

	private static final Pattern REPORT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	/** Before the first telematics units: an older time is a broken clock or a broken client. */
	private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

	private static final BigDecimal MAX_TRIP_KM = new BigDecimal("100000");

	private static final BigDecimal MAX_TRIP_KWH = new BigDecimal("100000");

	private final JsonMapper json;

	ReportParser(JsonMapper json) {
		this.json = json;
	}

	static String reportIdOf(JsonNode item) {
		JsonNode id = item.get("reportId");
		return (id != null && id.isString()) ? id.asString() : null;
	}

	ReportPayload payload(JsonNode item) {
		if (!item.isObject()) {
			throw FleetException.invalidField("report", "must be a JSON object");
		}
		try {
			return this.json.treeToValue(item, ReportPayload.class);
		}
		catch (DatabindException ex) {
			String field = ex.getPath().isEmpty() ? "report" : ex.getPath().get(ex.getPath().size() - 1).getPropertyName();
			throw FleetException.invalidField(field, "has the wrong type or format");
		}
	}

	Report report(ReportPayload payload) {
		String reportId = Fields.required("reportId", payload.reportId());
		if (!REPORT_ID.matcher(reportId).matches()) {
			throw FleetException.invalidField("reportId", "must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_', ':', '-'");
		}
		ReportType type = type(payload.type());
		Instant recordedAt = instant("recordedAt", Fields.required("recordedAt", payload.recordedAt()));
		Instant startedAt = (payload.startedAt() != null) ? instant("startedAt", payload.startedAt()) : null;
		if (startedAt != null && startedAt.isAfter(recordedAt)) {
			throw FleetException.invalidField("startedAt", "must not be after recordedAt");
		}
		long odometerM = Fields.thousandths("odometerKm", Fields.required("odometerKm", payload.odometerKm()),
				Fields.MAX_KM);
		return new Report(reportId, type, startedAt, recordedAt, odometerM,
				Fields.thousandths("distanceKm", payload.distanceKm(), MAX_TRIP_KM),
				Fields.thousandths("energyConsumedKwh", payload.energyConsumedKwh(), MAX_TRIP_KWH),
				Fields.thousandths("energyRegeneratedKwh", payload.energyRegeneratedKwh(), MAX_TRIP_KWH));
	}

	static String checkVin(String vin) {
		return Vin.check(Fields.required("vin", vin));
	}

	private static ReportType type(String type) {
		try {
			return ReportType.valueOf(Fields.required("type", type));
		}
		catch (IllegalArgumentException ex) {
			throw FleetException.invalidField("type", "must be TRIP or ODOMETER");
		}
	}

	private static Instant instant(String field, Instant value) {
		if (value.isBefore(EARLIEST)) {
			throw FleetException.invalidField(field, "must not be before " + EARLIEST);
		}
		return value.truncatedTo(ChronoUnit.MICROS);
	}

}
