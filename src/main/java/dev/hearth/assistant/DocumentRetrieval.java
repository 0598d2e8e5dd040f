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

		/**
		 * The first {@code wanted} document chunks among the best {@code top} hits of a
		 * search, asked again {@code factor} times as deep while fewer are there and the
		 * search was full, up to {@code maxTop}; each chunk keeps its ranks in the search
		 * with the FAQ entries, but for its BM25 rank, which counts only the document
		 * chunks among the hits ({@link #amongDocuments}). This default runs those
		 * searches; the knowledge base's search finds the same chunks for less work.
		 */
		default List<SearchHit> documents(String query, float[] vector, int wanted, int top, int factor, int maxTop,
				Map<String, Set<String>> filters) {
			for (int depth = top;; depth = Math.min(maxTop, depth * factor)) {
				List<SearchHit> all = search(query, vector, depth, filters);
				List<SearchHit> documents = all.stream()
					.filter((hit) -> hit.kind() == PassageKind.DOCUMENT_CHUNK)
					.limit(wanted)
					.map((hit) -> amongDocuments(hit, all))
					.toList();
				if (documents.size() == wanted || all.size() < depth || depth == maxTop) {
					return documents;
				}
			}
		}

	}

	/** How much deeper a search is asked again when FAQ entries crowded it. */
	static final int DEEPER = 4;

	/** The deepest search asked for document chunks (the search's own limit). */
	static final int MAX_TOP = 100;

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
		return retrieve(query, vector, List.of(), null);
	}

	/**
	 * The passages for a question asked in a conversation: the question is searched
	 * together with the previous answer and the customer's earlier messages (the
	 * conversation's topic: "can you fix it" after "I got an insurance letter"), by its
	 * words and by a vector of the whole. On doc2dial this put the passage holding the
	 * answer among the four retrieved for 80% of the questions instead of 59% (ADR 0020).
	 * @param vector the question's embedding, used alone when there is no history
	 * @param history the conversation before the question, oldest first
	 * @param pieces the embeddings of the searched pieces of the history, from which the
	 * vector of the whole is composed ({@link #composed}); {@code null} to embed the
	 * whole search text instead (one more model call)
	 */
	List<Passage> retrieve(String query, float[] vector, List<Turn> history, PieceVectors pieces) {
		List<Piece> searched = pieces(query, history);
		String text = join(searched);
		float[] whole = vector;
		if (searched.size() > 1) {
			whole = (pieces != null) ? composed(searched, vector, pieces) : null;
		}
		List<SearchHit> hits = documents(text, whole);
		List<Passage> result = new ArrayList<>(hits.size());
		for (SearchHit hit : hits) {
			result.add(new Passage(hit, Float.isNaN(hit.similarity()) ? 0 : hit.similarity()));
		}
		result.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
		return result;
	}

	/**
	 * The best document chunks of one search, at most {@code passages}. The index holds
	 * the FAQ entries beside the documents, and a question about an FAQ entry's topic
	 * ranks the entries first (their phrasings are short and say it plainly): "how do I
	 * reset my router" has eight FAQ entries before the factory-reset section. So when a
	 * search returns fewer document chunks than wanted although it was full, it is asked
	 * again {@value #DEEPER} times as deep, up to {@value #MAX_TOP}. Each chunk's BM25
	 * rank is then its rank among the document chunks ({@link #amongDocuments}).
	 */
	private List<SearchHit> documents(String text, float[] vector) {
		return this.search.documents(text, vector, this.passages, Math.min(MAX_TOP, this.passages * 2), DEEPER, MAX_TOP,
				this.filters);
	}

	/**
	 * The hit with its BM25 rank among document chunks: the FAQ entries the search
	 * returned with a better BM25 rank are not counted. What {@link EvidenceAgreement}
	 * judges by BM25 rank (the best three) was calibrated on documents alone (doc2dial);
	 * in a knowledge base with an FAQ, the entries' short phrasings rank first by BM25
	 * for every topic the FAQ touches, so the same rank was stricter exactly where the
	 * router had already found no entry that answers ("do you offer tv packages?": the TV
	 * packages section ranked fourth behind the root of its own page and two FAQ entries,
	 * ADR 0035). Entries beyond the hits returned are not seen, so the rank is never
	 * better than the exact one.
	 * @param hit a document chunk of the search
	 * @param all everything the search returned
	 */
	static SearchHit amongDocuments(SearchHit hit, List<SearchHit> all) {
		int rank = hit.bm25Rank();
		if (rank <= 1) {
			return hit;
		}
		int entries = 0;
		for (SearchHit other : all) {
			if (other.kind() != PassageKind.DOCUMENT_CHUNK && other.bm25Rank() >= 1 && other.bm25Rank() < rank) {
				entries++;
			}
		}
		if (entries == 0) {
			return hit;
		}
		return new SearchHit(hit.id(), hit.documentId(), hit.groupKey(), hit.kind(), hit.source(), hit.title(),
				hit.sectionPath(), hit.passage(), hit.citation(), hit.language(), hit.tags(), hit.score(),
				rank - entries, hit.vectorRank(), hit.similarity());
	}

	/**
	 * The vector of a search text made of pieces, without running the model on the whole:
	 * the mean of the pieces' unit vectors weighted by their word counts, as the model's
	 * own mean pooling weighs tokens (and as long texts split for the model are joined
	 * again), normalised. The question's vector is the turn's; the others are the
	 * history's, already computed on their own turns or kept for knowledge-base texts.
	 * @param pieces the searched pieces, the question first
	 * @param question the question's embedding
	 */
	static float[] composed(List<Piece> pieces, float[] question, PieceVectors vectors) {
		float[] sum = new float[question.length];
		for (int i = 0; i < pieces.size(); i++) {
			float[] vector = (i == 0) ? question : vectors.of(pieces.get(i));
			if (vector == null || vector.length != sum.length) {
				continue;
			}
			add(sum, vector, words(pieces.get(i).text()));
		}
		double norm = 0;
		for (float value : sum) {
			norm += value * value;
		}
		if (norm == 0) {
			return question;
		}
		float scale = (float) (1 / Math.sqrt(norm));
		for (int i = 0; i < sum.length; i++) {
			sum[i] *= scale;
		}
		return sum;
	}

	private static void add(float[] sum, float[] vector, int weight) {
		double norm = 0;
		for (float value : vector) {
			norm += value * value;
		}
		if (norm == 0) {
			return;
		}
		float scale = (float) (weight / Math.sqrt(norm));
		for (int i = 0; i < sum.length; i++) {
			sum[i] += vector[i] * scale;
		}
	}

	/** Words and numbers in the text, at least one. */
	static int words(String text) {
		int words = 0;
		boolean inWord = false;
		for (int i = 0; i < text.length(); i++) {
			boolean letter = Character.isLetterOrDigit(text.charAt(i));
			words += (letter && !inWord) ? 1 : 0;
			inWord = letter;
		}
		return Math.max(1, words);
	}

	/**
	 * The words to search: the question, then the previous answer (what the conversation
	 * is about now) and the customer's earlier messages, newest first, up to
	 * {@value #MAX_HISTORY_CHARS} characters in all.
	 */
	static String withHistory(String query, List<Turn> history) {
		return join(pieces(query, history));
	}

	/** The pieces {@link #withHistory} joins, the question first. */
	static List<Piece> pieces(String query, List<Turn> history) {
		List<Piece> pieces = new ArrayList<>(1 + MAX_HISTORY_TURNS + 1);
		String question = query.strip();
		pieces.add(new Piece(question, true, history.size()));
		int length = question.length();
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
				earlier = answerPiece(earlier);
			}
			else {
				turns++;
			}
			if (length + 1 + earlier.length() > MAX_HISTORY_CHARS) {
				break;
			}
			length += 1 + earlier.length();
			pieces.add(new Piece(earlier, turn.fromCustomer(), i));
		}
		return pieces;
	}

	/**
	 * What of an answer is searched with the next question: its first
	 * {@value #MAX_ANSWER_CHARS} characters, citation marks removed.
	 */
	static String answerPiece(String answer) {
		String text = answer.strip().replaceAll("\\[\\d+]", " ");
		return text.substring(0, Math.min(text.length(), MAX_ANSWER_CHARS));
	}

	private static String join(List<Piece> pieces) {
		StringBuilder text = new StringBuilder();
		for (Piece piece : pieces) {
			text.append((text.length() > 0) ? "\n" : "").append(piece.text());
		}
		return text.toString();
	}

	/**
	 * A piece of the search text.
	 *
	 * @param text what is searched
	 * @param fromCustomer whether the customer wrote it (the question is)
	 * @param turn its position in the history ({@code history.size()} for the question)
	 */
	record Piece(String text, boolean fromCustomer, int turn) {
	}

	/** The embeddings of the history's pieces. */
	@FunctionalInterface
	interface PieceVectors {

		/** The piece's embedding; {@code null} leaves it out of the vector. */
		float[] of(Piece piece);

	}

}
