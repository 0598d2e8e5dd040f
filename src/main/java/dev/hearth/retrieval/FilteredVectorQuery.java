package dev.hearth.retrieval;

import java.io.IOException;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.AcceptDocs;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.knn.KnnCollectorManager;
import org.apache.lucene.search.knn.KnnSearchStrategy;

/**
 * The vector retriever's kNN query over the passage vectors: Lucene's HNSW search, except
 * that a segment where the filter lets through few passages, absolutely and as a share of
 * the segment, is searched exactly: every passage within the filter scored with the
 * quantized vectors, instead of walking the graph (issue 14).
 *
 * <p>
 * A graph search under a filter steps over the passages the filter rejects, so the rarer
 * the filter's passages, the more of the graph it visits for {@code k} of them; Lucene
 * itself searches exactly only when the filter lets through at most {@code k} passages,
 * or after a graph walk has visited as many passages as the filter lets through. An exact
 * search costs a fixed time per passage within the filter, so it is the faster one for a
 * filter that is both rare and small: at 1,000,000 passages a filter to 1% of them
 * (9,781) took 0.7 ms exactly against 3.6 ms through the graph, while one to 5% (49,693)
 * took 9.7 ms exactly against 3.5 to 6.5 ms through the graph (measured in
 * {@code docs/adr/0046-selective-filters-and-overlapped-vector-search.md}). Either way
 * the result is the best {@code k} by quantized score, which {@link VectorRetriever}
 * rescores exactly.
 *
 * <p>
 * Immutable and thread-safe, as Lucene queries are.
 */
final class FilteredVectorQuery extends KnnFloatVectorQuery {

	/**
	 * A segment is searched exactly when the filter lets through at most this share of
	 * its passages...
	 */
	static final double EXACT_MAX_SHARE = VectorRetriever.SELECTIVE_SHARE;

	/** ...and at most this many of them. */
	static final int EXACT_MAX_PASSAGES = 20_000;

	/** What a segment's graph search returns to make Lucene search exactly instead. */
	private static final TopDocs INCOMPLETE = new TopDocs(new TotalHits(0, TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO),
			new ScoreDoc[0]);

	private final double exactMaxShare;

	private final int exactMaxPassages;

	/**
	 * @param target the normalised query vector
	 * @param k how many passages to return
	 * @param filter the passages allowed, or {@code null} for all
	 */
	FilteredVectorQuery(float[] target, int k, Query filter) {
		this(target, k, filter, EXACT_MAX_SHARE, EXACT_MAX_PASSAGES, KnnSearchStrategy.Hnsw.DEFAULT);
	}

	/**
	 * As {@link #FilteredVectorQuery(float[], int, Query)}, with other thresholds; for
	 * tests and probes.
	 */
	FilteredVectorQuery(float[] target, int k, Query filter, double exactMaxShare, int exactMaxPassages,
			KnnSearchStrategy strategy) {
		super(PassageSchema.VECTOR, target, k, filter, strategy);
		this.exactMaxShare = exactMaxShare;
		this.exactMaxPassages = exactMaxPassages;
	}

	@Override
	protected TopDocs approximateSearch(LeafReaderContext context, AcceptDocs acceptDocs, int visitedLimit,
			KnnCollectorManager knnCollectorManager) throws IOException {
		if (getFilter() != null && searchExactly(acceptDocs.cost(), context.reader().maxDoc())) {
			// Lucene searches a segment exactly when its graph search comes back
			// incomplete
			return INCOMPLETE;
		}
		return super.approximateSearch(context, acceptDocs, visitedLimit, knnCollectorManager);
	}

	/**
	 * Whether a segment of {@code maxDoc} passages, {@code accepted} of them within the
	 * filter, is searched exactly.
	 */
	boolean searchExactly(int accepted, int maxDoc) {
		return accepted <= this.exactMaxPassages && accepted <= this.exactMaxShare * maxDoc;
	}

}
