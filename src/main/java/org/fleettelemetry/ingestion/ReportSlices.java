package org.fleettelemetry.ingestion;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly slices of the reports and anomalies tables (migrations V15 and V18 have the
 * SQL of it): the months ahead are created before any report needs them, the slices past
 * the retention are detached under a short lock and dropped after it is released.
 */
@Repository
class ReportSlices {

	private static final Logger log = LoggerFactory.getLogger(ReportSlices.class);

	/** The tables kept in slices, by the time their rows were recorded or received. */
	static final List<String> TABLES = List.of("reports", "anomalies");

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	ReportSlices(JdbcClient jdbc, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	/**
	 * Creates the missing monthly slices of every sliced table up to the one holding
	 * {@code until}.
	 * @return how many were created
	 */
	int ensureUntil(Instant until) {
		int created = 0;
		for (String table : TABLES) {
			created += this.transaction.execute((status) -> this.jdbc.sql("select ensure_slices(?, ?)")
				.params(table, Timestamp.from(until))
				.query(Integer.class)
				.single());
		}
		return created;
	}

	/**
	 * Removes every slice wholly recorded before {@code cutoff}: detaches them in one
	 * short transaction that inserts wait behind for at most {@code lockTimeout} (it
	 * gives up rather than hold them longer), then drops them.
	 * @return the names the detached slices had while they were dropped; none of a table
	 * whose slices were all younger, or whose lock was not granted in time
	 */
	List<String> dropBefore(Instant cutoff, Duration lockTimeout) {
		List<String> detached = new ArrayList<>();
		for (String table : TABLES) {
			try {
				detached.addAll(this.transaction.execute((status) -> {
					this.jdbc.sql("select set_config('lock_timeout', ?, true)")
						.param(lockTimeout.toMillis() + "ms")
						.query(String.class)
						.single();
					return this.jdbc.sql("select detach_slices(?, ?)")
						.params(table, Timestamp.from(cutoff))
						.query(String.class)
						.list();
				}));
			}
			catch (DataAccessException ex) {
				// PostgreSQL's lock timeout
				if (!SqlStates.any(ex, "55P03"::equals)) {
					throw ex;
				}
				log.info("Slices of {} before {} not detached: the table was busy for {}; tried again later", table,
						cutoff, lockTimeout);
			}
		}
		dropDetached();
		return detached;
	}

	/**
	 * Drops the slices detached before, including those a stop left behind between
	 * detaching and dropping. Each drop locks only the detached table.
	 */
	void dropDetached() {
		List<String> leftovers = this.jdbc.sql("""
				select c.relname from pg_class c
				where c.relkind = 'r' and c.relname ~ '^(reports|anomalies)_detached_'
				  and c.relnamespace = (select relnamespace from pg_class where oid = 'reports'::regclass)""")
			.query(String.class)
			.list();
		for (String table : leftovers) {
			this.jdbc.sql("drop table if exists \"" + table + "\"").update();
		}
	}

}
