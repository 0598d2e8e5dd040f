package dev.hearth.retrieval;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.VectorUtil;

/**
 * The vector retriever: approximate HNSW search over the quantized vectors, pre-filtered,
 * then an exact rescoring of the candidates with the stored float vectors. Stateless and
 * thread-safe.
 *
 * <p>
 * The filter goes into the HNSW search itself, so a filtered search still finds
 * {@code depth} matching passages when that many exist; a segment where the filter lets
 * through few passages is searched exactly instead ({@link FilteredVectorQuery}). Scores
 * are cosine similarities, since the index and the query vectors are normalised.
 *
 * <p>
 * The graph search keeps at least {@value #MIN_HNSW_K} candidates (Lucene's {@code k} is
 * also the search beam width), more than the fusion needs: on a 100,000-passage index
 * this lifts recall@10 against exact search from 0.98 to above 0.99 for a fraction of a
 * millisecond (see {@code docs/adr/0002-quantized-hnsw.md}). Under a selective filter (at
 * most {@value #SELECTIVE_SHARE} of the passages) it keeps at least
 * {@value #MIN_SELECTIVE_HNSW_K}: such a walk steps over many rejected passages for each
 * one it keeps, so its 50 candidates hold the exact top 10 as often as 100 do without a
 * filter, at half the cost (see
 * {@code docs/adr/0046-selective-filters-and-overlapped-vector-search.md}).
 */
final class VectorRetriever {

	/** The least number of candidates the HNSW search collects before exact rescoring. */
	static final int MIN_HNSW_K = 100;

	/**
	 * The least number of candidates the HNSW search collects under a selective filter.
	 */
	static final int MIN_SELECTIVE_HNSW_K = 50;

	/** The largest share of the passages a selective filter lets through. */
	static final double SELECTIVE_SHARE = 0.10;

	private VectorRetriever() {
	}

	/**
	 * The best {@code depth} passages for the normalised query vector within the filter.
	 */
	static List<Candidate> retrieve(IndexSearcher searcher, float[] normalisedQuery, Query filter, int depth)
			throws IOException {
		int least = (filter != null && selective(searcher, filter)) ? MIN_SELECTIVE_HNSW_K : MIN_HNSW_K;
		return retrieve(searcher, normalisedQuery, filter, depth, Math.max(depth, least));
	}

	/**
	 * Whether the filter lets through at most {@value #SELECTIVE_SHARE} of the index's
	 * passages.
	 */
	static boolean selective(IndexSearcher searcher, Query filter) throws IOException {
		return searcher.count(filter) <= SELECTIVE_SHARE * searcher.getIndexReader().maxDoc();
	}

	/**
	 * The best {@code depth} of the {@code hnswK} passages the graph search returns,
	 * after exact rescoring.
	 */
	static List<Candidate> retrieve(IndexSearcher searcher, float[] normalisedQuery, Query filter, int depth, int hnswK)
			throws IOException {
		return retrieve(searcher, new FilteredVectorQuery(normalisedQuery, hnswK, filter), normalisedQuery, depth);
	}

	/**
	 * The best {@code depth} of the passages {@code query} returns, after exact
	 * rescoring; for probes that compare kNN queries.
	 */
	static List<Candidate> retrieve(IndexSearcher searcher, KnnFloatVectorQuery query, float[] normalisedQuery,
			int depth) throws IOException {
		TopDocs top = searcher.search(query, query.getK());
		int count = top.scoreDocs.length;
		int[] docs = new int[count];
		for (int i = 0; i < count; i++) {
			docs[i] = top.scoreDocs[i].doc;
		}
		Arrays.sort(docs);
		float[] scores = exactScores(searcher, docs, normalisedQuery, false);
		Integer[] order = new Integer[count];
		for (int i = 0; i < count; i++) {
			order[i] = i;
		}
		Arrays.sort(order, (a, b) -> (scores[a] != scores[b]) ? Float.compare(scores[b], scores[a])
				: Integer.compare(docs[a], docs[b]));
		int kept = Math.min(count, depth);
		int[] rankedDocs = new int[kept];
		float[] rankedScores = new float[kept];
		for (int i = 0; i < kept; i++) {
			rankedDocs[i] = docs[order[i]];
			rankedScores[i] = scores[order[i]];
		}
		return CandidateLoader.load(searcher, rankedDocs, rankedScores);
	}

	/**
	 * Dot products with the float vectors of {@code sortedDocs}, which must be ascending:
	 * cosine similarities, as the index and the query vectors are normalised. A document
	 * without a vector gets {@link Float#NaN} when {@code lenient}, else fails.
	 */
	static float[] exactScores(IndexSearcher searcher, int[] sortedDocs, float[] query, boolean lenient)
			throws IOException {
		float[] scores = new float[sortedDocs.length];
		List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
		LeafReaderContext leaf = null;
		FloatVectorValues values = null;
		KnnVectorValues.DocIndexIterator iterator = null;
		for (int i = 0; i < sortedDocs.length; i++) {
			int doc = sortedDocs[i];
			if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
				leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
				values = leaf.reader().getFloatVectorValues(PassageSchema.VECTOR);
				iterator = (values != null) ? values.iterator() : null;
			}
			int target = doc - leaf.docBase;
			if (iterator != null && iterator.docID() < target) {
				iterator.advance(target);
			}
			if (iterator == null || iterator.docID() != target) {
				if (lenient) {
					scores[i] = Float.NaN;
					continue;
				}
				throw new IllegalStateException("document " + doc + " has no vector");
			}
			scores[i] = VectorUtil.dotProduct(query, values.vectorValue(iterator.index()));
		}
		return scores;
	}

}
