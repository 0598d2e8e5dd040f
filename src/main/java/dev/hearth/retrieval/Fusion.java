package dev.hearth.retrieval;

/**
 * How a {@link HybridSearcher} combines its two retrievers.
 *
 * <p>
 * {@link #LINEAR} is the recommended choice: it ranked the right FAQ entry higher than
 * {@link #RRF} on the Bitext test queries (see {@code docs/adr/0001-hybrid-fusion.md}).
 * RRF needs no tuning and is the fallback for content unlike the data the blend was tuned
 * on. The single-retriever modes exist for evaluation and diagnosis.
 */
public enum Fusion {

	/**
	 * Reciprocal rank fusion with k = 60: a passage scores the sum of
	 * {@code 1 / (60 + rank)} over the retrievers that returned it.
	 */
	RRF,

	/**
	 * A weighted sum of the two retrievers' scores, each candidate list divided by its
	 * best score: {@code 0.25 * bm25 / maxBm25 + 0.75 * cosine / maxCosine}. A passage
	 * one retriever did not return counts as that retriever's worst candidate. Weight and
	 * normalisation were chosen on development queries (see the ADR).
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
