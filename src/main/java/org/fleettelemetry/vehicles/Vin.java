package org.fleettelemetry.vehicles;

import java.util.regex.Pattern;

import org.fleettelemetry.shared.FleetException;

/**
 * Vehicle identification numbers: 17 characters, digits and capital letters except I, O
 * and Q.
 */
public final class Vin {

	/** The shape of a VIN, as a regular expression. */
	public static final String PATTERN = "[A-HJ-NPR-Z0-9]{17}";

	private static final Pattern VIN = Pattern.compile(PATTERN);

	private Vin() {
	}

	/**
	 * The VIN as the public sees it: the first eleven characters (maker, model, check
	 * digit, year and plant) and the serial number masked, {@code SJNFAAZE0U6******}.
	 */
	public static String masked(String vin) {
		return (vin.length() > 11) ? vin.substring(0, 11) + "*".repeat(vin.length() - 11) : vin;
	}

	public static boolean isValid(String vin) {
		return vin != null && VIN.matcher(vin).matches();
	}

	/**
	 * Returns {@code vin} when it is well-formed, else fails naming the field.
	 */
	public static String check(String vin) {
		if (!isValid(vin)) {
			throw FleetException.invalidField("vin",
					"must be 17 characters, digits and capital letters except I, O and Q");
		}
		return vin;
	}

}
