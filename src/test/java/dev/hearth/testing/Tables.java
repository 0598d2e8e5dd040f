package dev.hearth.testing;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Empties tables between tests while the application's background work (router training,
 * the index follower, the change feed's sweeps) may be reading them: a {@code truncate}
 * that PostgreSQL picks as a deadlock victim is tried again.
 */
public final class Tables {

	private static final int ATTEMPTS = 5;

	private Tables() {
	}

	/**
	 * Runs {@code truncate <tables>}, trying again up to five times when PostgreSQL
	 * reports a deadlock with a background reader.
	 * @param tables the comma-separated table list and options, e.g.
	 * {@code "kb_document, faq_entry cascade"}
	 */
	public static void truncate(JdbcClient jdbc, String tables) {
		for (int attempt = 1;; attempt++) {
			try {
				jdbc.sql("truncate " + tables).update();
				return;
			}
			catch (PessimisticLockingFailureException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
				try {
					Thread.sleep(100L * attempt);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
	}

}
