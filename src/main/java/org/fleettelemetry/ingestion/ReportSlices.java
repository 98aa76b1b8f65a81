package org.fleettelemetry.ingestion;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly slices of the reports table (migration V15 has the SQL of it): the months
 * ahead are created before any report needs them, the slices past the retention are
 * detached under a short lock and dropped after it is released.
 */
@Repository
class ReportSlices {

	private static final Logger log = LoggerFactory.getLogger(ReportSlices.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	ReportSlices(JdbcClient jdbc, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	/**
	 * Creates the missing monthly slices up to the one holding {@code until}.
	 * @return how many were created
	 */
	int ensureUntil(Instant until) {
		return this.transaction.execute((status) -> this.jdbc.sql("select ensure_report_slices(?)")
			.param(Timestamp.from(until))
			.query(Integer.class)
			.single());
	}

	/**
	 * Removes every slice wholly recorded before {@code cutoff}: detaches them in one
	 * short transaction that inserts wait behind for at most {@code lockTimeout} (it
	 * gives up rather than hold them longer), then drops them.
	 * @return the names the detached slices had while they were dropped; empty when none
	 * was old enough or the lock was not granted in time
	 */
	List<String> dropBefore(Instant cutoff, Duration lockTimeout) {
		List<String> detached;
		try {
			detached = this.transaction.execute((status) -> {
				this.jdbc.sql("select set_config('lock_timeout', ?, true)")
					.param(lockTimeout.toMillis() + "ms")
					.query();
				return this.jdbc.sql("select detach_report_slices(?)")
					.param(Timestamp.from(cutoff))
					.query(String.class)
					.list();
			});
		}
		catch (PessimisticLockingFailureException ex) {
			log.info("Report slices before {} not detached: the table was busy for {}; tried again later", cutoff,
					lockTimeout);
			return List.of();
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
				where c.relkind = 'r' and c.relname like 'reports\\_detached\\_%'
				  and c.relnamespace = (select relnamespace from pg_class where oid = 'reports'::regclass)""")
			.query(String.class)
			.list();
		for (String table : leftovers) {
			this.jdbc.sql("drop table if exists \"" + table + "\"").update();
		}
	}

}
