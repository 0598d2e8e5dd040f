package dev.hearth.system;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure because PostgreSQL cannot be reached (down, restarting, failing over,
 * out of connections) from every other failure: the first is temporary, so clients are
 * told to retry ({@code 503} with {@code Retry-After}), never that the request was wrong
 * or that Hearth is broken.
 */
public final class DatabaseOutage {

	/** How long a client should wait before it retries, in seconds. */
	public static final int RETRY_AFTER_SECONDS = 5;

	/** What a client is told while the database cannot be reached. */
	public static final String DETAIL = "Hearth cannot reach its database just now. Nothing was lost; try again in "
			+ RETRY_AFTER_SECONDS + " seconds.";

	private DatabaseOutage() {
	}

	/**
	 * Whether {@code failure} (or one of its causes) is the database being unavailable.
	 */
	public static boolean causedBy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof QueryTimeoutException || cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException
					|| cause instanceof SQLRecoverableException) {
				return true;
			}
			if (cause instanceof TransactionSystemException) {
				// a commit or rollback failed on the connection itself: a commit cut off
				// by a
				// restart, then the rollback on the dead connection (the commit's outcome
				// is
				// unknown, and a retry with the same client message id is safe)
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null && (sql.getSQLState().startsWith("08")
					|| sql.getSQLState().startsWith("57P") || sql.getSQLState().equals("53300"))) {
				// connection exception, admin shutdown / crash shutdown / cannot connect
				// now, too many connections
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
