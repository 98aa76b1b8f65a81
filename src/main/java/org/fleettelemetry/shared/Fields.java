package org.fleettelemetry.shared;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * Checks of request fields that several modules share. Each failure names its field.
 */
public final class Fields {

	/** A bound far above any real odometer: 10 million km. */
	public static final BigDecimal MAX_KM = new BigDecimal("10000000");

	private Fields() {
	}

	public static <T> T required(String field, T value) {
		if (value == null) {
			throw FleetException.invalidField(field, "is required");
		}
		return value;
	}

	/**
	 * A non-negative quantity given in thousands of its unit (km, kWh), as whole
	 * thousandths (m, Wh).
	 */
	public static @Nullable Long thousandths(String field, BigDecimal value, BigDecimal max) {
		if (value == null) {
			return null;
		}
		if (value.signum() < 0) {
			throw FleetException.invalidField(field, "must not be negative");
		}
		if (value.compareTo(max) > 0) {
			throw FleetException.invalidField(field, "must be at most " + max.toPlainString());
		}
		return Distances.thousandths(value);
	}

	public static String text(String field, String value, int maxLength) {
		if (value == null || value.isBlank()) {
			throw FleetException.invalidField(field, "is required");
		}
		if (value.length() > maxLength) {
			throw FleetException.invalidField(field, "must be at most " + maxLength + " characters");
		}
		return value;
	}

}
