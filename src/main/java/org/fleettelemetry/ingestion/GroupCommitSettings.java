package org.fleettelemetry.ingestion;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How concurrent requests share database transactions.
 *
 * @param enabled whether requests are grouped; {@code false} commits one transaction per
 * request
 * @param writers threads (and database connections) committing groups in parallel: the
 * first takes whatever has gathered, the others help only when half of {@code maxReports}
 * is waiting or the oldest request has waited {@code helpAfter}; so single reports gather
 * in large groups (cheaper per report), and batches are still written in parallel
 * @param maxReports the most reports one transaction carries
 * @param helpAfter how long the oldest request waits before writers other than the first
 * help, so that a first writer held up (by a row lock, say) holds up nobody else for long
 * @param queueCapacity the most reports waiting for a transaction; beyond it requests get
 * 503 at once
 * @param timeout how long a request waits for its transaction before it gets 503 (its
 * report may still be credited: sending it again is safe)
 */
@ConfigurationProperties("fleet.ingestion.group-commit")
@Validated
record GroupCommitSettings(@DefaultValue("true") boolean enabled, @Positive @DefaultValue("2") int writers,
		@Positive @DefaultValue("1000") int maxReports, @Positive @DefaultValue("100000") int queueCapacity,
		@DefaultValue("10s") Duration timeout, @DefaultValue("50ms") Duration helpAfter) {
}
