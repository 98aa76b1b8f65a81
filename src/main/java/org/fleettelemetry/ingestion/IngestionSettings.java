package org.fleettelemetry.ingestion;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of report ingestion: how reports are judged, and how concurrent requests share
 * database transactions.
 *
 * @param validation how reports are judged
 * @param groupCommit how concurrent requests share database transactions
 */
@ConfigurationProperties("fleet.ingestion")
@Validated
record IngestionSettings(@Valid @NotNull @DefaultValue Validation validation,
		@Valid @NotNull @DefaultValue Grouping groupCommit) {

	/**
	 * How reports are judged.
	 *
	 * @param maxSpeedKmh the highest plausible average speed between two readings; a
	 * larger increase (plus 1 km for clock rounding) is {@code IMPLAUSIBLE_DISTANCE}
	 * @param futureTolerance how far ahead of the server clock a report may be recorded
	 * before it is {@code TIMESTAMP_IN_FUTURE}
	 */
	record Validation(@Positive @DefaultValue("250") long maxSpeedKmh,
			@NotNull @DefaultValue("5m") Duration futureTolerance) {
	}

	/**
	 * How concurrent requests share database transactions.
	 *
	 * @param enabled whether requests are grouped; {@code false} commits one transaction
	 * per request
	 * @param writers threads (and database connections) committing groups in parallel:
	 * the first takes whatever has gathered, the others help only when half of
	 * {@code maxReports} is waiting or the oldest request has waited {@code helpAfter};
	 * so single reports gather in large groups (cheaper per report), and batches are
	 * still written in parallel
	 * @param maxReports the most reports one transaction carries
	 * @param queueCapacity the most reports waiting for a transaction or being committed;
	 * beyond it requests get 503 at once
	 * @param timeout how long a request waits for its transaction before it gets 503
	 * ({@code OUTCOME_UNKNOWN} once a writer took it: its reports may still be credited,
	 * and sending them again is safe); a request is taken only when what is ahead of it,
	 * with it, can commit within half of it at the recent commit rate, else refused at
	 * once
	 * @param helpAfter how long the oldest request waits before writers other than the
	 * first help, so that a first writer held up (by a row lock, say) holds up nobody
	 * else for long
	 */
	record Grouping(@DefaultValue("true") boolean enabled, @Positive @DefaultValue("2") int writers,
			@Positive @DefaultValue("1000") int maxReports, @Positive @DefaultValue("100000") int queueCapacity,
			@NotNull @DefaultValue("10s") Duration timeout, @NotNull @DefaultValue("50ms") Duration helpAfter) {
	}

}
