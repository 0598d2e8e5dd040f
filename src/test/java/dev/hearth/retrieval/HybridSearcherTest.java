package dev.hearth.retrieval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.hearth.retrieval.PassageFixtures.DIMENSIONS;
import static dev.hearth.retrieval.PassageFixtures.axis;
import static dev.hearth.retrieval.PassageFixtures.chunk;
import static dev.hearth.retrieval.PassageFixtures.faq;
import static dev.hearth.retrieval.PassageFixtures.near;
import static dev.hearth.retrieval.PassageFixtures.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class HybridSearcherTest {

	@TempDir
	Path directory;

	private PassageIndex index;

	@BeforeEach
	void open() throws IOException {
		this.index = PassageIndex.open(this.directory, DIMENSIONS);
	}

	@AfterEach
	void close() throws IOException {
		this.index.close();
	}

	@Test
	void wordsNoPassageHoldsAreUnheldInAnyLanguageOrKind() throws IOException {
		this.index.replaceDocument("d1", List.of(chunk("a", "d1", "Add a TV box in My Account", axis(0))), 1);
		this.index.replaceDocument("d2",
				List.of(chunk("b", "d2", "Melden Sie den Umzug rechtzeitig", "de", Map.of(), axis(1))), 2);
		this.index.replaceDocument("faq:pin", List.of(faq("pin", 0, "forgot my parental PIN", axis(2))), 3);
		assertThat(this.index.searcher().unheld(List.of("adds", "boxes", "Netflix", "Umzug", "PIN", "parental", "the")))
			.containsExactly("Netflix");
		assertThat(this.index.searcher().unheld(List.of())).isEmpty();
	}

	@Test
	void wordsAreHeldTogetherOnlyWhenOnePassageHoldsThemAll() throws IOException {
		this.index.replaceDocument("d1", List.of(chunk("a", "d1", "Add a TV box in My Account", axis(0))), 1);
		this.index.replaceDocument("faq:pin", List.of(faq("pin", 0, "forgot my parental PIN", axis(2))), 2);
		assertThat(this.index.searcher().heldTogether(List.of(Set.of("boxes", "box"), Set.of("TV")))).isTrue();
		assertThat(this.index.searcher().heldTogether(List.of(Set.of("box"), Set.of("parental")))).isFalse();
		assertThat(this.index.searcher().heldTogether(List.of(Set.of("the")))).isFalse();
	}

	@Test
	void singleRetrieverModesReportTheirOwnScoresAndRanks() throws IOException {
		indexFusionCorpus();
		List<SearchHit> bm25 = search(query("router password", null, 4, Fusion.BM25_ONLY));
		assertThat(bm25).extracting(SearchHit::id).containsExactly("a", "c");
		assertThat(bm25).extracting(SearchHit::bm25Rank).containsExactly(1, 2);
		assertThat(bm25).extracting(SearchHit::vectorRank).containsExactly(0, 0);
		assertThat(bm25.get(0).score()).isGreaterThan(bm25.get(1).score());

		List<SearchHit> vector = search(query(null, axis(0), 2, Fusion.VECTOR_ONLY));
		assertThat(vector).extracting(SearchHit::id).containsExactly("b", "c");
		assertThat(vector).extracting(SearchHit::vectorRank).containsExactly(1, 2);
		assertThat(vector).extracting(SearchHit::bm25Rank).containsExactly(0, 0);
		assertThat(vector.get(0).score()).isCloseTo(1f, within(1e-6f));
		assertThat(vector.get(1).score()).isCloseTo((float) (1 / Math.sqrt(1.25)), within(1e-6f));
	}

	@Test
	void rrfRewardsPassagesBothRetrieversFound() throws IOException {
		indexFusionCorpus();
		List<SearchHit> hits = search(query("router password", axis(0), 4, Fusion.RRF));
		assertThat(hits).extracting(SearchHit::id).containsExactly("c", "a", "b", "d");
		assertThat(hits.get(0).score()).isCloseTo(2f / 62, within(1e-7f));
		assertThat(hits.get(0).bm25Rank()).isEqualTo(2);
		assertThat(hits.get(0).vectorRank()).isEqualTo(2);
		assertThat(hits.get(1).score()).isCloseTo(1f / 61 + 1f / 64, within(1e-7f));
		assertThat(hits.get(2).score()).isCloseTo(1f / 61, within(1e-7f));
		assertThat(hits.get(2).bm25Rank()).isZero();
	}

	@Test
	void linearBlendRanksByBlendedScore() throws IOException {
		indexFusionCorpus();
		List<SearchHit> hits = search(query("router password", axis(0), 4, Fusion.LINEAR));
		assertThat(hits).hasSize(4);
		assertThat(hits).extracting(SearchHit::score).isSortedAccordingTo((x, y) -> Float.compare(y, x));
		assertThat(hits).filteredOn((hit) -> hit.id().equals("c"))
			.singleElement()
			.satisfies((hit) -> assertThat(hit.bm25Rank()).isEqualTo(2))
			.satisfies((hit) -> assertThat(hit.vectorRank()).isEqualTo(2));
	}

	@Test
	void queryWithOnlyStopWordsFallsBackToVectors() throws IOException {
		indexFusionCorpus();
		List<SearchHit> hits = search(query("the and of", axis(0), 1, Fusion.RRF));
		assertThat(hits).extracting(SearchHit::id).containsExactly("b");
		assertThat(hits.get(0).bm25Rank()).isZero();
	}

	@Test
	void longQueriesStayWithinLuceneClauseLimit() throws IOException {
		indexFusionCorpus();
		this.index.replaceDocument("de-1", List.of(chunk("de-1", "de-1", "Passwort", "de", Map.of(), axis(3))), 2);
		StringBuilder text = new StringBuilder("router password");
		for (int n = 0; n < 3000; n++) {
			text.append(" word").append(n);
		}
		assertThat(search(query(text.toString(), null, 2, Fusion.BM25_ONLY))).extracting(SearchHit::id)
			.containsExactly("a", "c");
		assertThat(search(query(text.toString(), axis(0), 2, Fusion.RRF))).hasSize(2);
	}

	@Test
	void hitsCarryEverythingStored() throws IOException {
		this.index.replaceDocument("doc-1",
				List.of(new IndexedPassage("chunk-1", "doc-1", "chunk-1", PassageKind.DOCUMENT_CHUNK, "fibre.pdf",
						"Fibre guide", "Setup > Router", "Fibre guide Setup Router: plug the router in",
						"Plug the router in.", "en", Map.of("audience", List.of("customer", "agent")),
						"https://kb.example/fibre#setup", axis(0))),
				1);
		SearchHit hit = search(query("router", axis(0), 1, Fusion.RRF)).get(0);
		assertThat(hit).usingRecursiveComparison()
			.ignoringFields("score")
			.isEqualTo(new SearchHit("chunk-1", "doc-1", "chunk-1", PassageKind.DOCUMENT_CHUNK, "fibre.pdf",
					"Fibre guide", "Setup > Router", "Plug the router in.", "https://kb.example/fibre#setup", "en",
					Map.of("audience", List.of("customer", "agent")), 0f, 1, 1, 1f));
		assertThat(hit.tags().get("audience")).containsExactly("customer", "agent");
	}

	@Test
	void hitsCarryTheExactVectorSimilarityAlsoWhenOnlyBm25FoundThem() throws IOException {
		float[] diagonal = new float[axis(0).length];
		diagonal[0] = 1;
		diagonal[1] = 1;
		this.index.replaceDocument("doc-1",
				List.of(new IndexedPassage("chunk-1", "doc-1", "chunk-1", PassageKind.DOCUMENT_CHUNK, "fibre.pdf",
						"Fibre guide", "", "router", "Plug the router in.", "en", Map.of(), "https://kb.example/fibre",
						diagonal)),
				1);
		SearchHit hybrid = search(query("router", axis(0), 1, Fusion.LINEAR)).get(0);
		assertThat(hybrid.similarity()).isCloseTo((float) (1 / Math.sqrt(2)), within(1e-4f));
		SearchHit textOnly = search(query("router", null, 1, Fusion.BM25_ONLY)).get(0);
		assertThat(textOnly.similarity()).isNaN();
	}

	@Test
	void collapseKeepsTheBestPassageOfEachGroupAndStillFillsTopK() throws IOException {
		List<IndexedPassage> passages = new ArrayList<>();
		for (int n = 0; n < 120; n++) {
			passages.add(faq("big", n, "refund refund", near(0, 0.001f * n, 1)));
		}
		passages.add(faq("fee", 0, "refund of the delivery fee for my order", near(0, 2f, 1)));
		passages.add(faq("status", 0, "status of a refund for my cancelled order", near(0, 3f, 2)));
		passages.add(faq("card", 0, "refund to a credit card that expired last month", near(0, 4f, 3)));
		this.index.rebuild(passages.iterator(), 1, "");
		for (Fusion fusion : Fusion.values()) {
			List<SearchHit> hits = search(query("refund", axis(0), 3, fusion));
			assertThat(hits).as(fusion.name()).hasSize(3);
			assertThat(hits).extracting(SearchHit::groupKey).doesNotHaveDuplicates();
			assertThat(hits.get(0).id()).as(fusion.name()).isEqualTo("faq:big#0");
			assertThat(hits.get(0).passage()).isEqualTo("Answer of big");
			assertThat(hits.get(0).kind()).isEqualTo(PassageKind.FAQ);
		}
	}

	@ParameterizedTest
	@EnumSource(Fusion.class)
	void passagesOfOneKindAreTheOnesFilteringDeeperAndDeeperSearchesFinds(Fusion fusion) throws IOException {
		// FAQ entries with many phrasings crowd the document chunks out of the best
		// groups, as the answer pipeline's document search meets them
		String[] words = { "router", "reset", "password", "bill", "refund", "fibre", "signal", "lights" };
		List<IndexedPassage> passages = new ArrayList<>();
		java.util.Random random = new java.util.Random(7);
		for (int entry = 0; entry < 40; entry++) {
			for (int n = 0; n < 12; n++) {
				passages.add(faq("e" + entry, n, words[entry % 8] + " " + words[(entry + n) % 8] + " question " + n,
						PassageFixtures.vector(entry * 100L + n)));
			}
		}
		for (int c = 0; c < 60; c++) {
			String text = words[random.nextInt(8)] + " " + words[random.nextInt(8)] + " section " + c;
			passages.add(chunk("chunk-" + c, "doc-" + (c / 5), text, "en",
					Map.of("audience", List.of((c % 7 == 0) ? "agent" : "customer")),
					PassageFixtures.vector(9000L + c)));
		}
		this.index.rebuild(passages.iterator(), 1, "");
		Map<String, Set<String>> customers = Map.of("audience", Set.of("customer"));
		HybridSearcher searcher = this.index.searcher();
		assertThat(search(query("router reset", PassageFixtures.vector(1), 8, fusion, customers)))
			.as("the entries crowd the first search")
			.filteredOn((hit) -> hit.kind() == PassageKind.DOCUMENT_CHUNK)
			.hasSizeLessThan(4);
		for (String text : List.of("router reset", "bill refund password", "lights", "fibre signal section 3")) {
			for (int wanted : new int[] { 1, 4, 30 }) {
				float[] vector = PassageFixtures.vector(text.hashCode());
				PassageQuery first = query(text, vector, 2 * wanted, fusion, customers);
				List<SearchHit> expected = filteredDeeper(first, wanted, 4, 100);
				assertThat(searcher.search(first, PassageKind.DOCUMENT_CHUNK, wanted, 4, 100))
					.as(fusion + " \"" + text + "\", " + wanted)
					.isEqualTo(expected);
			}
		}
	}

	@Test
	void passagesOfOneKindRefuseBadArguments() {
		HybridSearcher searcher = this.index.searcher();
		PassageQuery query = query("router", axis(0), 8, Fusion.LINEAR);
		assertThatThrownBy(() -> searcher.search(query, PassageKind.FAQ, 0, 4, 100))
			.hasMessage("wanted must be at least 1, got 0");
		assertThatThrownBy(() -> searcher.search(query, PassageKind.FAQ, 4, 1, 100))
			.hasMessage("factor must be at least 2, got 1");
		assertThatThrownBy(() -> searcher.search(query, PassageKind.FAQ, 4, 4, 7))
			.hasMessage("maxTop must be between topK (8) and 1000, got 7");
	}

	private static SearchHit amongChunks(SearchHit hit, List<SearchHit> all) {
		long entries = all.stream()
			.filter((other) -> other.kind() != PassageKind.DOCUMENT_CHUNK && other.bm25Rank() >= 1
					&& other.bm25Rank() < hit.bm25Rank())
			.count();
		return new SearchHit(hit.id(), hit.documentId(), hit.groupKey(), hit.kind(), hit.source(), hit.title(),
				hit.sectionPath(), hit.passage(), hit.citation(), hit.language(), hit.tags(), hit.score(),
				hit.bm25Rank() - (int) entries, hit.vectorRank(), hit.similarity());
	}

	/**
	 * What the answer pipeline did before: searches asked deeper, filtered by kind, the
	 * BM25 rank counted among the chunks.
	 */
	private List<SearchHit> filteredDeeper(PassageQuery first, int wanted, int factor, int maxTop) throws IOException {
		for (int top = first.topK();; top = Math.min(maxTop, top * factor)) {
			List<SearchHit> all = search(
					new PassageQuery(first.text(), first.vector(), top, first.filters(), first.fusion()));
			List<SearchHit> documents = all.stream()
				.filter((hit) -> hit.kind() == PassageKind.DOCUMENT_CHUNK)
				.limit(wanted)
				.map((hit) -> amongChunks(hit, all))
				.toList();
			if (documents.size() == wanted || all.size() < top || top == maxTop) {
				return documents;
			}
		}
	}

	@ParameterizedTest
	@EnumSource(Fusion.class)
	void filtersNeverLeakAndStillFillTopK(Fusion fusion) throws IOException {
		indexAudienceCorpus();
		PassageQuery unfiltered = query("router reset", axis(0), 5, fusion);
		assertThat(search(unfiltered)).allSatisfy((hit) -> assertThat(audience(hit)).isEqualTo("customer"));

		List<SearchHit> agents = search(query("router reset", axis(0), 5, fusion, Map.of("audience", Set.of("agent"))));
		assertThat(agents).hasSize(5).allSatisfy((hit) -> assertThat(audience(hit)).isEqualTo("agent"));

		List<SearchHit> agentsOrPartners = search(
				query("router reset", axis(0), 10, fusion, Map.of("audience", Set.of("agent", "partner"))));
		assertThat(agentsOrPartners).hasSize(8)
			.extracting(HybridSearcherTest::audience)
			.containsOnly("agent", "partner");

		List<SearchHit> fibreAgents = search(query("router reset", axis(0), 10, fusion,
				Map.of("audience", Set.of("agent"), "product", Set.of("fibre"))));
		assertThat(fibreAgents).extracting(SearchHit::id).containsExactlyInAnyOrder("agent-0", "agent-2", "agent-4");

		assertThat(search(query("router reset", axis(0), 5, fusion, Map.of("region", Set.of("eu"))))).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(Fusion.class)
	void vectorSearchAlongsideASplitBm25SearchReturnsTheSameHits(Fusion fusion) throws IOException {
		// issue 14: with the index split in parts, the vector search runs on the pool
		// while the calling thread searches BM25; the hits must be those of one thread
		String[] words = { "router", "reset", "password", "bill", "refund", "fibre", "signal", "lights", "my", "the" };
		String[] audiences = { "customer", "customer", "customer", "agent", "partner" };
		java.util.Random random = new java.util.Random(14);
		List<IndexedPassage> passages = new ArrayList<>();
		for (int c = 0; c < 1_500; c++) {
			StringBuilder text = new StringBuilder();
			for (int w = 0; w < 3 + random.nextInt(6); w++) {
				text.append(words[random.nextInt(words.length)]).append(' ');
			}
			passages.add(chunk("chunk-" + c, "doc-" + (c / 3), text.toString().strip(), "en",
					Map.of("audience", List.of(audiences[c % audiences.length])), PassageFixtures.vector(c)));
		}
		this.index.rebuild(passages.iterator(), 1, "");
		try (LanguageAnalyzers analyzers = new LanguageAnalyzers();
				SlicedSearch split = new SlicedSearch(2, 100);
				SlicedSearch one = new SlicedSearch(1)) {
			HybridSearcher alongside = new HybridSearcher(this.index, new Bm25Retriever(analyzers, split));
			HybridSearcher sequential = new HybridSearcher(this.index, new Bm25Retriever(analyzers, one));
			for (int q = 0; q < 60; q++) {
				String text = words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)];
				Map<String, Set<String>> filters = (q % 3 == 0) ? Map.of()
						: Map.of("audience", Set.of(audiences[q % audiences.length]));
				PassageQuery query = query(text, PassageFixtures.vector(10_000L + q), 1 + q % 12, fusion, filters);
				assertThat(alongside.search(query)).as("%s \"%s\" %s", fusion, text, filters)
					.isEqualTo(sequential.search(query));
				assertThat(alongside.search(query, PassageKind.DOCUMENT_CHUNK, 3, 4, 100))
					.isEqualTo(sequential.search(query, PassageKind.DOCUMENT_CHUNK, 3, 4, 100));
			}
		}
	}

	@Test
	void languageFilterSelectsPassagesAndAnalyzers() throws IOException {
		indexAudienceCorpus();
		this.index.replaceDocument("de-1",
				List.of(chunk("de-1", "de-1", "Router zurücksetzen", "de", Map.of(), near(0, 9f, 4))), 2);
		List<SearchHit> hits = search(
				query("Router zurücksetzen", axis(0), 5, Fusion.RRF, Map.of("language", Set.of("de"))));
		assertThat(hits).extracting(SearchHit::id).containsExactly("de-1");
		assertThat(hits.get(0).bm25Rank()).isEqualTo(1);
	}

	private void indexFusionCorpus() throws IOException {
		this.index.rebuild(List.of(chunk("a", "d1", "router password", negativeAxis(0)),
				chunk("b", "d2", "modem lights blinking", axis(0)),
				chunk("c", "d3", "router password forgotten", near(0, 0.5f, 1)),
				chunk("d", "d4", "invoice address", axis(2)))
			.iterator(), 1, "");
	}

	private void indexAudienceCorpus() throws IOException {
		List<IndexedPassage> passages = new ArrayList<>();
		for (int n = 0; n < 60; n++) {
			passages.add(chunk("customer-" + n, "customer-" + n, "router reset guide", "en",
					Map.of("audience", List.of("customer"), "product", List.of("fibre")), near(0, 0.01f * n, 1)));
		}
		for (int n = 0; n < 6; n++) {
			passages.add(chunk("agent-" + n, "agent-" + n, "how to reset a customer router remotely from the console",
					"en", Map.of("audience", List.of("agent"), "product", List.of((n % 2 == 0) ? "fibre" : "dsl")),
					near(0, 5f + n, 2)));
		}
		for (int n = 0; n < 2; n++) {
			passages.add(chunk("partner-" + n, "partner-" + n, "partner router reset procedure for installers", "en",
					Map.of("audience", List.of("partner")), near(0, 7f + n, 3)));
		}
		this.index.rebuild(passages.iterator(), 1, "");
	}

	private static float[] negativeAxis(int axis) {
		float[] vector = PassageFixtures.axis(axis);
		vector[axis] = -vector[axis];
		return vector;
	}

	private static String audience(SearchHit hit) {
		return hit.tags().get("audience").get(0);
	}

	private List<SearchHit> search(PassageQuery query) throws IOException {
		return this.index.searcher().search(query);
	}

}
