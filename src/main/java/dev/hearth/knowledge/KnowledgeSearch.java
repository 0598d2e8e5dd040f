package dev.hearth.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.store.AlreadyClosedException;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.stereotype.Service;

import dev.hearth.retrieval.Fusion;
import dev.hearth.retrieval.HybridSearcher;
import dev.hearth.retrieval.PassageKind;
import dev.hearth.retrieval.PassageQuery;
import dev.hearth.retrieval.SearchHit;

/**
 * Hybrid search over the knowledge base: the question is embedded, then BM25 and vector
 * results are fused. Filters keep a caller to the passages meant for it (audience,
 * product, language). Thread-safe.
 */
@Service
public class KnowledgeSearch {

	static final int MAX_QUERY_CHARS = 2000;

	static final int MAX_TOP = 100;

	private final EmbeddingModel embeddings;

	private final KnowledgeIndex index;

	private final KnowledgeProperties properties;

	KnowledgeSearch(EmbeddingModel embeddings, KnowledgeIndex index, KnowledgeProperties properties) {
		this.embeddings = embeddings;
		this.index = index;
		this.properties = properties;
	}

	/**
	 * @param query the question
	 * @param top how many results, 1 to 100 ({@code null} for the configured default)
	 * @param filters tag key to accepted values
	 * @param fusion how to combine the retrievers ({@code null} for the configured
	 * default)
	 */
	public SearchResults search(String query, Integer top, Map<String, Set<String>> filters, Fusion fusion) {
		if (query == null || query.isBlank()) {
			throw new IllegalArgumentException("the query is empty: say what to search for");
		}
		if (query.length() > MAX_QUERY_CHARS) {
			throw new IllegalArgumentException(
					"the query has " + query.length() + " characters, at most " + MAX_QUERY_CHARS + " are allowed");
		}
		int n = (top != null) ? top : this.properties.search().defaultTop();
		if (n < 1 || n > MAX_TOP) {
			throw new IllegalArgumentException("top must be between 1 and " + MAX_TOP + ", got " + n);
		}
		long started = System.nanoTime();
		float[] vector = this.embeddings.embed(query.strip());
		long embedded = System.nanoTime();
		SearchResults results = search(query, vector, n, filters, fusion);
		return new SearchResults(results.hits(), (embedded - started) / 1000, results.searchMicros());
	}

	/**
	 * Searches with a question that is already embedded (the answer pipeline embeds once
	 * for routing and retrieval).
	 * @param query the question
	 * @param vector its embedding
	 * @param top how many results, 1 to 100
	 * @param filters tag key to accepted values
	 */
	public SearchResults search(String query, float[] vector, int top, Map<String, Set<String>> filters) {
		return search(query, vector, top, filters, this.properties.search().fusion());
	}

	/**
	 * The best {@code wanted} passages of one kind among the best {@code top} groups of
	 * all kinds, with their ranks among all passages, asking for {@code factor} times as
	 * many groups while fewer are of the kind, up to {@code maxTop}
	 * ({@link dev.hearth.retrieval.HybridSearcher#search(PassageQuery, PassageKind, int, int, int)}).
	 * @param vector the question's embedding, or {@code null} to embed the question here
	 * (once for every depth)
	 */
	public List<SearchHit> search(String query, float[] vector, PassageKind kind, int wanted, int top, int factor,
			int maxTop, Map<String, Set<String>> filters) {
		if (maxTop > MAX_TOP) {
			throw new IllegalArgumentException("maxTop must be at most " + MAX_TOP + ", got " + maxTop);
		}
		float[] embedded = (vector != null) ? vector : this.embeddings.embed(query.strip());
		PassageQuery passageQuery = new PassageQuery(query.strip(), embedded, top,
				(filters != null) ? filters : Map.of(), this.properties.search().fusion(),
				this.properties.search().senseWeight());
		return read((searcher) -> searcher.search(passageQuery, kind, wanted, factor, maxTop), "searched");
	}

	/**
	 * The words that no passage of the knowledge base holds, FAQ entry or document, of
	 * any audience ({@link dev.hearth.retrieval.HybridSearcher#unheld}): what it never
	 * names.
	 * @param words words as written (each is analysed as the index analyses text)
	 */
	public Set<String> unknownWords(Collection<String> words) {
		return read((searcher) -> searcher.unheld(words), "read");
	}

	/**
	 * In how many passages written in the language every word of a phrase occurs, of any
	 * kind or audience: how much the knowledge base uses it.
	 */
	public int passagesHolding(String phrase, String language) {
		return read((searcher) -> searcher.passagesHolding(phrase, language), "read");
	}

	/**
	 * In how many passages written in the language a phrase occurs as written (its words
	 * next to each other, in order), of any kind or audience: how much the knowledge base
	 * uses the phrase, not only its words.
	 */
	public int passagesWithPhrase(String phrase, String language) {
		return read((searcher) -> searcher.passagesWithPhrase(phrase, language), "read");
	}

	/**
	 * Whether one passage of the knowledge base, FAQ entry or document, of any audience,
	 * holds all the words ({@link dev.hearth.retrieval.HybridSearcher#heldTogether}).
	 * @param words each word's forms as written
	 */
	public boolean wordsHeldTogether(List<? extends Collection<String>> words) {
		return read((searcher) -> searcher.heldTogether(words), "read");
	}

	private SearchResults search(String query, float[] vector, int n, Map<String, Set<String>> filters, Fusion fusion) {
		if (n < 1 || n > MAX_TOP) {
			throw new IllegalArgumentException("top must be between 1 and " + MAX_TOP + ", got " + n);
		}
		long embedded = System.nanoTime();
		PassageQuery passageQuery = new PassageQuery(query.strip(), vector, n, (filters != null) ? filters : Map.of(),
				(fusion != null) ? fusion : this.properties.search().fusion(), this.properties.search().senseWeight());
		List<SearchHit> hits = read((searcher) -> searcher.search(passageQuery), "searched");
		long done = System.nanoTime();
		return new SearchResults(hits, 0, (done - embedded) / 1000);
	}

	/**
	 * A read of the current index; when the index was replaced during it (rebuilt after
	 * its folder was lost), once more on the new one.
	 * @param what what could not be done, for the error ("searched", "read")
	 */
	private <T> T read(IndexRead<T> read, String what) {
		try {
			try {
				return read.on(this.index.passages().searcher());
			}
			catch (AlreadyClosedException ex) {
				return read.on(this.index.passages().searcher());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The index could not be " + what, ex);
		}
	}

	/** A read of one searcher of the index. */
	@FunctionalInterface
	private interface IndexRead<T> {

		T on(HybridSearcher searcher) throws IOException;

	}

}
