package dev.hearth.retrieval;

/**
 * How a {@link HybridSearcher} combines its two retrievers.
 *
 * <p>
 * {@link #RRF} is the default choice for callers (see
 * {@code docs/adr/0001-hybrid-fusion.md}); the single-retriever modes exist for
 * evaluation and diagnosis.
 */
public enum Fusion {

	/**
	 * Reciprocal rank fusion with k = 60: a passage scores the sum of
	 * {@code 1 / (60 + rank)} over the retrievers that returned it.
	 */
	RRF,

	/**
	 * A weighted sum of the two retrievers' scores after normalising each candidate list;
	 * weight and normalisation were chosen by measurement (see the ADR).
	 */
	LINEAR,

	/** BM25 only; the score is the BM25 score. The query vector is not needed. */
	BM25_ONLY,

	/**
	 * Vector search only; the score is the cosine similarity. The query text is not
	 * needed.
	 */
	VECTOR_ONLY;

	boolean usesText() {
		return this != VECTOR_ONLY;
	}

	boolean usesVector() {
		return this != BM25_ONLY;
	}

}
