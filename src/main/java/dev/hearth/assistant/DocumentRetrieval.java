package dev.hearth.assistant;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.hearth.retrieval.PassageKind;
import dev.hearth.retrieval.SearchHit;

/**
 * The pipeline's second stage: the document passages customers may see that are closest
 * to the question, each with the cosine similarity of its embedding to the question's
 * that retrieval computed ({@link SearchHit#similarity()}), most similar first. Plain
 * Java: built from a search, so it is tested without Spring. Thread-safe when its
 * collaborators are.
 */
final class DocumentRetrieval {

	/** Hybrid search over the knowledge base. */
	@FunctionalInterface
	interface Search {

		List<SearchHit> search(String query, float[] vector, int top, Map<String, Set<String>> filters);

	}

	private final Search search;

	private final int passages;

	private final Map<String, Set<String>> filters;

	/**
	 * @param passages how many passages to return at most
	 * @param customerAudiences the audience tags whose passages customers may see
	 */
	DocumentRetrieval(Search search, int passages, List<String> customerAudiences) {
		if (passages < 1) {
			throw new IllegalArgumentException("passages must be at least 1, got " + passages);
		}
		this.search = search;
		this.passages = passages;
		this.filters = Map.of("audience", new LinkedHashSet<>(customerAudiences));
	}

	List<Passage> retrieve(String query, float[] vector) {
		List<SearchHit> hits = this.search.search(query, vector, this.passages * 2, this.filters)
			.stream()
			.filter((hit) -> hit.kind() == PassageKind.DOCUMENT_CHUNK)
			.limit(this.passages)
			.toList();
		List<Passage> result = new ArrayList<>(hits.size());
		for (SearchHit hit : hits) {
			result.add(new Passage(hit, Float.isNaN(hit.similarity()) ? 0 : hit.similarity()));
		}
		result.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
		return result;
	}

}
