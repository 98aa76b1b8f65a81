package org.fleettelemetry.shared;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The position after the last item of a keyset page, handed to clients as an opaque
 * string: the list's order and the sort key values of that item, so that the next page
 * starts right after it whatever was written meanwhile. A cursor made for one order is
 * refused by another.
 *
 * @param order the name of the order the cursor was made for
 * @param keys the sort key values of the last item, as text
 */
public record Cursor(String order, List<String> keys) {

	/** Separates the parts; none of the key values (VINs, numbers, instants) holds it. */
	private static final char SEPARATOR = '\n';

	public Cursor {
		keys = List.copyOf(keys);
	}

	/**
	 * The cursor as clients see it: URL-safe Base64.
	 */
	public String encode() {
		String text = this.order + SEPARATOR + String.join(String.valueOf(SEPARATOR), this.keys);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Reads a cursor a page of {@code order} gave, with {@code keyCount} key values; any
	 * other is a client's error, named as the parameter {@code cursor}.
	 */
	public static Cursor decode(String cursor, String order, int keyCount) {
		String[] parts;
		try {
			parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
				.split(String.valueOf(SEPARATOR), -1);
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
		if (parts.length != keyCount + 1 || !parts[0].equals(order)) {
			throw invalid();
		}
		return new Cursor(order, Arrays.asList(parts).subList(1, parts.length));
	}

	/**
	 * The {@code index}-th key value.
	 */
	public String key(int index) {
		return this.keys.get(index);
	}

	/**
	 * The {@code index}-th key value as an instant; a cursor that holds none is invalid.
	 */
	public Instant instant(int index) {
		try {
			return Instant.parse(key(index));
		}
		catch (DateTimeException ex) {
			throw invalid();
		}
	}

	/**
	 * The {@code index}-th key value as a whole number; a cursor that holds none is
	 * invalid.
	 */
	public long number(int index) {
		try {
			return Long.parseLong(key(index));
		}
		catch (NumberFormatException ex) {
			throw invalid();
		}
	}

	/**
	 * The error for a cursor that cannot be read: not one this list gave for this order.
	 */
	public static FleetException invalid() {
		return FleetException.invalidField("cursor",
				"is not a cursor this list gave for this sort: pass the next of the page before, unchanged");
	}

}
