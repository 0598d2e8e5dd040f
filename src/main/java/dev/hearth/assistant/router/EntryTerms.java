package dev.hearth.assistant.router;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

import dev.hearth.retrieval.AnalyzedTerms;

/**
 * BM25 over FAQ entries, each entry one document of its phrasings and its answer,
 * analysed by Lucene's stemming analyzer of the entry's language (English, German, or the
 * standard analyzer for any other), as the knowledge base's passage index does. A score
 * is normalised by the query's own upper bound (every query term matched at the saturated
 * term frequency), so it is an absolute share of the query's term weight an entry covers,
 * in [0, 1], comparable between questions. Immutable and thread-safe (Lucene analyzers
 * reuse their token streams per thread); a query costs one pass over its terms' postings.
 */
public final class EntryTerms {

	/** BM25's term-frequency saturation. */
	static final double K1 = 1.2;

	/** BM25's length normalisation. */
	static final double B = 0.75;

	private static final Map<String, Analyzer> ANALYZERS = Map.of("en", new EnglishAnalyzer(), "de",
			new GermanAnalyzer(), "std", new StandardAnalyzer());

	/** Per analyzer key, the entries analysed by it. */
	private final Map<String, Group> groups = new LinkedHashMap<>();

	private final int size;

	private EntryTerms(int size) {
		this.size = size;
	}

	/**
	 * Indexes the entries.
	 * @param texts per entry (in the order of the scores), its phrasings and answer
	 * @param languages per entry, its ISO 639-1 language code (null for English)
	 * @throws IllegalArgumentException if the lists differ in length
	 */
	public static EntryTerms of(List<String> texts, List<String> languages) {
		Checks.requireNonNull(texts, "texts");
		Checks.requireNonNull(languages, "languages");
		if (texts.size() != languages.size()) {
			throw new IllegalArgumentException(
					"texts has " + texts.size() + " entries, languages has " + languages.size());
		}
		EntryTerms index = new EntryTerms(texts.size());
		for (int i = 0; i < texts.size(); i++) {
			String key = key(languages.get(i));
			index.groups.computeIfAbsent(key, Group::new).add(i, terms(key, texts.get(i)));
		}
		index.groups.values().forEach(Group::freeze);
		return index;
	}

	/** The analyzer key for a language code. */
	static String key(String language) {
		if (language == null || language.isBlank()) {
			return "en";
		}
		String primary = language.strip().toLowerCase(Locale.ROOT);
		primary = primary.split("[-_]", 2)[0];
		return ANALYZERS.containsKey(primary) ? primary : "std";
	}

	static List<String> terms(String key, String text) {
		return AnalyzedTerms.of(ANALYZERS.get(key), "text", text);
	}

	/** How many entries are indexed. */
	public int size() {
		return this.size;
	}

	/**
	 * For each entry, its BM25 score for the query over the query's upper bound, in [0,
	 * 1] (0 for a query without any indexed term).
	 */
	public double[] scores(String query) {
		return scores(query, -1);
	}

	/**
	 * As {@link #scores(String)}, leaving one entry out (-1 for none) as calibration
	 * does.
	 */
	double[] scores(String query, int skipEntry) {
		Checks.requireNonNull(query, "query");
		double[] scores = new double[this.size];
		for (Map.Entry<String, Group> group : this.groups.entrySet()) {
			group.getValue().score(terms(group.getKey(), query), skipEntry, scores);
		}
		return scores;
	}

	/** The entries of one analyzer with their term statistics. */
	private static final class Group {

		private final List<Integer> entries = new ArrayList<>();

		private final List<Map<String, Integer>> frequencies = new ArrayList<>();

		private final List<Integer> lengths = new ArrayList<>();

		private final Map<String, Integer> documentFrequency = new HashMap<>();

		private double averageLength;

		Group(String key) {
		}

		void add(int entry, List<String> terms) {
			Map<String, Integer> tf = new HashMap<>();
			terms.forEach((t) -> tf.merge(t, 1, Integer::sum));
			tf.keySet().forEach((t) -> this.documentFrequency.merge(t, 1, Integer::sum));
			this.entries.add(entry);
			this.frequencies.add(tf);
			this.lengths.add(terms.size());
		}

		void freeze() {
			this.averageLength = Math.max(1, this.lengths.stream().mapToInt(Integer::intValue).average().orElse(1));
		}

		void score(List<String> query, int skipEntry, double[] scores) {
			int n = this.entries.size();
			Map<String, Integer> queryTf = new LinkedHashMap<>();
			query.forEach((t) -> queryTf.merge(t, 1, Integer::sum));
			double bound = 0;
			Map<String, Double> idf = new HashMap<>();
			for (String term : queryTf.keySet()) {
				int df = this.documentFrequency.getOrDefault(term, 0);
				// Lucene's BM25 idf; an unknown term weighs as a term of one document
				double weight = Math.log(1 + (n - Math.max(df, 1) + 0.5) / (Math.max(df, 1) + 0.5));
				idf.put(term, weight);
				bound += weight * queryTf.get(term);
			}
			if (bound <= 0) {
				return;
			}
			for (int d = 0; d < n; d++) {
				int entry = this.entries.get(d);
				if (entry == skipEntry) {
					continue;
				}
				Map<String, Integer> tf = this.frequencies.get(d);
				double norm = K1 * (1 - B + B * this.lengths.get(d) / this.averageLength);
				double score = 0;
				for (Map.Entry<String, Integer> term : queryTf.entrySet()) {
					Integer f = tf.get(term.getKey());
					if (f != null) {
						score += idf.get(term.getKey()) * term.getValue() * f * (K1 + 1) / (f + norm) / (K1 + 1);
					}
				}
				scores[entry] = Math.max(scores[entry], Math.min(1, score / bound));
			}
		}

	}

}
