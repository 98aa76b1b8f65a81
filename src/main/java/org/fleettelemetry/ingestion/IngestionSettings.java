package org.fleettelemetry.ingestion;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How reports are judged.
 *
 * @param maxSpeedKmh the highest plausible average speed between two readings; a larger
 * increase (plus 1 km for clock rounding) is {@code IMPLAUSIBLE_DISTANCE}
 * @param futureTolerance how far ahead of the server clock a report may be recorded
 * before it is {@code TIMESTAMP_IN_FUTURE}
 */
@ConfigurationProperties("fleet.validation")
@Validated
record IngestionSettings(@Positive @DefaultValue("250") long maxSpeedKmh,
		@DefaultValue("5m") Duration futureTolerance) {
}
