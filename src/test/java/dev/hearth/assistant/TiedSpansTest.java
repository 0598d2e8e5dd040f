package dev.hearth.assistant;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.retrieval.PassageKind;
import dev.hearth.retrieval.SearchHit;

import static org.assertj.core.api.Assertions.assertThat;

class TiedSpansTest {

	private static final Passage GUESTS = passage("Membership > Guests",
			"Guest pass holders must be 16 or over at the club. A guest pass at the club costs €10 per visit.");

	@Test
	void theTiedSpanThatStatesTheKindOfFactAskedAnswers() {
		assertThat(compose("how much is a guest pass at the club?", GUESTS)).startsWith("**Guests**")
			.contains("€10 per visit")
			.doesNotContain("16 or over");
		assertThat(compose("I'm visiting a friend. how much is a guest pass at the club?", GUESTS))
			.contains("€10 per visit");
	}

	@Test
	void aQuestionForNoKindOfFactKeepsTheFirstTiedSpan() {
		assertThat(compose("who can use a guest pass at the club?", GUESTS)).contains("16 or over")
			.doesNotContain("€10");
		assertThat(compose("how much is a guest pass? and who can use a guest pass at the club?", GUESTS))
			.as("a follow-up read with the question before it asks what its own words ask")
			.contains("16 or over");
	}

	@Test
	void aSpanThatNamesMoreOfTheQuestionKeepsItsPlace() {
		Passage guests = passage("Membership > Guests",
				"Guest pass holders must be 16 or over. A pass for the club costs €10 per visit.");
		assertThat(compose("how much is a guest pass", guests)).contains("16 or over").doesNotContain("€10");
	}

	private static String compose(String question, Passage passage) {
		return ExtractiveAnswers.compose(question, List.of(passage), 1, Locale.ENGLISH).text();
	}

	private static Passage passage(String section, String text) {
		SearchHit hit = new SearchHit("t" + section.hashCode(), "doc-t", "t", PassageKind.DOCUMENT_CHUNK, "docs/t.md",
				"Membership", section, text, "/kb/documents/doc-t#chunk-0", "en", Map.of(), 1, 1, 1, 0.8f);
		return new Passage(hit, 0.8);
	}

}
