package dev.hearth.retrieval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.hearth.retrieval.PassageFixtures.DIMENSIONS;
import static dev.hearth.retrieval.PassageFixtures.axis;
import static dev.hearth.retrieval.PassageFixtures.chunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WordSensesTest {

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
	void aWordOfAGroupBringsTheOthersTheQueryLacks() {
		try (LanguageAnalyzers analyzers = new LanguageAnalyzers()) {
			String field = PassageSchema.textField("en");
			WordSenses senses = WordSenses.of(List.of("# comment", "", "cancel remove drop", "telly tv"),
					(word) -> analyzers.terms(field, word));
			assertThat(senses.others(analyzers.terms(field, "how do I cancel the sports add-on")))
				.containsExactlyInAnyOrderElementsOf(analyzers.terms(field, "remove drop"));
			assertThat(senses.others(analyzers.terms(field, "cancel or remove it"))).containsExactly("drop");
			assertThat(senses.others(analyzers.terms(field, "my router password"))).isEmpty();
		}
	}

	@Test
	void aGroupNeedsTwoWords() {
		assertThatThrownBy(() -> WordSenses.of(List.of("cancel"), List::of))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("a word-senses line needs two or more words, got: cancel");
	}

	@Test
	void theBundledGroupsAreRead() {
		try (LanguageAnalyzers analyzers = new LanguageAnalyzers()) {
			String field = PassageSchema.textField("en");
			WordSenses senses = WordSenses.bundled(WordSenses.ENGLISH, (word) -> analyzers.terms(field, word));
			assertThat(senses.others(analyzers.terms(field, "cancel"))).isNotEmpty();
		}
	}

	@Test
	void bm25FindsThePassageThatSaysTheQuestionsWordAnotherWayOnlyWithASenseWeight() throws IOException {
		this.index.replaceDocument("d1",
				List.of(chunk("addons", "d1", "You can add or remove add-ons at any time", axis(0)),
						chunk("other", "d1", "Sports highlights every evening", axis(1))),
				1);
		PassageQuery plain = new PassageQuery("cancel the add-ons", null, 2, Map.of(), Fusion.BM25_ONLY);
		PassageQuery senses = new PassageQuery("cancel the add-ons", null, 2, Map.of(), Fusion.BM25_ONLY, 1);
		float without = this.index.searcher().search(plain).get(0).score();
		List<SearchHit> with = this.index.searcher().search(senses);
		assertThat(with).extracting(SearchHit::id).containsExactly("addons");
		assertThat(with.get(0).score()).isGreaterThan(without);
	}

	@Test
	void theSenseWeightIsChecked() {
		assertThatThrownBy(() -> new PassageQuery("cancel", null, 2, Map.of(), Fusion.BM25_ONLY, 1.5))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("senseWeight must be between 0 and 1, got 1.5");
	}

}
