package org.fleettelemetry.metrics;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the metrics the service publishes.
 *
 * @param refreshInterval how often the fleet gauges and the readiness gauge are read
 * again, in the background; a scrape only reads the last figures, so it never waits on
 * the database
 */
@ConfigurationProperties("fleet.metrics")
@Validated
record MetricsSettings(@NotNull @DurationMin(millis = 100) @DefaultValue("5s") Duration refreshInterval) {
}
