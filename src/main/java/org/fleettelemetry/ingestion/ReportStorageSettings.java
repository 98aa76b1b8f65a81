package org.fleettelemetry.ingestion;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How accepted reports are kept over the years: in monthly slices of their
 * {@code recordedAt}, created ahead of time and dropped whole once older than the
 * retention.
 *
 * @param retention how long reports are kept after they were recorded; {@code null} (the
 * default) keeps every report. A slice is dropped once all of it is older than this; the
 * figures stay as they were
 * @param monthsAhead how many months after the current one have their slice ready
 * @param maintenanceInterval how often each instance creates the months ahead and drops
 * the slices past the retention
 * @param lockTimeout the longest a drop waits for the lock that stops inserts while
 * slices are detached (it is tried again at the next maintenance); inserts wait at most
 * this long behind it
 * @param dropFrom with {@code dropUntil}, the time of day (UTC) from which slices past
 * the retention may be dropped, so that the seconds a drop slows commits fall in a quiet
 * hour; {@code null} (the default) drops at the first maintenance past the retention
 * @param dropUntil the time of day (UTC) until which slices past the retention may be
 * dropped; before {@code dropFrom} for a window across midnight. The window must be at
 * least as long as the maintenance interval, or a maintenance might never fall in it
 */
@ConfigurationProperties("fleet.reports")
@Validated
record ReportStorageSettings(Duration retention, @Positive @DefaultValue("2") int monthsAhead,
		@NotNull @DefaultValue("1h") Duration maintenanceInterval, @NotNull @DefaultValue("50ms") Duration lockTimeout,
		@Nullable LocalTime dropFrom, @Nullable LocalTime dropUntil) {

	ReportStorageSettings {
		if ((dropFrom == null) != (dropUntil == null)) {
			throw new IllegalArgumentException(
					"fleet.reports.drop-from and drop-until go together: set both or neither");
		}
		if (dropFrom != null && window(dropFrom, dropUntil).compareTo(maintenanceInterval) < 0) {
			throw new IllegalArgumentException("The drop window from " + dropFrom + " to " + dropUntil
					+ " is shorter than fleet.reports.maintenance-interval (" + maintenanceInterval
					+ "): a maintenance might never fall in it");
		}
	}

	/** Whether slices past the retention may be dropped at {@code at}. */
	boolean mayDropAt(Instant at) {
		if (this.dropFrom == null || this.dropUntil == null) {
			return true;
		}
		LocalTime time = LocalTime.ofInstant(at, ZoneOffset.UTC);
		boolean afterStart = !time.isBefore(this.dropFrom);
		boolean beforeEnd = time.isBefore(this.dropUntil);
		return this.dropFrom.isBefore(this.dropUntil) ? afterStart && beforeEnd : afterStart || beforeEnd;
	}

	private static Duration window(LocalTime from, LocalTime until) {
		Duration between = Duration.between(from, until);
		return between.isNegative() || between.isZero() ? between.plusDays(1) : between;
	}

}
