package org.fleettelemetry.localdb;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Tells someone who started the service twice on one data directory what to do instead of
 * printing the stack trace of a bean that failed.
 */
class LocalDatabaseInUseFailureAnalyzer extends AbstractFailureAnalyzer<LocalDatabaseInUseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, LocalDatabaseInUseException cause) {
		return new FailureAnalysis(cause.getMessage() + ". Its PostgreSQL was left running for that service.",
				"Stop the other service, or give this one its own data directory (fleet.local-database.directory="
						+ cause.directory().resolveSibling("another")
						+ ") or a database of its own (spring.datasource.url).",
				cause);
	}

}
