package dev.hearth.assistant;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.retrieval.PassageKind;
import dev.hearth.retrieval.SearchHit;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractiveAnswersTest {

	@Test
	void theSentencesThatShareTheQuestionsWordsAreKeptInOrderWithTheirCitation() {
		Passage moving = passage("a", "Moving house", "Before you move",
				"We are sorry to see you go. Tell us about your move at least four weeks ahead. "
						+ "An engineer then connects your new home on the day you arrive. Our shop sells routers.");
		Passage fees = passage("b", "Fees", "", "Moving your fibre service is free of charge within our network.");
		ExtractiveAnswers.Composed composed = ExtractiveAnswers
			.compose("how early must I tell you about my move to a new home", List.of(moving, fees), 3, Locale.ENGLISH);
		assertThat(composed.text()).startsWith("Tell us about your move at least four weeks ahead.")
			.contains("connects your new home")
			.doesNotContain("sorry")
			.doesNotContain("routers");
		assertThat(composed.citations()).extracting(Citation::number).startsWith(1);
		assertThat(composed.citations().get(0).source()).isEqualTo("docs/a.md");
		assertThat(composed.text()).contains("[1]");
	}

	@Test
	void withNoSharedWordsTheTopPassagesOpeningIsUsed() {
		Passage passage = passage("a", "Router", "", "Unplug it for thirty seconds. Plug it back in. Wait.");
		ExtractiveAnswers.Composed composed = ExtractiveAnswers.compose("xyzzy", List.of(passage), 3, Locale.ENGLISH);
		assertThat(composed.text()).isEqualTo("Unplug it for thirty seconds. Plug it back in. [1]");
	}

	private static Passage passage(String name, String title, String section, String text) {
		SearchHit hit = new SearchHit(name, "doc-" + name, name, PassageKind.DOCUMENT_CHUNK, "docs/" + name + ".md",
				title, section, text, "/kb/documents/doc-" + name + "#chunk-0", "en", Map.of(), 1, 1, 1);
		return new Passage(hit, 0.8);
	}

}
