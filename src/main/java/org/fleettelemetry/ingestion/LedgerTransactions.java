package org.fleettelemetry.ingestion;

import java.util.List;

import org.fleettelemetry.shared.ErrorCode;
import org.fleettelemetry.shared.FleetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.UnexpectedRollbackException;

/**
 * Credits reports in a transaction of their own, and tells what a failure means for them.
 * Before the commit is sent, nothing of the transaction can be stored, even when its
 * rollback cannot be sent either (PostgreSQL commits only what it is asked to): a
 * database out of reach is then 503 {@code SERVICE_UNAVAILABLE}, and any other failure
 * goes on as it was. A commit that fails without the database answering that it rolled
 * back (the connection was lost while committing, and a rollback after it failed too) may
 * have been stored: 503 {@code OUTCOME_UNKNOWN}. So the transaction is driven here rather
 * than by {@code @Transactional}, which throws both kinds alike.
 */
@Component
class LedgerTransactions {

	private static final Logger log = LoggerFactory.getLogger(LedgerTransactions.class);

	static final String UNKNOWN = "The reports were taken, but their commit could not be confirmed: they may"
			+ " have been stored. Sending them again is safe, and answers what they credited"
			+ " (DUPLICATE where they were stored)";

	private final ReportLedger ledger;

	private final PlatformTransactionManager transactions;

	LedgerTransactions(ReportLedger ledger, PlatformTransactionManager transactions) {
		this.ledger = ledger;
		this.transactions = transactions;
	}

	/**
	 * The outcomes of the submissions, in order, once they are committed.
	 * @throws FleetException {@code SERVICE_UNAVAILABLE} when the database could not be
	 * reached and nothing was stored, {@code OUTCOME_UNKNOWN} when the commit could not
	 * be confirmed
	 */
	List<Outcome> credit(List<Submission> submissions) {
		try {
			TransactionStatus transaction = this.transactions.getTransaction(TransactionDefinition.withDefaults());
			List<Outcome> outcomes;
			try {
				outcomes = this.ledger.credit(submissions);
			}
			catch (Throwable ex) {
				rollBack(transaction, ex);
				throw ex;
			}
			commit(transaction);
			return outcomes;
		}
		catch (DataAccessResourceFailureException | CannotCreateTransactionException ex) {
			log.warn("Database unavailable, nothing stored: {}", ex.getMessage());
			throw new FleetException(ErrorCode.SERVICE_UNAVAILABLE,
					"The database is unavailable for a moment; nothing of this request was stored: send it again"
							+ " shortly (sending a report again is always safe)");
		}
	}

	/** Rolls back what failed; should that fail too, nothing was committed either. */
	private void rollBack(TransactionStatus transaction, Throwable failure) {
		try {
			this.transactions.rollback(transaction);
		}
		catch (RuntimeException ex) {
			failure.addSuppressed(ex);
		}
	}

	private void commit(TransactionStatus transaction) {
		try {
			this.transactions.commit(transaction);
		}
		catch (RuntimeException ex) {
			if (rolledBack(ex)) {
				throw ex;
			}
			log.warn("A commit of reports could not be confirmed: {}", ex.toString());
			throw new FleetException(ErrorCode.OUTCOME_UNKNOWN, UNKNOWN);
		}
	}

	/**
	 * Whether the database answered the commit by rolling back: a serialization failure
	 * or deadlock (SQLSTATE class 40) or a deferred constraint (class 23). A lost
	 * connection (class 08, an administrator's or crash shutdown, 57P0x) or an I/O error
	 * leaves it unknown.
	 */
	static boolean rolledBack(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof UnexpectedRollbackException) {
				return true;
			}
		}
		return SqlStates.any(failure, (state) -> state.startsWith("40") || state.startsWith("23"));
	}

}
