package org.fleettelemetry.shared;

import org.jspecify.annotations.Nullable;

/**
 * A failure the client can act on: it carries its {@link ErrorCode} and, where one field
 * is to blame, that field's name. The web layer turns it into a problem detail.
 */
public class FleetException extends RuntimeException {

	private final ErrorCode code;

	private final @Nullable String field;

	private final boolean rejectedReport;

	public FleetException(ErrorCode code, String detail) {
		this(code, null, detail, false);
	}

	private FleetException(ErrorCode code, @Nullable String field, String detail, boolean rejectedReport) {
		super(detail);
		this.code = code;
		this.field = field;
		this.rejectedReport = rejectedReport;
	}

	/**
	 * A report rejected with {@code code}: when the code breaks a crediting rule, a
	 * report kept as an anomaly (422 whatever the code's own status).
	 */
	public static FleetException rejected(ErrorCode code, String detail) {
		return new FleetException(code, null, detail, code.breaksCreditingRule());
	}

	/**
	 * A field of a request that is missing or out of its range.
	 */
	public static FleetException invalidField(String field, String detail) {
		return new FleetException(ErrorCode.INVALID_FIELD, field, field + ": " + detail, false);
	}

	public static FleetException vehicleNotFound(String vin) {
		return new FleetException(ErrorCode.VEHICLE_NOT_FOUND, "No vehicle is registered with VIN " + vin);
	}

	/**
	 * Whether this is a report that breaks a crediting rule, rather than a request that
	 * cannot be carried out.
	 */
	public boolean isRejectedReport() {
		return this.rejectedReport;
	}

	public ErrorCode code() {
		return this.code;
	}

	/**
	 * The name of the offending field, or {@code null}.
	 */
	public @Nullable String field() {
		return this.field;
	}

}
