package org.fleettelemetry.shared;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a list that grows with the fleet.
 *
 * @param items the page's items, in the list's order
 * @param next the cursor of the next page, opaque to clients; {@code null} on the last
 * page
 * @param <T> the type of the items
 */
public record Page<T>(List<T> items, @Nullable String next) {

	/** The page size when a request names none. */
	public static final int DEFAULT_SIZE = 100;

	/** The largest page a request may ask for. */
	public static final int MAX_SIZE = 1000;

	/**
	 * Checks a requested page size: 1 to {@value #MAX_SIZE}, {@value #DEFAULT_SIZE} when
	 * none is given.
	 */
	public static int size(@Nullable String size) {
		if (size == null) {
			return DEFAULT_SIZE;
		}
		try {
			int value = Integer.parseInt(size);
			if (value >= 1 && value <= MAX_SIZE) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw FleetException.invalidField("size", "must be a whole number from 1 to " + MAX_SIZE);
	}

}
