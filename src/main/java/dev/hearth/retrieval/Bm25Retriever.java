package dev.hearth.retrieval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.QueryBuilder;

/**
 * The BM25 retriever: analyses the query text once per language field and searches the
 * fields together (a passage lives in exactly one of them). Thread-safe.
 */
final class Bm25Retriever {

	/**
	 * Query terms kept per language field; 8 fields times 100 stays under 1024 clauses.
	 */
	static final int MAX_TERMS_PER_FIELD = 100;

	private final LanguageAnalyzers analyzers;

	private final QueryBuilder queryBuilder;

	private final SlicedSearch sliced;

	private final WordSenses englishSenses;

	/**
	 * @param sliced splits a search of a large index over the cores; the retriever does
	 * not close it
	 */
	Bm25Retriever(LanguageAnalyzers analyzers, SlicedSearch sliced) {
		this.analyzers = analyzers;
		this.queryBuilder = new QueryBuilder(analyzers.queryAnalyzer(MAX_TERMS_PER_FIELD));
		this.sliced = sliced;
		String english = PassageSchema.textField("en");
		this.englishSenses = WordSenses.bundled(WordSenses.ENGLISH, (word) -> analyzers.terms(english, word));
	}

	/**
	 * The text query over the language fields that the filters allow and the index has,
	 * or {@code null} when the text has no searchable term in any of them (only stop
	 * words, say). Each field keeps the first {@value #MAX_TERMS_PER_FIELD} terms, so
	 * that a pasted wall of text stays under Lucene's limit of 1024 clauses per query.
	 */
	Query textQuery(String text, Map<String, Set<String>> filters, IndexReader reader) {
		return textQuery(text, filters, reader, 0);
	}

	/**
	 * As {@link #textQuery(String, Map, IndexReader)}, the English field also asking, at
	 * {@code senseWeight} of a term's own weight, for the other words of the
	 * {@link WordSenses} groups the text's words belong to; 0 asks for the text's words
	 * only.
	 */
	Query textQuery(String text, Map<String, Set<String>> filters, IndexReader reader, double senseWeight) {
		BooleanQuery.Builder builder = new BooleanQuery.Builder();
		int clauses = 0;
		for (String key : languageKeys(filters)) {
			String field = PassageSchema.textField(key);
			if (!hasField(reader, field)) {
				continue;
			}
			Query query = this.queryBuilder.createBooleanQuery(field, text);
			if (query != null && senseWeight > 0 && "en".equals(key)) {
				query = withSenses(query, field, text, senseWeight);
			}
			if (query != null) {
				builder.add(query, Occur.SHOULD);
				clauses++;
			}
		}
		return (clauses == 0) ? null : builder.build();
	}

	private Query withSenses(Query query, String field, String text, double senseWeight) {
		List<String> terms = this.analyzers.terms(field, text);
		Set<String> others = this.englishSenses.others(terms.subList(0, Math.min(terms.size(), MAX_TERMS_PER_FIELD)));
		if (others.isEmpty()) {
			return query;
		}
		BooleanQuery.Builder senses = new BooleanQuery.Builder();
		others.forEach((term) -> senses.add(new TermQuery(new Term(field, term)), Occur.SHOULD));
		return new BooleanQuery.Builder().add(query, Occur.SHOULD)
			.add(new BoostQuery(senses.build(), (float) senseWeight), Occur.SHOULD)
			.build();
	}

