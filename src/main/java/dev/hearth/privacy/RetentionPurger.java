package dev.hearth.privacy;

import java.time.Instant;

/**
 * One data class that the retention job purges ({@link RetentionJob}); the module that
 * owns the data implements it, so that its own rules (cascades, the search index) apply.
 */
public interface RetentionPurger {

	/**
	 * @return the data class, as named under {@code hearth.retention}, e.g.
	 * {@code transcripts}
	 */
	String dataClass();

	/**
	 * Deletes at most {@code batchSize} items older than {@code cutoff}, in one
	 * transaction.
	 * @return how many were deleted; fewer than {@code batchSize} means none are left
	 */
	int purgeBatch(Instant cutoff, int batchSize);

}
