package org.fleettelemetry.shared;

/**
 * The machine-readable codes of every error the service answers with (the {@code code} of
 * a problem detail) and of every rejected report.
 */
public enum ErrorCode {

	MALFORMED_REQUEST("Malformed request"), INVALID_FIELD("Invalid field"), BATCH_TOO_LARGE("Batch too large"),
	PAYLOAD_TOO_LARGE("Payload too large"), UNAUTHORIZED("Unauthorized"), FORBIDDEN("Forbidden"),
	NOT_FOUND("Not found"), METHOD_NOT_ALLOWED("Method not allowed"), UNSUPPORTED_MEDIA_TYPE("Unsupported media type"),
	NOT_ACCEPTABLE("Not acceptable"), VEHICLE_NOT_FOUND("Vehicle not found"),
	VIN_ALREADY_REGISTERED("VIN already registered"), RESET_OUT_OF_ORDER("Odometer reset out of order"),
	REPORT_ID_CONFLICT("Report id conflict"), UNKNOWN_VEHICLE("Unknown vehicle"),
	ODOMETER_ROLLBACK("Odometer rollback"), IMPLAUSIBLE_DISTANCE("Implausible distance"),
	TIMESTAMP_IN_FUTURE("Timestamp in the future"), VEHICLE_RETIRED("Vehicle retired"),
	WEBHOOK_NOT_FOUND("Webhook not found"), DELIVERY_NOT_FOUND("Delivery not found"),
	ALREADY_DELIVERED("Already delivered"), ANOMALY_NOT_FOUND("Anomaly not found"), NOT_RELEASABLE("Not releasable"),
	ALREADY_RESOLVED("Already resolved"), API_KEY_NOT_FOUND("API key not found"),
	SERVICE_UNAVAILABLE("Service unavailable"), OUTCOME_UNKNOWN("Outcome unknown"), INTERNAL_ERROR("Internal error");

	private final String title;

	ErrorCode(String title) {
		this.title = title;
	}

	/**
	 * Whether a report that meets this code breaks a crediting rule: it is kept as an
	 * anomaly and answered 422, whatever the code's status when it answers a request of
	 * another kind (a retired vehicle's rotation is 409).
	 */
	public boolean breaksCreditingRule() {
		return switch (this) {
			case UNKNOWN_VEHICLE, ODOMETER_ROLLBACK, IMPLAUSIBLE_DISTANCE, TIMESTAMP_IN_FUTURE, VEHICLE_RETIRED -> true;
			default -> false;
		};
	}

	/**
	 * A short, human-readable summary of the problem, the same for every occurrence.
	 */
	public String title() {
		return this.title;
	}

	/**
	 * The problem type's URI, stable for clients to match on.
	 */
	public String typeUri() {
		return "urn:fleet-telemetry:problem:" + name().toLowerCase().replace('_', '-');
	}

}
