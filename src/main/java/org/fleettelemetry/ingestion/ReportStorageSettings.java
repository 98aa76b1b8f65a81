package org.fleettelemetry.ingestion;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

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
 */
@ConfigurationProperties("fleet.reports")
@Validated
record ReportStorageSettings(Duration retention, @Positive @DefaultValue("2") int monthsAhead,
		@NotNull @DefaultValue("1h") Duration maintenanceInterval,
		@NotNull @DefaultValue("50ms") Duration lockTimeout) {
}