	/**
	 * Whether some passage's text holds the word, as BM25 reads it: analysed by each
	 * language field's analyzer, a term of it in that field. A word that a field's
	 * analyzer drops (a stop word there) counts as held: nothing is known against it.
	 */
	boolean holds(IndexReader reader, String word) throws IOException {
		for (String key : this.analyzers.keys()) {
			String field = PassageSchema.textField(key);
			if (!hasField(reader, field)) {
				continue;
			}
			List<String> terms = this.analyzers.terms(field, word);
			if (terms.isEmpty()) {
				return true;
			}
			for (String term : terms) {
				if (reader.docFreq(new Term(field, term)) > 0) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * In how many passages of one language every analysed term of a phrase occurs
	 * together (0 when the language has no passages; a phrase of stop words only is in
	 * none, as it says nothing).
	 */
	int passagesHolding(IndexSearcher searcher, String phrase, String language) throws IOException {
		String field = PassageSchema.textField(LanguageAnalyzers.keyFor(language));
		if (!hasField(searcher.getIndexReader(), field)) {
			return 0;
		}
		List<List<String>> each = new LinkedHashSet<>(this.analyzers.terms(field, phrase)).stream()
			.map(List::of)
			.toList();
		return countTogether(searcher, field, each);
	}

	/**
	 * In how many passages of one language a phrase occurs as a phrase: its analysed
	 * terms next to each other, in order (a stop word between them keeps its place). A
	 * phrase of one word is counted as {@link #passagesHolding}; 0 when the language has
	 * no passages or the phrase is stop words only.
	 */
	int passagesWithPhrase(IndexSearcher searcher, String phrase, String language) throws IOException {
		String field = PassageSchema.textField(LanguageAnalyzers.keyFor(language));
		if (!hasField(searcher.getIndexReader(), field)) {
			return 0;
		}
		Query query = new QueryBuilder(this.analyzers.perField()).createPhraseQuery(field, phrase);
		return (query != null) ? searcher.count(query) : 0;
	}

	/**
	 * Whether one passage's text holds every word, as BM25 reads them: in some language
	 * field, a passage with a term of each word (any of its forms). Words that a field's
	 * analyzer drops are not asked for there; a field that drops them all does not count.
	 * @param words each word's forms as written ("adapters", "adapter")
	 */
	boolean holdsTogether(IndexSearcher searcher, List<? extends Collection<String>> words) throws IOException {
		IndexReader reader = searcher.getIndexReader();
		for (String key : this.analyzers.keys()) {
			String field = PassageSchema.textField(key);
			if (!hasField(reader, field)) {
				continue;
			}
			List<List<String>> groups = new ArrayList<>();
			for (Collection<String> forms : words) {
				List<String> terms = new ArrayList<>();
				for (String form : forms) {
					terms.addAll(this.analyzers.terms(field, form));
				}
				groups.add(terms);
			}
			if (countTogether(searcher, field, groups) > 0) {
				return true;
			}
		}
		return false;
	}

	/**
	 * In how many passages the field holds a term of every group (a group's terms are
	 * alternatives: a word's forms); empty groups are not asked for, and with none left
	 * the count is 0.
	 */
	private static int countTogether(IndexSearcher searcher, String field, List<List<String>> groups)
			throws IOException {
		BooleanQuery.Builder all = new BooleanQuery.Builder();
		int clauses = 0;
		for (List<String> group : groups) {
			if (group.isEmpty()) {
				continue;
			}
			BooleanQuery.Builder any = new BooleanQuery.Builder();
			for (String term : group) {
				any.add(new TermQuery(new Term(field, term)), Occur.SHOULD);
			}
			all.add(any.build(), Occur.MUST);
			clauses++;
		}
		return (clauses == 0) ? 0 : searcher.count(all.build());
	}

	private static boolean hasField(IndexReader reader, String field) {
		for (LeafReaderContext leaf : reader.leaves()) {
			if (leaf.reader().getFieldInfos().fieldInfo(field) != null) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The best {@code depth} passages for the text query within the filter, ties in
	 * document order; a large index is searched in parts at once (see
	 * {@link SlicedSearch}), with the same result.
	 */
	List<Candidate> retrieve(IndexSearcher searcher, Query textQuery, Query filter, int depth) throws IOException {
		if (textQuery == null) {
			return List.of();
		}
		Query query = textQuery;
		if (filter != null) {
			query = new BooleanQuery.Builder().add(textQuery, Occur.MUST).add(filter, Occur.FILTER).build();
		}
		TopDocs top = this.sliced.search(searcher, query, depth);
		int[] docs = new int[top.scoreDocs.length];
		float[] scores = new float[docs.length];
		for (int i = 0; i < docs.length; i++) {
			ScoreDoc hit = top.scoreDocs[i];
			docs[i] = hit.doc;
			scores[i] = hit.score;
		}
		return CandidateLoader.load(searcher, docs, scores);
	}

	/** The searcher's splitter, which also runs work alongside a search. */
	SlicedSearch sliced() {
		return this.sliced;
	}

	private Set<String> languageKeys(Map<String, Set<String>> filters) {
		Set<String> languages = filters.get(PassageSchema.LANGUAGE);
		if (languages == null) {
			return new LinkedHashSet<>(this.analyzers.keys());
		}
		Set<String> keys = new LinkedHashSet<>();
		languages.forEach((language) -> keys.add(LanguageAnalyzers.keyFor(language)));
		return keys;
	}

}
