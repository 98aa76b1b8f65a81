package org.fleettelemetry.shared;

import org.jspecify.annotations.Nullable;

/**
 * A failure the client can act on: it carries its {@link ErrorCode} and, where one field
 * is to blame, that field's name. The web layer turns it into a problem detail.
 */
public class FleetException extends RuntimeException {

	private final ErrorCode code;

	private final @Nullable String field;

	public FleetException(ErrorCode code, String detail) {
		this(code, null, detail);
	}

	private FleetException(ErrorCode code, @Nullable String field, String detail) {
		super(detail);
		this.code = code;
		this.field = field;
	}

	/**
	 * A field of a request that is missing or out of its range.
	 */
	public static FleetException invalidField(String field, String detail) {
		return new FleetException(ErrorCode.INVALID_FIELD, field, field + ": " + detail);
	}

	public static FleetException vehicleNotFound(String vin) {
		return new FleetException(ErrorCode.VEHICLE_NOT_FOUND, "No vehicle is registered with VIN " + vin);
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
