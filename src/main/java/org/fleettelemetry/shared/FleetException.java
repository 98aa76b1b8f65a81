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

	private final long retryAfterSeconds;

	public FleetException(ErrorCode code, String detail) {
		this(code, null, detail, false, 1);
	}

	private FleetException(ErrorCode code, @Nullable String field, String detail, boolean rejectedReport,
			long retryAfterSeconds) {
		super(detail);
		this.code = code;
		this.field = field;
		this.rejectedReport = rejectedReport;
		this.retryAfterSeconds = retryAfterSeconds;
	}

	/**
	 * A request the service cannot take now ({@code SERVICE_UNAVAILABLE}), to be sent
	 * again after {@code retryAfterSeconds}, which the failure knows better than the
	 * second a 503 asks for otherwise.
	 */
	public static FleetException unavailable(String detail, long retryAfterSeconds) {
		return new FleetException(ErrorCode.SERVICE_UNAVAILABLE, null, detail, false, Math.max(1, retryAfterSeconds));
	}

	/**
	 * A report rejected with {@code code}: when the code breaks a crediting rule, a
	 * report kept as an anomaly (422 whatever the code's own status).
	 */
	public static FleetException rejected(ErrorCode code, String detail) {
		return new FleetException(code, null, detail, code.breaksCreditingRule(), 1);
	}

	/**
	 * A field of a request that is missing or out of its range.
	 */
	public static FleetException invalidField(String field, String detail) {
		return new FleetException(ErrorCode.INVALID_FIELD, field, field + ": " + detail, false, 1);
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

	/**
	 * When to send the request again, in seconds, should its code ask for a retry (503).
	 */
	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
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
