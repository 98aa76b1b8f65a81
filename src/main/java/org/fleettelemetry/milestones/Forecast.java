package org.fleettelemetry.milestones;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * When the fleet will have covered a distance, from its credited distance per day over a
 * trailing window of complete days.
 * <p>
 * The pace is the window's mean daily distance. When the least-squares slope of the daily
 * distances is positive, the pace is taken to keep growing along that line: with day
 * {@code i} of the window covering {@code [i, i+1)} days after its start, the rate is
 * {@code r(t) = mean + slope * (t - n/2)} metres a day, and the crossing is the {@code T}
 * with {@code r0 * T + slope * T^2 / 2 = remaining}, {@code r0} the rate now. Otherwise
 * (a flat or falling pace) the crossing is {@code remaining / mean} days ahead.
 */
final class Forecast {

	static final int WINDOW_DAYS = 28;

	private static final double MILLIS_PER_DAY = Duration.ofDays(1).toMillis();

	/** Further ahead than this (about 100,000 years) a projection means nothing. */
	private static final double MAX_DAYS = 36_500_000;

	private Forecast() {
	}

	/**
	 * The projected crossing, or {@code null} when the window holds no distance.
	 * @param dailyM metres credited on each day of the window, oldest first
	 * @param windowStart the start of the window's first day
	 * @param now the time of the projection, at or after the window's end
	 * @param remainingM metres still to cover
	 */
	static @Nullable Instant projectedAt(long[] dailyM, Instant windowStart, Instant now, long remainingM) {
		int n = dailyM.length;
		double sum = 0;
		for (long metres : dailyM) {
			sum += metres;
		}
		if (n == 0 || sum <= 0) {
			return null;
		}
		if (remainingM <= 0) {
			return now;
		}
		double mean = sum / n;
		double days = remainingM / mean;
		double slope = slope(dailyM, mean);
		if (slope > 0) {
			double elapsed = Duration.between(windowStart, now).toMillis() / MILLIS_PER_DAY;
			double rateNow = mean + slope * (elapsed - n / 2.0);
			// the positive root of slope/2 T^2 + rateNow T - remaining, in a form that
			// does not cancel
			days = 2 * remainingM / (rateNow + Math.sqrt(rateNow * rateNow + 2 * slope * remainingM));
		}
		return (days <= MAX_DAYS) ? now.plusMillis(Math.round(days * MILLIS_PER_DAY)) : null;
	}

	/**
	 * The least-squares slope of the daily distances against the middle of their days, in
	 * metres a day per day.
	 */
	static double slope(long[] dailyM, double mean) {
		double middle = dailyM.length / 2.0;
		double sxy = 0;
		double sxx = 0;
		for (int i = 0; i < dailyM.length; i++) {
			double dx = i + 0.5 - middle;
			sxy += dx * (dailyM[i] - mean);
			sxx += dx * dx;
		}
		return (sxx > 0) ? sxy / sxx : 0;
	}

}
