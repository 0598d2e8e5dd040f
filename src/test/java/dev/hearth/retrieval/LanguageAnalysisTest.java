package dev.hearth.retrieval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.hearth.retrieval.PassageFixtures.DIMENSIONS;
import static dev.hearth.retrieval.PassageFixtures.chunk;
import static dev.hearth.retrieval.PassageFixtures.query;
import static dev.hearth.retrieval.PassageFixtures.vector;
import static org.assertj.core.api.Assertions.assertThat;

class LanguageAnalysisTest {

	@TempDir
	Path directory;

	@ParameterizedTest
	@CsvSource({ "en, en", "EN, en", "en-GB, en", "de_AT, de", "fr, fr", "es, es", "nl, nl", "it, it", "pt-BR, pt",
			"sv, std", "zh-Hant, std" })
	void languageCodesSelectTheirAnalyzer(String language, String key) {
		assertThat(LanguageAnalyzers.keyFor(language)).isEqualTo(key);
	}

	@Test
	void englishAndGermanQueriesMatchOtherWordForms() throws IOException {
		try (PassageIndex index = PassageIndex.open(this.directory, DIMENSIONS)) {
			index
				.rebuild(
						List.of(chunk("en-1", "en", "Refunds are processed within five business days", vector(1)),
								chunk("de-1", "de", "Rückerstattungen für Rechnungen werden geprüft", "de", Map.of(),
										vector(2)),
								chunk("sv-1", "sv", "återbetalning tar fem dagar", "sv", Map.of(), vector(3)),
								chunk("gb-1", "gb", "Cancelling orders", "en-GB", Map.of(), vector(4)))
							.iterator(),
						1, "");
			assertThat(bm25(index, "refunding process")).containsExactly("en-1");
			assertThat(bm25(index, "refund")).containsExactly("en-1");
			assertThat(bm25(index, "Rückerstattung")).containsExactly("de-1");
			assertThat(bm25(index, "Rechnung")).containsExactly("de-1");
			assertThat(bm25(index, "ruckerstattung")).containsExactly("de-1");
			assertThat(bm25(index, "återbetalning")).containsExactly("sv-1");
			assertThat(bm25(index, "återbetalningen")).isEmpty();
			assertThat(bm25(index, "cancelled order")).containsExactly("gb-1");
		}
	}

	private static List<String> bm25(PassageIndex index, String text) throws IOException {
		return index.searcher().search(query(text, null, 10, Fusion.BM25_ONLY)).stream().map(SearchHit::id).toList();
	}

}
