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
 * to the question, each with its embedding's cosine similarity to the question's, most
 * similar first. Plain Java: built from a search and a vector lookup, so it is tested
 * without Spring. Thread-safe when its collaborators are.
 */
final class DocumentRetrieval {

	/** Hybrid search over the knowledge base. */
	@FunctionalInterface
	interface Search {

		List<SearchHit> search(String query, float[] vector, int top, Map<String, Set<String>> filters);

	}

	/** The stored embeddings of document chunks, by passage id (missing ids left out). */
	@FunctionalInterface
	interface ChunkVectors {

		Map<String, float[]> vectors(List<String> ids);

	}

	private final Search search;

	private final ChunkVectors chunkVectors;

	private final int passages;

	private final Map<String, Set<String>> filters;

	/**
	 * @param passages how many passages to return at most
	 * @param customerAudiences the audience tags whose passages customers may see
	 */
	DocumentRetrieval(Search search, ChunkVectors chunkVectors, int passages, List<String> customerAudiences) {
		if (passages < 1) {
			throw new IllegalArgumentException("passages must be at least 1, got " + passages);
		}
		this.search = search;
		this.chunkVectors = chunkVectors;
		this.passages = passages;
		this.filters = Map.of("audience", new LinkedHashSet<>(customerAudiences));
	}

	List<Passage> retrieve(String query, float[] vector) {
		List<SearchHit> hits = this.search.search(query, vector, this.passages * 2, this.filters)
			.stream()
			.filter((hit) -> hit.kind() == PassageKind.DOCUMENT_CHUNK)
			.limit(this.passages)
			.toList();
		Map<String, float[]> vectors = this.chunkVectors.vectors(hits.stream().map(SearchHit::id).toList());
		List<Passage> result = new ArrayList<>(hits.size());
		for (SearchHit hit : hits) {
			float[] passageVector = vectors.get(hit.id());
			result.add(new Passage(hit, (passageVector != null) ? cosine(vector, passageVector) : 0));
		}
		result.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
		return result;
	}

	static double cosine(float[] a, float[] b) {
		double dot = 0;
		double na = 0;
		double nb = 0;
		for (int i = 0; i < Math.min(a.length, b.length); i++) {
			dot += a[i] * b[i];
			na += a[i] * a[i];
			nb += b[i] * b[i];
		}
		return (na == 0 || nb == 0) ? 0 : dot / Math.sqrt(na * nb);
	}

}
