package dev.hearth.retrieval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.hearth.retrieval.PassageFixtures.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArgumentChecksTest {

	private static final float[] VECTOR = vector(1);

	@TempDir
	Path directory;

	@Test
	void passageIdsMustBePresent() {
		assertThatNullPointerException().isThrownBy(() -> passage(null, "d", "g", Map.of()))
			.withMessage("id must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> passage(" ", "d", "g", Map.of()))
			.withMessage("id must not be blank");
		assertThatNullPointerException().isThrownBy(() -> passage("p", null, "g", Map.of()))
			.withMessage("documentId must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> passage("p", "", "g", Map.of()))
			.withMessage("documentId must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> passage("p", "d", "\t", Map.of()))
			.withMessage("groupKey must not be blank");
	}

	@Test
	void passageComponentsMustNotBeNull() {
		assertThatNullPointerException()
			.isThrownBy(
					() -> new IndexedPassage("p", "d", "g", null, "s", "t", "", "m", "x", "en", Map.of(), "c", VECTOR))
			.withMessage("kind must not be null");
		assertThatNullPointerException()
			.isThrownBy(() -> new IndexedPassage("p", "d", "g", PassageKind.FAQ, "s", "t", null, "m", "x", "en",
					Map.of(), "c", VECTOR))
			.withMessage("sectionPath must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IndexedPassage("p", "d", "g", PassageKind.FAQ, "s", "t", "", "m", "x", "", Map.of(),
					"c", VECTOR))
			.withMessage("language must not be blank");
		assertThatNullPointerException()
			.isThrownBy(() -> new IndexedPassage("p", "d", "g", PassageKind.FAQ, "s", "t", "", "m", "x", "en", Map.of(),
					"c", null))
			.withMessage("vector must not be null");
		assertThatNullPointerException().isThrownBy(() -> passage("p", "d", "g", null))
			.withMessage("tags must not be null");
	}

	@Test
	void passageTagsAreCheckedAndCopied() {
		assertThatIllegalArgumentException().isThrownBy(() -> passage("p", "d", "g", Map.of("language", List.of("en"))))
			.withMessage("tag key 'language' is reserved; set the passage's language component instead");
		assertThatIllegalArgumentException().isThrownBy(() -> passage("p", "d", "g", Map.of(" ", List.of("x"))))
			.withMessage("tag key must not be null or blank");
		List<String> blankValue = new ArrayList<>(List.of("customer", ""));
		assertThatIllegalArgumentException().isThrownBy(() -> passage("p", "d", "g", Map.of("audience", blankValue)))
			.withMessage("tag 'audience' must not have a null or blank value");
		Map<String, List<String>> tags = new HashMap<>();
		List<String> audiences = new ArrayList<>(List.of("customer"));
		tags.put("audience", audiences);
		IndexedPassage passage = passage("p", "d", "g", tags);
		audiences.add("agent");
		tags.put("product", List.of("fibre"));
		assertThat(passage.tags()).containsExactly(Map.entry("audience", List.of("customer")));
		assertThatThrownBy(() -> passage.tags().put("x", List.of())).isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void queryTopKIsBounded() {
		assertThatIllegalArgumentException().isThrownBy(() -> query("q", VECTOR, 0, Map.of(), Fusion.RRF))
			.withMessage("topK must be at least 1, got 0");
		assertThatIllegalArgumentException().isThrownBy(() -> query("q", VECTOR, 1001, Map.of(), Fusion.RRF))
			.withMessage("topK must be at most 1000, got 1001");
	}

	@Test
	void queryNeedsWhatItsFusionUses() {
		assertThatNullPointerException().isThrownBy(() -> query("q", VECTOR, 5, Map.of(), null))
			.withMessage("fusion must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> query(null, VECTOR, 5, Map.of(), Fusion.RRF))
			.withMessage("text must not be null for fusion RRF");
		assertThatIllegalArgumentException().isThrownBy(() -> query("  ", VECTOR, 5, Map.of(), Fusion.BM25_ONLY))
			.withMessage("text must not be blank for fusion BM25_ONLY");
		assertThatIllegalArgumentException().isThrownBy(() -> query("q", null, 5, Map.of(), Fusion.LINEAR))
			.withMessage("vector must not be null for fusion LINEAR");
		assertThat(query(null, VECTOR, 5, Map.of(), Fusion.VECTOR_ONLY).text()).isNull();
		assertThat(query("q", null, 5, Map.of(), Fusion.BM25_ONLY).vector()).isNull();
	}

	@Test
	void queryFiltersAreCheckedAndCopied() {
		assertThatNullPointerException().isThrownBy(() -> query("q", VECTOR, 5, null, Fusion.RRF))
			.withMessage("filters must not be null; use Map.of() for no filter");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> query("q", VECTOR, 5, Map.of("audience", Set.of()), Fusion.RRF))
			.withMessage("filter 'audience' must list at least one value");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> query("q", VECTOR, 5, Map.of("", Set.of("x")), Fusion.RRF))
			.withMessage("filter key must not be null or blank");
		Map<String, Set<String>> filters = new HashMap<>(Map.of("audience", Set.of("customer")));
		PassageQuery query = query("q", VECTOR, 5, filters, Fusion.RRF);
		filters.put("product", Set.of("fibre"));
		assertThat(query.filters()).containsOnlyKeys("audience");
	}

	@Test
	void searchChecksTheQueryAgainstTheIndex() throws IOException {
		try (PassageIndex index = PassageIndex.open(this.directory, 384)) {
			HybridSearcher searcher = index.searcher();
			assertThatIllegalArgumentException()
				.isThrownBy(() -> searcher.search(query("q", new float[12], 5, Map.of(), Fusion.RRF)))
				.withMessage("vector has 12 dimensions, index expects 384");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> searcher.search(query(null, new float[384], 5, Map.of(), Fusion.VECTOR_ONLY)))
				.withMessage("vector must not be all zeros");
			assertThatNullPointerException().isThrownBy(() -> searcher.search(null))
				.withMessage("query must not be null");
			assertThat(searcher.search(query("q", new float[12], 5, Map.of(), Fusion.BM25_ONLY))).isEmpty();
		}
	}

	@Test
	void rebuildChecksItsArguments() throws IOException {
		try (PassageIndex index = PassageIndex.open(this.directory, PassageFixtures.DIMENSIONS)) {
			assertThatNullPointerException().isThrownBy(() -> index.rebuild(null, 1, ""))
				.withMessage("all must not be null");
			assertThatNullPointerException()
				.isThrownBy(() -> index.rebuild(List.<IndexedPassage>of().iterator(), 1, null))
				.withMessage("fingerprint must not be null");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> index.rebuild(List.<IndexedPassage>of().iterator(), -2, ""))
				.withMessage("revision must not be negative, got -2");
			List<IndexedPassage> withNull = new ArrayList<>();
			withNull.add(null);
			assertThatNullPointerException().isThrownBy(() -> index.rebuild(withNull.iterator(), 1, ""))
				.withMessage("passages must not contain null");
			assertThat(index.revision()).isEqualTo(-1);
		}
	}

	private static IndexedPassage passage(String id, String documentId, String groupKey,
			Map<String, List<String>> tags) {
		return new IndexedPassage(id, documentId, groupKey, PassageKind.DOCUMENT_CHUNK, "source", "title", "", "text",
				"text", "en", tags, "https://kb.example", VECTOR);
	}

	private static PassageQuery query(String text, float[] vector, int topK, Map<String, Set<String>> filters,
			Fusion fusion) {
		return new PassageQuery(text, vector, topK, filters, fusion);
	}

}
