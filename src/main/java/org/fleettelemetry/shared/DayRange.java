package org.fleettelemetry.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

/**
 * The UTC days a daily series covers, both ends included: as asked for, by default the 30
 * days up to today, and never more than {@value #MAX_DAYS} days.
 *
 * @param first the first day
 * @param last the last day
 */
public record DayRange(LocalDate first, LocalDate last) {

	/** About ten years: a dashboard's longest chart. */
	public static final long MAX_DAYS = 3700;

	/** The instant a UTC day starts. */
	public static Instant startOf(LocalDate day) {
		return day.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/**
	 * The range the parameters {@code from} and {@code to} ask for; a range that ends
	 * before it starts or spans too many days is a client's error naming the parameter.
	 */
	public static DayRange of(@Nullable LocalDate from, @Nullable LocalDate to, Clock clock) {
		LocalDate last = (to != null) ? to : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		LocalDate first = (from != null) ? from : last.minusDays(29);
		if (first.isAfter(last)) {
			throw FleetException.invalidField("from", "must not be after to");
		}
		if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
			throw FleetException.invalidField("to", "the range may span at most " + MAX_DAYS + " days");
		}
		return new DayRange(first, last);
	}

}
