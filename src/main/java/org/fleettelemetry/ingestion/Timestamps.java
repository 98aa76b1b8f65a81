package org.fleettelemetry.ingestion;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

/**
 * Reads ISO-8601 instants ({@code 2014-09-30T12:00:00.250Z},
 * {@code 2014-09-30T14:00:00+02:00}). The usual shapes are read by hand, several times
 * faster than a {@code DateTimeFormatter} on a path that handles every report; anything
 * else is left to {@link DateTimeFormatter#ISO_INSTANT}, which decides.
 */
final class Timestamps {

	private Timestamps() {
	}

	/**
	 * The instant {@code text} denotes.
	 * @throws DateTimeException when it is not an ISO-8601 instant with an offset
	 */
	static Instant parse(String text) {
		Instant fast = fast(text);
		return (fast != null) ? fast : DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
	}

	/**
	 * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:mm)}, or {@code null} for any other
	 * shape.
	 */
	private static @Nullable Instant fast(String s) {
		int n = s.length();
		if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
				|| s.charAt(16) != ':') {
			return null;
		}
		int year = digits(s, 0, 4);
		int month = digits(s, 5, 2);
		int day = digits(s, 8, 2);
		int hour = digits(s, 11, 2);
		int minute = digits(s, 14, 2);
		int second = digits(s, 17, 2);
		if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
				|| second < 0 || second > 59) {
			return null;
		}
		int i = 19;
		int nanos = 0;
		if (s.charAt(i) == '.') {
			int start = ++i;
			while (i < n && i - start < 9 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
				nanos = nanos * 10 + (s.charAt(i++) - '0');
			}
			if (i == start) {
				return null;
			}
			for (int scale = i - start; scale < 9; scale++) {
				nanos *= 10;
			}
		}
		int offsetSeconds = offset(s, i);
		if (offsetSeconds == Integer.MIN_VALUE) {
			return null;
		}
		LocalDate date = LocalDate.of(year, month, 1);
		if (day > date.lengthOfMonth()) {
			return null;
		}
		long epochSecond = (date.toEpochDay() + day - 1) * 86_400L + hour * 3_600L + minute * 60L + second
				- offsetSeconds;
		return Instant.ofEpochSecond(epochSecond, nanos);
	}

	/** The offset from {@code i} to the end in seconds, or {@code Integer.MIN_VALUE}. */
	private static int offset(String s, int i) {
		int n = s.length();
		if (i == n - 1 && s.charAt(i) == 'Z') {
			return 0;
		}
		if (i != n - 6 || s.charAt(i + 3) != ':' || (s.charAt(i) != '+' && s.charAt(i) != '-')) {
			return Integer.MIN_VALUE;
		}
		int hours = digits(s, i + 1, 2);
		int minutes = digits(s, i + 4, 2);
		if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
			return Integer.MIN_VALUE;
		}
		int seconds = hours * 3_600 + minutes * 60;
		return (s.charAt(i) == '-') ? -seconds : seconds;
	}

	/** The number written by {@code count} digits from {@code start}, or -1. */
	private static int digits(String s, int start, int count) {
		int value = 0;
		for (int i = start; i < start + count; i++) {
			char c = s.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

}
