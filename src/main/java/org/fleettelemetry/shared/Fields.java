package org.fleettelemetry.shared;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * Checks of request fields that several modules share. Each failure names its field.
 */
public final class Fields {

	/** A bound far above any real odometer: 10 million km. */
	public static final BigDecimal MAX_KM = new BigDecimal("10000000");

	/** Kilometres in a mile, exactly: 1 mi = 1,609.344 m. */
	public static final BigDecimal KM_PER_MILE = new BigDecimal("1.609344");

	private Fields() {
	}

	public static <T> T required(String field, T value) {
		if (value == null) {
			throw FleetException.invalidField(field, "is required");
		}
		return value;
	}

	/**
	 * A distance a client may give in kilometres ({@code <name>Km}) or in miles
	 * ({@code <name>Mi}), but not both, in kilometres; {@code null} when it gave neither.
	 */
	public static @Nullable BigDecimal kmOrMiles(String name, @Nullable BigDecimal km, @Nullable BigDecimal miles) {
		if (km != null && miles != null) {
			throw FleetException.invalidField(name + "Mi", "give " + name + "Km or " + name + "Mi, not both");
		}
		return (miles != null) ? miles.multiply(KM_PER_MILE) : km;
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
