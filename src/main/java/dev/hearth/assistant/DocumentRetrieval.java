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

		/**
		 * @param vector the query's embedding, or {@code null} to embed the query here
		 */
		List<SearchHit> search(String query, float[] vector, int top, Map<String, Set<String>> filters);

	}

	/** Earlier customer messages searched with the question, at most. */
	static final int MAX_HISTORY_TURNS = 2;

	/** The most of the previous answer searched with the question. */
	static final int MAX_ANSWER_CHARS = 200;

	/** The longest search text with the history. */
	static final int MAX_HISTORY_CHARS = 400;

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
		return retrieve(query, vector, List.of());
	}

	/**
	 * The passages for a question asked in a conversation: the question is searched
	 * together with the previous answer and the customer's earlier messages (the
	 * conversation's topic: "can you fix it" after "I got an insurance letter"), by its
	 * words and by the embedding of the whole (one more embedding for the turn). On
	 * doc2dial this put the passage holding the answer among the four retrieved for 80%
	 * of the questions instead of 59% (ADR 0020).
	 * @param vector the question's embedding, used when there is no history
	 * @param history the conversation before the question, oldest first
	 */
	List<Passage> retrieve(String query, float[] vector, List<Turn> history) {
		String text = withHistory(query, history);
		List<SearchHit> hits = this.search
			.search(text, text.equals(query.strip()) ? vector : null, this.passages * 2, this.filters)
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

	/**
	 * The words to search: the question, then the previous answer (what the conversation
	 * is about now) and the customer's earlier messages, newest first, up to
	 * {@value #MAX_HISTORY_CHARS} characters in all.
	 */
	static String withHistory(String query, List<Turn> history) {
		StringBuilder text = new StringBuilder(query.strip());
		int turns = 0;
		boolean answerTaken = false;
		for (int i = history.size() - 1; i >= 0 && turns < MAX_HISTORY_TURNS; i--) {
			Turn turn = history.get(i);
			String earlier = turn.text().strip();
			if (earlier.isEmpty() || query.contains(earlier) || (!turn.fromCustomer() && answerTaken)) {
				continue;
			}
			if (!turn.fromCustomer()) {
				// the previous answer only: older answers were about what was asked then
				answerTaken = true;
				earlier = earlier.replaceAll("\\[\\d+]", " ");
				earlier = earlier.substring(0, Math.min(earlier.length(), MAX_ANSWER_CHARS));
			}
			else {
				turns++;
			}
			if (text.length() + 1 + earlier.length() > MAX_HISTORY_CHARS) {
				break;
			}
			text.append('\n').append(earlier);
		}
		return text.toString();
	}

}
