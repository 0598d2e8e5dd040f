package dev.hearth.retrieval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Searches a {@link PassageIndex} with BM25 and vectors, fuses the two candidate lists
 * and collapses the result by group key.
 *
 * <p>
 * Each retriever fetches {@code max(50, 4 * topK)} candidates within the query's filters.
 * When collapsing leaves fewer than {@code topK} groups although a retriever filled its
 * list, the search repeats with four times the depth, at most twice, so that a few groups
 * with many passages (FAQ entries with dozens of phrasings) do not crowd out the rest.
 *
 * <p>
 * Thread-safe: any number of threads may search at once, also while the index is being
 * written. Each search sees the last committed state of the index.
 */
public final class HybridSearcher {

	static final int MIN_DEPTH = 50;

	static final int DEPTH_FACTOR = 4;

	static final int MAX_DEEPENINGS = 2;

	private final PassageIndex index;

	private final Bm25Retriever bm25;

	HybridSearcher(PassageIndex index, Bm25Retriever bm25) {
		this.index = index;
		this.bm25 = bm25;
	}

	/**
	 * The best {@code query.topK()} groups for the query, best first; fewer if fewer
	 * passages match the filters.
	 * @throws IllegalArgumentException if the query vector does not have the index
	 * dimension, is all zeros, or has non-finite values
	 * @throws IllegalStateException if the query needs vectors and the index holds
	 * vectors of another dimension
	 * @throws IOException if Lucene fails to read the index
	 */
	public List<SearchHit> search(PassageQuery query) throws IOException {
		Checks.requireNonNull(query, "query");
		float[] vector = prepareVector(query);
		IndexSearcher searcher = this.index.acquire();
		try {
			Query filter = PassageSchema.filter(query.filters());
			Query text = query.fusion().usesText()
					? this.bm25.textQuery(query.text(), query.filters(), searcher.getIndexReader()) : null;
			int depth = initialDepth(query.topK());
			for (int round = 0;; round++) {
				Retrieved retrieved = retrieve(searcher, text, vector, filter, depth);
				List<Fused> hits = ScoreFusion
					.collapse(ScoreFusion.fuse(query.fusion(), retrieved.bm25(), retrieved.vector()), query.topK());
				boolean exhausted = retrieved.bm25().size() < depth && retrieved.vector().size() < depth;
				if (hits.size() == query.topK() || exhausted || round == MAX_DEEPENINGS) {
					return toHits(searcher, hits, vector);
				}
				depth *= DEPTH_FACTOR;
			}
		}
		finally {
			this.index.release(searcher);
		}
	}

	/** The candidate lists of the first round, unfused; for evaluation. */
	Retrieved retrieve(PassageQuery query) throws IOException {
		float[] vector = prepareVector(query);
		IndexSearcher searcher = this.index.acquire();
		try {
			Query filter = PassageSchema.filter(query.filters());
			Query text = query.fusion().usesText()
					? this.bm25.textQuery(query.text(), query.filters(), searcher.getIndexReader()) : null;
			return retrieve(searcher, text, vector, filter, initialDepth(query.topK()));
		}
		finally {
			this.index.release(searcher);
		}
	}

	/** Runs {@code work} with a searcher over the last commit; for evaluation. */
	<T> T withSearcher(SearcherWork<T> work) throws IOException {
		IndexSearcher searcher = this.index.acquire();
		try {
			return work.apply(searcher);
		}
		finally {
			this.index.release(searcher);
		}
	}

	static int initialDepth(int topK) {
		return Math.max(MIN_DEPTH, DEPTH_FACTOR * topK);
	}

	private float[] prepareVector(PassageQuery query) {
		if (!query.fusion().usesVector()) {
			return null;
		}
		float[] vector = Vectors.normalisedCopy(query.vector(), this.index.dimensions());
		this.index.requireVectorDimensions();
		return vector;
	}

	private Retrieved retrieve(IndexSearcher searcher, Query text, float[] vector, Query filter, int depth)
			throws IOException {
		List<Candidate> bm25 = (text != null) ? this.bm25.retrieve(searcher, text, filter, depth) : List.of();
		List<Candidate> vectors = (vector != null) ? VectorRetriever.retrieve(searcher, vector, filter, depth)
				: List.of();
		return new Retrieved(bm25, vectors);
	}

	private static List<SearchHit> toHits(IndexSearcher searcher, List<Fused> fused, float[] vector)
			throws IOException {
		float[] similarities = similarities(searcher, fused, vector);
		StoredFields storedFields = searcher.storedFields();
		List<SearchHit> hits = new ArrayList<>(fused.size());
		for (int i = 0; i < fused.size(); i++) {
			Fused hit = fused.get(i);
			hits.add(PassageSchema.toHit(storedFields.document(hit.doc()), hit, similarities[i]));
		}
		return hits;
	}

	/**
	 * The exact cosine similarity of each hit's stored vector to the query vector; NaN
	 * for all when the query has no vector, and for a passage without a vector.
	 */
	private static float[] similarities(IndexSearcher searcher, List<Fused> fused, float[] vector) throws IOException {
		float[] similarities = new float[fused.size()];
		if (vector == null) {
			Arrays.fill(similarities, Float.NaN);
			return similarities;
		}
		Integer[] order = new Integer[fused.size()];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		Arrays.sort(order, Comparator.comparingInt((i) -> fused.get(i).doc()));
		int[] sortedDocs = new int[order.length];
		for (int i = 0; i < order.length; i++) {
			sortedDocs[i] = fused.get(order[i]).doc();
		}
		float[] scores = VectorRetriever.exactScores(searcher, sortedDocs, vector, true);
		for (int i = 0; i < order.length; i++) {
			similarities[order[i]] = scores[i];
		}
		return similarities;
	}

	/** Both retrievers' candidates, best first. */
	record Retrieved(List<Candidate> bm25, List<Candidate> vector) {

	}

	/** Work done with a searcher. */
	@FunctionalInterface
	interface SearcherWork<T> {

		T apply(IndexSearcher searcher) throws IOException;

	}

}
