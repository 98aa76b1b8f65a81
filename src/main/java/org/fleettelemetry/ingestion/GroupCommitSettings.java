package org.fleettelemetry.ingestion;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How concurrent requests share database transactions.
 *
 * @param enabled whether requests are grouped; {@code false} commits one transaction per request
 * @param writers threads (and database connections) committing groups in parallel; the ends of
 * crediting transactions take turns on the milestone lock, so few writers gathering large groups do
 * best: two by default, one credits single reports faster still and batches a little slower
 * @param maxReports the most reports one transaction carries
 * @param queueCapacity the most reports waiting for a transaction; beyond it requests get 503 at once
 * @param timeout how long a request waits for its transaction before it gets 503 (its report may
 * still be credited: sending it again is safe)
 */
@ConfigurationProperties("fleet.ingestion.group-commit")
@Validated
record GroupCommitSettings(@DefaultValue("true") boolean enabled, @Positive @DefaultValue("2") int writers,
		@Positive @DefaultValue("1000") int maxReports, @Positive @DefaultValue("100000") int queueCapacity,
		@DefaultValue("10s") Duration timeout) {
}
