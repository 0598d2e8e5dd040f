package dev.hearth.assistant;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.hearth.retrieval.PassageKind;
import dev.hearth.retrieval.SearchHit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentRetrievalTest {

	private static SearchHit hit(String id, PassageKind kind, float similarity) {
		return new SearchHit(id, "doc", id, kind, "source", "Title", "", "text " + id, "/kb/" + id, "en", Map.of(), 1f,
				1, 1, similarity);
	}

	@Test
	void keepsDocumentChunksForCustomersMostSimilarFirst() {
		AtomicReference<Map<String, Set<String>>> filters = new AtomicReference<>();
		DocumentRetrieval retrieval = new DocumentRetrieval((query, vector, top, given) -> {
			filters.set(given);
			assertThat(top).isEqualTo(4);
			return List.of(hit("faq", PassageKind.FAQ, 1f), hit("a", PassageKind.DOCUMENT_CHUNK, 0f),
					hit("b", PassageKind.DOCUMENT_CHUNK, 1f), hit("c", PassageKind.DOCUMENT_CHUNK, Float.NaN));
		}, 2, List.of("customer"));
		List<Passage> passages = retrieval.retrieve("q", new float[] { 1, 0 });
		assertThat(filters.get()).isEqualTo(Map.of("audience", Set.of("customer")));
		assertThat(passages).extracting((p) -> p.hit().id()).containsExactly("b", "a");
		assertThat(passages.get(0).similarity()).isEqualTo(1.0);
		assertThat(passages.get(1).similarity()).isEqualTo(0.0);
	}

	@Test
	void searchesDeeperWhenFaqEntriesCrowdOutTheDocuments() {
		// "how do I reset my router": eight FAQ entries rank before the factory-reset
		// section, which must still be offered, with its BM25 rank among the documents
		List<SearchHit> ranked = new java.util.ArrayList<>();
		for (int i = 1; i <= 8; i++) {
			ranked.add(hit("faq" + i, PassageKind.FAQ, 0.7f));
		}
		ranked.add(new SearchHit("reset", "doc", "reset", PassageKind.DOCUMENT_CHUNK, "wifi-troubleshooting.md",
				"Wi-Fi troubleshooting", "Reset the Hub to factory settings", "Press the reset pinhole", "/kb/reset",
				"en", Map.of(), 0.1f, 46, 20, 0.37f));
		for (int i = 9; i <= 40; i++) {
			ranked.add(hit("faq" + i, PassageKind.FAQ, 0.2f));
		}
		List<Integer> tops = new java.util.ArrayList<>();
		DocumentRetrieval retrieval = new DocumentRetrieval((query, vector, top, given) -> {
			tops.add(top);
			return ranked.subList(0, Math.min(top, ranked.size()));
		}, 4, List.of("customer"));
		List<Passage> passages = retrieval.retrieve("how do I reset my router", new float[] { 1, 0 });
		assertThat(passages).extracting((p) -> p.hit().id()).containsExactly("reset");
		assertThat(passages.get(0).hit().bm25Rank()).as("46th, behind 40 FAQ entries the search returned").isEqualTo(6);
		assertThat(tops).as("8, then 32, then all the search gives (40 of 100)").containsExactly(8, 32, 100);
	}

	@Test
	void aChunksBm25RankCountsTheDocumentsBeforeItNotTheFaqEntries() {
		// "do you offer tv packages?": the TV packages section is fourth by BM25 behind
		// an FAQ entry, the root of its own page and another entry
		List<SearchHit> found = List.of(ranked("packages", PassageKind.DOCUMENT_CHUNK, 4),
				ranked("cancel", PassageKind.FAQ, 3), ranked("root", PassageKind.DOCUMENT_CHUNK, 2),
				ranked("fibre", PassageKind.FAQ, 1), ranked("guide", PassageKind.DOCUMENT_CHUNK, 0));
		DocumentRetrieval retrieval = new DocumentRetrieval((query, vector, top, given) -> found, 3,
				List.of("customer"));
		List<Passage> passages = retrieval.retrieve("do you offer tv packages?", new float[] { 1, 0 });
		assertThat(passages).extracting((p) -> p.hit().id() + " " + p.hit().bm25Rank())
			.containsExactly("packages 2", "root 1", "guide 0");
	}

	private static SearchHit ranked(String id, PassageKind kind, int bm25Rank) {
		return new SearchHit(id, "doc", id, kind, "source", "Title", "", "text " + id, "/kb/" + id, "en", Map.of(), 1f,
				bm25Rank, 1, 0.5f);
	}

	@Test
	void doesNotSearchAgainWhenTheDocumentsFillTheFirstSearchOrTheIndexHasNoMore() {
		List<Integer> tops = new java.util.ArrayList<>();
		DocumentRetrieval full = new DocumentRetrieval((query, vector, top, given) -> {
			tops.add(top);
			return List.of(hit("faq", PassageKind.FAQ, 1f), hit("a", PassageKind.DOCUMENT_CHUNK, 0.5f),
					hit("b", PassageKind.DOCUMENT_CHUNK, 0.4f));
		}, 2, List.of("customer"));
		assertThat(full.retrieve("q", new float[] { 1, 0 })).hasSize(2);
		DocumentRetrieval few = new DocumentRetrieval((query, vector, top, given) -> {
			tops.add(top);
			return List.of(hit("faq", PassageKind.FAQ, 1f), hit("a", PassageKind.DOCUMENT_CHUNK, 0.5f));
		}, 4, List.of("customer"));
		assertThat(few.retrieve("q", new float[] { 1, 0 })).hasSize(1);
		assertThat(tops).containsExactly(4, 8);
	}

	@Test
	void searchesTheQuestionWithThePreviousAnswerAndTheCustomersEarlierMessages() {
		AtomicReference<String> searched = new AtomicReference<>();
		AtomicReference<float[]> embedded = new AtomicReference<>();
		DocumentRetrieval retrieval = new DocumentRetrieval((query, vector, top, given) -> {
			searched.set(query);
			embedded.set(vector);
			return List.of();
		}, 2, List.of("customer"));
		List<Turn> history = List.of(new Turn(true, "I got an insurance letter"),
				new Turn(false, "Read the letter carefully [1]"), new Turn(true, "I did"),
				new Turn(false, "Contact your insurance company [2]"));
		retrieval.retrieve("can you fix it", new float[] { 1, 0 }, history, null);
		assertThat(searched.get())
			.isEqualTo("can you fix it\nContact your insurance company  \nI did\nI got an insurance letter");
		assertThat(embedded.get()).as("the whole search text is embedded by the search").isNull();
		retrieval.retrieve("fees", new float[] { 1, 0 }, List.of(), (piece) -> new float[] { 0, 1 });
		assertThat(embedded.get()).containsExactly(1, 0);
		assertThat(DocumentRetrieval.withHistory("I did how long", List.of(new Turn(true, "I did"))))
			.isEqualTo("I did how long");
		assertThat(DocumentRetrieval.withHistory("fees", List.of())).isEqualTo("fees");
	}

	@Test
	void composesTheVectorOfTheSearchWithHistoryFromThePiecesVectorsWeightedByTheirWords() {
		AtomicReference<String> searched = new AtomicReference<>();
		AtomicReference<float[]> embedded = new AtomicReference<>();
		DocumentRetrieval retrieval = new DocumentRetrieval((query, vector, top, given) -> {
			searched.set(query);
			embedded.set(vector);
			return List.of();
		}, 2, List.of("customer"));
		List<Turn> history = List.of(new Turn(true, "I got an insurance letter"),
				new Turn(false, "Read the letter [1]"));
		List<DocumentRetrieval.Piece> asked = new java.util.ArrayList<>();
		retrieval.retrieve("can you fix it", new float[] { 2, 0, 0 }, history, (piece) -> {
			asked.add(piece);
			return piece.fromCustomer() ? new float[] { 0, 0, 1 } : new float[] { 0, 3, 0 };
		});
		assertThat(searched.get()).isEqualTo("can you fix it\nRead the letter  \nI got an insurance letter");
		assertThat(asked).containsExactly(new DocumentRetrieval.Piece("Read the letter  ", false, 1),
				new DocumentRetrieval.Piece("I got an insurance letter", true, 0));
		// unit vectors weighted by their words (4, 3 and 5), then normalised
		double norm = Math.sqrt(4 * 4 + 3 * 3 + 5 * 5);
		assertThat(embedded.get()).containsExactly(
				new float[] { (float) (4 / norm), (float) (3 / norm), (float) (5 / norm) },
				org.assertj.core.data.Offset.offset(1e-6f));
	}

	@Test
	void leavesOutAPieceWithoutAVector() {
		List<DocumentRetrieval.Piece> pieces = DocumentRetrieval.pieces("fees?", List.of(new Turn(true, "plans")));
		assertThat(DocumentRetrieval.composed(pieces, new float[] { 0, 2 }, (piece) -> null)).containsExactly(0, 1);
		assertThat(DocumentRetrieval.words("  ")).isEqualTo(1);
		assertThat(DocumentRetrieval.words("How much is the 2 gig plan?")).isEqualTo(7);
	}

	@Test
	void needsAtLeastOnePassage() {
		assertThatThrownBy(() -> new DocumentRetrieval((q, v, t, f) -> List.of(), 0, List.of()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("passages must be at least 1, got 0");
	}

}
