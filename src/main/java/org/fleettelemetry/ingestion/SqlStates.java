package org.fleettelemetry.ingestion;

import java.sql.SQLException;
import java.util.function.Predicate;

/**
 * What PostgreSQL answered, read from a failure whatever Spring translated it to: the
 * SQLSTATE of any {@link SQLException} among its causes.
 */
final class SqlStates {

	private SqlStates() {
	}

	/**
	 * Whether {@code failure}, or one of its causes, is a database error whose state
	 * matches.
	 */
	static boolean any(Throwable failure, Predicate<String> state) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null && state.test(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

}
