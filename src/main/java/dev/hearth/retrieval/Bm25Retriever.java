package dev.hearth.retrieval;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.QueryBuilder;

/**
 * The BM25 retriever: analyses the query text once per language field and searches the
 * fields together (a passage lives in exactly one of them). Thread-safe.
 */
final class Bm25Retriever {

	private final LanguageAnalyzers analyzers;

	private final QueryBuilder queryBuilder;

	Bm25Retriever(LanguageAnalyzers analyzers) {
		this.analyzers = analyzers;
		this.queryBuilder = new QueryBuilder(analyzers.perField());
	}

	/**
	 * The text query over the language fields the filters allow, or {@code null} when the
	 * text has no searchable term in any of them (only stop words, say).
	 */
	Query textQuery(String text, Map<String, Set<String>> filters) {
		BooleanQuery.Builder builder = new BooleanQuery.Builder();
		int clauses = 0;
		for (String key : languageKeys(filters)) {
			Query query = this.queryBuilder.createBooleanQuery(PassageSchema.textField(key), text);
			if (query != null) {
				builder.add(query, Occur.SHOULD);
				clauses++;
			}
		}
		return (clauses == 0) ? null : builder.build();
	}

	/** The best {@code depth} passages for the text query within the filter. */
	List<Candidate> retrieve(IndexSearcher searcher, Query textQuery, Query filter, int depth) throws IOException {
		if (textQuery == null) {
			return List.of();
		}
		Query query = textQuery;
		if (filter != null) {
			query = new BooleanQuery.Builder().add(textQuery, Occur.MUST).add(filter, Occur.FILTER).build();
		}
		TopDocs top = searcher.search(query, depth);
		int[] docs = new int[top.scoreDocs.length];
		float[] scores = new float[docs.length];
		for (int i = 0; i < docs.length; i++) {
			ScoreDoc hit = top.scoreDocs[i];
			docs[i] = hit.doc;
			scores[i] = hit.score;
		}
		return CandidateLoader.load(searcher, docs, scores);
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
