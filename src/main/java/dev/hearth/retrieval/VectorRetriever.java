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
 * {@code depth} matching passages when that many exist (Lucene switches to exact search
 * for selective filters). Scores are cosine similarities, since the index and the query
 * vectors are normalised.
 */
final class VectorRetriever {

	private VectorRetriever() {
	}

	/**
	 * The best {@code depth} passages for the normalised query vector within the filter.
	 */
	static List<Candidate> retrieve(IndexSearcher searcher, float[] normalisedQuery, Query filter, int depth)
			throws IOException {
		TopDocs top = searcher.search(new KnnFloatVectorQuery(PassageSchema.VECTOR, normalisedQuery, depth, filter),
				depth);
		int count = top.scoreDocs.length;
		int[] docs = new int[count];
		for (int i = 0; i < count; i++) {
			docs[i] = top.scoreDocs[i].doc;
		}
		Arrays.sort(docs);
		float[] scores = exactScores(searcher, docs, normalisedQuery);
		Integer[] order = new Integer[count];
		for (int i = 0; i < count; i++) {
			order[i] = i;
		}
		Arrays.sort(order, (a, b) -> (scores[a] != scores[b]) ? Float.compare(scores[b], scores[a])
				: Integer.compare(docs[a], docs[b]));
		int[] rankedDocs = new int[count];
		float[] rankedScores = new float[count];
		for (int i = 0; i < count; i++) {
			rankedDocs[i] = docs[order[i]];
			rankedScores[i] = scores[order[i]];
		}
		return CandidateLoader.load(searcher, rankedDocs, rankedScores);
	}

	/**
	 * Dot products with the float vectors of {@code sortedDocs}, which must be ascending.
	 */
	private static float[] exactScores(IndexSearcher searcher, int[] sortedDocs, float[] query) throws IOException {
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
				iterator = values.iterator();
			}
			int target = doc - leaf.docBase;
			if (iterator.docID() < target) {
				iterator.advance(target);
			}
			if (iterator.docID() != target) {
				throw new IllegalStateException("document " + doc + " has no vector");
			}
			scores[i] = VectorUtil.dotProduct(query, values.vectorValue(iterator.index()));
		}
		return scores;
	}

}
