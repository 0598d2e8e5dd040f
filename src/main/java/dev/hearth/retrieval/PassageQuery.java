package dev.hearth.retrieval;

import java.util.Map;
import java.util.Set;

/**
 * A search request for a {@link HybridSearcher}.
 *
 * <p>
 * Filters restrict both retrievers before ranking: every key must match one of its values
 * (AND across keys, OR within a key). The key {@code language} filters on the passage
 * language; every other key filters on the passage tag of that name. An empty map means
 * no filter.
 *
 * <p>
 * The constructor checks the request up front: {@code topK} must be between 1 and
 * {@value #MAX_TOP_K}; the text must be non-blank when the fusion uses BM25, and the
 * vector non-null when it uses vectors (its dimension is checked by the searcher).
 * Instances are immutable apart from the {@code vector} array, which is shared, not
 * copied.
 *
 * @param text the user's question, analysed per language; may be null for
 * {@link Fusion#VECTOR_ONLY}
 * @param vector the embedding of {@code text}; may be null for {@link Fusion#BM25_ONLY}
 * @param topK how many hits to return after collapsing by group key
 * @param filters exact-match filters, see above
 * @param fusion how to combine the retrievers
 * @param senseWeight the weight, relative to the text's own words, at which BM25 also
 * asks for words of the same sense as the text's (bundled English groups,
 * {@code WordSenses}); 0 for the text's words only
 */
public record PassageQuery(String text, float[] vector, int topK, Map<String, Set<String>> filters, Fusion fusion,
		double senseWeight) {

	/** The largest {@code topK} a query may ask for. */
	public static final int MAX_TOP_K = 1000;

	/** A request whose BM25 asks for the text's own words only. */
	public PassageQuery(String text, float[] vector, int topK, Map<String, Set<String>> filters, Fusion fusion) {
		this(text, vector, topK, filters, fusion, 0);
	}

	public PassageQuery {
		Checks.requireNonNull(fusion, "fusion");
		if (!(senseWeight >= 0 && senseWeight <= 1)) {
			throw new IllegalArgumentException("senseWeight must be between 0 and 1, got " + senseWeight);
		}
		if (topK < 1) {
			throw new IllegalArgumentException("topK must be at least 1, got " + topK);
		}
		if (topK > MAX_TOP_K) {
			throw new IllegalArgumentException("topK must be at most " + MAX_TOP_K + ", got " + topK);
		}
		filters = Checks.copyFilters(filters);
		if (fusion.usesText()) {
			if (text == null) {
				throw new IllegalArgumentException("text must not be null for fusion " + fusion);
			}
			if (text.isBlank()) {
				throw new IllegalArgumentException("text must not be blank for fusion " + fusion);
			}
		}
		if (fusion.usesVector() && vector == null) {
			throw new IllegalArgumentException("vector must not be null for fusion " + fusion);
		}
	}

}
