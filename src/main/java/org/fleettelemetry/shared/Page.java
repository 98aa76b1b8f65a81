package org.fleettelemetry.shared;

import java.util.List;
import java.util.function.Function;

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
	 * The page of {@code size} items made from {@code found}, the rows of a query that
	 * asked for one more than {@code size}: that extra row only tells that a next page
	 * exists, which starts after the last item kept.
	 */
	public static <R, T> Page<T> of(List<R> found, int size, Function<R, T> item, Function<R, Cursor> cursorAfter) {
		List<R> kept = found.subList(0, Math.min(size, found.size()));
		String next = (found.size() > size) ? cursorAfter.apply(kept.get(size - 1)).encode() : null;
		return new Page<>(kept.stream().map(item).toList(), next);
	}

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
