package org.fleettelemetry.ingestion;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.regex.Pattern;

import org.fleettelemetry.shared.Fields;
import org.fleettelemetry.shared.FleetException;
import org.fleettelemetry.vehicles.Vin;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Reads and checks one report from its JSON: every failure names its field.
 */
@Component
class ReportParser {

	private static final Pattern REPORT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	/**
	 * Before the first telematics units: an older time is a broken clock or a broken
	 * client.
	 */
	private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

	private static final BigDecimal MAX_TRIP_KM = new BigDecimal("100000");

	private static final BigDecimal MAX_TRIP_KWH = new BigDecimal("100000");

	static String reportIdOf(JsonNode item) {
		JsonNode id = item.get("reportId");
		return (id != null && id.isString()) ? id.asString() : null;
	}

	/** The fields a report may have: its contract's, in kilometres or in miles. */
	private static final Set<String> FIELDS = Set.of("vin", "reportId", "type", "startedAt", "recordedAt", "odometerKm",
			"odometerMi", "distanceKm", "distanceMi", "energyConsumedKwh", "energyRegeneratedKwh");

	private static final String INSTANT = "must be an ISO-8601 instant such as 2014-09-30T10:00:00Z";

	/**
	 * The fields of a report, read straight from the tree (mapping the tree to the record
	 * through Jackson cost more than all the rest of taking a report in), and as strictly
	 * as Jackson reads the other bodies: no field the contract does not name, text as
	 * JSON strings, quantities as JSON numbers, instants as ISO-8601 text. Miles are
	 * converted to kilometres here, exactly; the rest of the service counts in metres.
	 */
	ReportPayload payload(JsonNode item) {
		if (!item.isObject()) {
			throw FleetException.invalidField("report", "must be a JSON object");
		}
		for (String field : item.propertyNames()) {
			if (!FIELDS.contains(field)) {
				throw FleetException.invalidField(field, "is not a field of a report (distances are odometerKm or "
						+ "odometerMi, distanceKm or distanceMi)");
			}
		}
		return new ReportPayload(text(item, "vin"), text(item, "reportId"), text(item, "type"),
				instant(item, "startedAt"), instant(item, "recordedAt"), kmOrMiles(item, "odometer"),
				kmOrMiles(item, "distance"), decimal(item, "energyConsumedKwh"), decimal(item, "energyRegeneratedKwh"));
	}

	private static @Nullable String text(JsonNode item, String field) {
		JsonNode value = item.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw FleetException.invalidField(field, "must be a JSON string");
		}
		return value.asString();
	}

	private static @Nullable BigDecimal kmOrMiles(JsonNode item, String name) {
		return Fields.kmOrMiles(name, decimal(item, name + "Km"), decimal(item, name + "Mi"));
	}

	private static @Nullable BigDecimal decimal(JsonNode item, String field) {
		JsonNode value = item.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isNumber()) {
			throw FleetException.invalidField(field, "must be a JSON number such as 12345.678");
		}
		try {
			return value.decimalValue();
		}
		catch (NumberFormatException | JacksonException ex) {
			// a number beyond a double's range, read as infinite
			throw FleetException.invalidField(field, "must be a JSON number such as 12345.678");
		}
	}

	private static @Nullable Instant instant(JsonNode item, String field) {
		JsonNode value = item.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw FleetException.invalidField(field, INSTANT);
		}
		try {
			return Timestamps.parse(value.asString());
		}
		catch (DateTimeException | ArithmeticException ex) {
			throw FleetException.invalidField(field, INSTANT);
		}
	}

	Report report(ReportPayload payload) {
		String reportId = Fields.required("reportId", payload.reportId());
		if (!REPORT_ID.matcher(reportId).matches()) {
			throw FleetException.invalidField("reportId",
					"must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_', ':', '-'");
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
