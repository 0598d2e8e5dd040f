package dev.hearth.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

import org.apache.lucene.document.Document;
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

	/**
	 * Passages below which {@link #search(PassageQuery, PassageKind, int, int, int)}
	 * fetches BM25's candidates once, as deep as its last round may need.
	 */
	static final int SMALL_INDEX = 100_000;

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
			Query text = textQuery(searcher, query);
			return toHits(searcher, fused(searcher, text, vector, filter, query.fusion(), query.topK(), null), vector);
		}
		finally {
			this.index.release(searcher);
		}
	}

	/**
	 * The words that no passage of the index holds, of any kind or audience, as BM25
	 * reads them ({@link Bm25Retriever#holds}): what the knowledge base never names. One
	 * term lookup per word and language field.
	 * @throws IOException if Lucene fails to read the index
	 */
	public Set<String> unheld(Collection<String> words) throws IOException {
		Checks.requireNonNull(words, "words");
		IndexSearcher searcher = this.index.acquire();
		try {
			Set<String> unheld = new LinkedHashSet<>();
			for (String word : words) {
				if (!this.bm25.holds(searcher.getIndexReader(), word)) {
					unheld.add(word);
				}
			}
			return unheld;
		}
		finally {
			this.index.release(searcher);
		}
	}

	/**
	 * In how many passages written in the language all words of a phrase occur together,
	 * as BM25 reads them ({@link Bm25Retriever#passagesHolding}), of any kind or
	 * audience.
	 */
	public int passagesHolding(String phrase, String language) throws IOException {
		Checks.requireNonNull(phrase, "phrase");
		Checks.requireNonNull(language, "language");
		return withSearcher((searcher) -> this.bm25.passagesHolding(searcher, phrase, language));
	}

	/**
	 * In how many passages written in the language a phrase occurs as a phrase (its words
	 * next to each other, in order, as BM25 reads them:
	 * {@link Bm25Retriever#passagesWithPhrase}), of any kind or audience.
	 */
	public int passagesWithPhrase(String phrase, String language) throws IOException {
		Checks.requireNonNull(phrase, "phrase");
		Checks.requireNonNull(language, "language");
		return withSearcher((searcher) -> this.bm25.passagesWithPhrase(searcher, phrase, language));
	}

	/**
	 * Whether one passage of the index, of any kind or audience, holds every word as BM25
	 * reads them ({@link Bm25Retriever#holdsTogether}): whether the knowledge base names
	 * these words together anywhere. One count query per language field.
	 * @param words each word's forms as written
	 * @throws IOException if Lucene fails to read the index
	 */
	public boolean heldTogether(List<? extends Collection<String>> words) throws IOException {
		Checks.requireNonNull(words, "words");
		return withSearcher((searcher) -> this.bm25.holdsTogether(searcher, words));
	}

	/**
	 * The best {@code wanted} passages of one kind among the best groups of all kinds,
	 * with their fused and vector ranks among all passages and their BM25 rank among the
	 * groups of their kind (the groups of other kinds BM25 ranked before them not
	 * counted: a short FAQ phrasing outranks every section on its topic): what filtering
	 * {@link #search} for {@code query.topK()} groups by kind gives, asked again for
	 * {@code factor} times as many groups while it gives fewer than {@code wanted} of the
	 * kind and its groups were not all there are, up to {@code maxTop} groups. The same
	 * hits as those searches, for less work: BM25's lists taken from the deepest one
	 * fetched ({@code Fetched}; below {@value #SMALL_INDEX} passages one fetch as deep as
	 * the last round may need), and stored fields and similarities read only for the
	 * groups looked at.
	 * @throws IllegalArgumentException as {@link #search}, or if {@code wanted} is below
	 * 1, {@code factor} below 2 or {@code maxTop} below {@code query.topK()}
	 */
	public List<SearchHit> search(PassageQuery query, PassageKind kind, int wanted, int factor, int maxTop)
			throws IOException {
		Checks.requireNonNull(query, "query");
		Checks.requireNonNull(kind, "kind");
		if (wanted < 1) {
			throw new IllegalArgumentException("wanted must be at least 1, got " + wanted);
		}
		if (factor < 2) {
			throw new IllegalArgumentException("factor must be at least 2, got " + factor);
		}
		if (maxTop < query.topK() || maxTop > PassageQuery.MAX_TOP_K) {
			throw new IllegalArgumentException("maxTop must be between topK (" + query.topK() + ") and "
					+ PassageQuery.MAX_TOP_K + ", got " + maxTop);
		}
		float[] vector = prepareVector(query);
		IndexSearcher searcher = this.index.acquire();
		try {
			Query filter = PassageSchema.filter(query.filters());
			Query text = textQuery(searcher, query);
			StoredFields storedFields = searcher.storedFields();
			Map<Integer, Document> documents = new HashMap<>();
			IntFunction<Document> document = (doc) -> documents.computeIfAbsent(doc, (key) -> read(storedFields, key));
			IntPredicate ofKind = (doc) -> kind.name().equals(document.apply(doc).get(PassageSchema.KIND));
			// on a small index a BM25 search scores nearly every match at any depth asked
			// here, and what it costs is setting up each term in each segment: one
			// fetch as deep as the last round may need serves every round
			Fetched fetched = new Fetched(
					(searcher.getIndexReader().maxDoc() < SMALL_INDEX) ? initialDepth(maxTop) : 0);
			for (int top = query.topK();; top = Math.min(maxTop, top * factor)) {
				List<Fused> groups = fused(searcher, text, vector, filter, query.fusion(), top, fetched);
				List<Fused> kept = groups.stream().filter((group) -> ofKind.test(group.doc())).limit(wanted).toList();
				if (kept.size() == wanted || groups.size() < top || top == maxTop) {
					float[] similarities = similarities(searcher, kept, vector);
					List<SearchHit> hits = new ArrayList<>(kept.size());
					for (int i = 0; i < kept.size(); i++) {
						hits.add(PassageSchema.toHit(document.apply(kept.get(i).doc()),
								amongKind(kept.get(i), groups, ofKind), similarities[i]));
					}
					return hits;
				}
			}
		}
		finally {
			this.index.release(searcher);
		}
	}

	/**
	 * The hit with its BM25 rank among the groups of its kind: the groups of other kinds
	 * BM25 ranked before it are not counted.
	 */
	private static Fused amongKind(Fused hit, List<Fused> groups, IntPredicate ofKind) {
		int others = 0;
		for (Fused group : groups) {
			if (group.bm25Rank() >= 1 && group.bm25Rank() < hit.bm25Rank() && !ofKind.test(group.doc())) {
				others++;
			}
		}
		return (others == 0) ? hit : new Fused(hit.doc(), hit.id(), hit.groupKey(), hit.score(),
				hit.bm25Rank() - others, hit.vectorRank());
	}

	private static Document read(StoredFields storedFields, int doc) {
		try {
			return storedFields.document(doc);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The best {@code topK} groups, deepening the candidate lists as the class comment
	 * says.
	 * @param fetched the candidate lists fetched so far for the same query, reused where
	 * a fetch would return the same, or {@code null} to fetch every list
	 */
	private List<Fused> fused(IndexSearcher searcher, Query text, float[] vector, Query filter, Fusion fusion, int topK,
			Fetched fetched) throws IOException {
		int depth = initialDepth(topK);
		for (int round = 0;; round++) {
			Retrieved retrieved = (fetched != null) ? fetched.retrieve(searcher, text, vector, filter, depth)
					: retrieve(searcher, text, vector, filter, depth);
			List<Fused> hits = ScoreFusion.collapse(ScoreFusion.fuse(fusion, retrieved.bm25(), retrieved.vector()),
					topK);
			boolean exhausted = retrieved.bm25().size() < depth && retrieved.vector().size() < depth;
			if (hits.size() == topK || exhausted || round == MAX_DEEPENINGS) {
				return hits;
			}
			depth *= DEPTH_FACTOR;
		}
	}

	/**
	 * The candidate lists fetched for one query at several depths. BM25's best
	 * {@code depth} are the first {@code depth} of any deeper fetch (its scores are exact
	 * and ties go to the lower document number), so the deepest list serves every
	 * shallower one; the vector search is approximate, so its list is reused only for the
	 * same depth, or when it held every passage within the filters (a deeper fetch finds
	 * no more). Not thread-safe: one per search.
	 */
	private final class Fetched {

		/** The least depth of a BM25 fetch. */
		private final int bm25AtLeast;

		private List<Candidate> bm25;

		private int bm25Depth;

		private List<Candidate> vector;

		private int vectorDepth;

		/**
		 * @param bm25AtLeast the least depth of a BM25 fetch: the deepest the search may
		 * need, where a deeper fetch costs about what a shallow one costs
		 */
		Fetched(int bm25AtLeast) {
			this.bm25AtLeast = bm25AtLeast;
		}

		Retrieved retrieve(IndexSearcher searcher, Query text, float[] query, Query filter, int depth)
				throws IOException {
			boolean fetchBm25 = this.bm25 == null || (depth > this.bm25Depth && this.bm25.size() == this.bm25Depth);
			boolean fetchVector = this.vector == null || (depth != this.vectorDepth
					&& !(this.vector.size() < this.vectorDepth && depth > this.vector.size()));
			if (fetchBm25 && fetchVector) {
				int fetch = Math.max(depth, this.bm25AtLeast);
				Retrieved both = HybridSearcher.this.retrieve(searcher, text, fetch, query, depth, filter);
				this.bm25 = both.bm25();
				this.bm25Depth = fetch;
				this.vector = both.vector();
				this.vectorDepth = depth;
			}
			else if (fetchBm25) {
				int fetch = Math.max(depth, this.bm25AtLeast);
				this.bm25 = (text != null) ? HybridSearcher.this.bm25.retrieve(searcher, text, filter, fetch)
						: List.of();
				this.bm25Depth = fetch;
			}
			else if (fetchVector) {
				this.vector = (query != null) ? VectorRetriever.retrieve(searcher, query, filter, depth) : List.of();
				this.vectorDepth = depth;
			}
			return new Retrieved(this.bm25.subList(0, Math.min(depth, this.bm25.size())), this.vector);
		}

	}

	/** The candidate lists of the first round, unfused; for evaluation. */
	Retrieved retrieve(PassageQuery query) throws IOException {
		float[] vector = prepareVector(query);
		IndexSearcher searcher = this.index.acquire();
		try {
			Query filter = PassageSchema.filter(query.filters());
			Query text = textQuery(searcher, query);
			return retrieve(searcher, text, vector, filter, initialDepth(query.topK()));
		}
		finally {
			this.index.release(searcher);
		}
	}

	/** Runs {@code work} with a searcher over the last commit. */
	<T> T withSearcher(SearcherWork<T> work) throws IOException {
		IndexSearcher searcher = this.index.acquire();
		try {
			return work.apply(searcher);
		}
		finally {
			this.index.release(searcher);
		}
	}

	/** The query's BM25 text query, or {@code null} when its fusion uses no text. */
	private Query textQuery(IndexSearcher searcher, PassageQuery query) {
		return query.fusion().usesText()
				? this.bm25.textQuery(query.text(), query.filters(), searcher.getIndexReader(), query.senseWeight())
				: null;
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
		return retrieve(searcher, text, depth, vector, depth, filter);
	}

	/**
	 * BM25's best {@code bm25Depth} and the vector search's best {@code vectorDepth}
	 * within the filter, either list empty when its query is {@code null}. When both run,
	 * the vector search is handed to the BM25 search's pool first
	 * ({@link SlicedSearch#fork}), so that on a large index it runs while BM25 is
	 * searched rather than after it; the lists are the same either way.
	 */
	private Retrieved retrieve(IndexSearcher searcher, Query text, int bm25Depth, float[] vector, int vectorDepth,
			Query filter) throws IOException {
		if (text == null || vector == null) {
			List<Candidate> bm25 = (text != null) ? this.bm25.retrieve(searcher, text, filter, bm25Depth) : List.of();
			List<Candidate> vectors = (vector != null) ? VectorRetriever.retrieve(searcher, vector, filter, vectorDepth)
					: List.of();
			return new Retrieved(bm25, vectors);
		}
		SlicedSearch.Forked<List<Candidate>> vectors = this.bm25.sliced()
			.fork(searcher, () -> VectorRetriever.retrieve(searcher, vector, filter, vectorDepth));
		List<Candidate> bm25;
		try {
			bm25 = this.bm25.retrieve(searcher, text, filter, bm25Depth);
		}
		catch (IOException | RuntimeException | Error ex) {
			vectors.abandon();
			throw ex;
		}
		return new Retrieved(bm25, vectors.join());
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
