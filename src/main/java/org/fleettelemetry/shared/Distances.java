package org.fleettelemetry.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;

/**
 * Conversions at the edge of the service: distances are whole metres inside, kilometres
 * and miles (to the metre, 3 decimals) outside.
 */
public final class Distances {

	private static final BigDecimal METRES_PER_MILE = new BigDecimal("1609.344");

	private Distances() {
	}

	public static BigDecimal km(long metres) {
		return BigDecimal.valueOf(metres, 3);
	}

	public static @Nullable BigDecimal kmOrNull(@Nullable Long metres) {
		return (metres != null) ? km(metres) : null;
	}

	public static BigDecimal miles(long metres) {
		return BigDecimal.valueOf(metres).divide(METRES_PER_MILE, 3, RoundingMode.HALF_UP);
	}

	/**
	 * Kilometres (or kilowatt-hours) to whole thousandths (metres, watt-hours), rounded
	 * half up.
	 */
	public static long thousandths(BigDecimal value) {
		return value.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
	}

}
