package dev.hearth.assistant;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.hearth.retrieval.PassageKind;
import dev.hearth.retrieval.SearchHit;

import static org.assertj.core.api.Assertions.assertThat;

class TiedSpansTest {

	private static final Passage RENEWAL = passage("Membership > Renewal",
			"Your club membership renews every year on the date you joined. "
					+ "The club writes to you about your membership a month before it renews.");

	private static final Passage GUESTS = passage("Membership > Guests",
			"Guest pass holders must be 16 or over at the club. A guest pass at the club costs €10 per visit.");

	/**
	 * The question and the sentence about writing point one way, everything else another.
	 */
	private static final Function<String, float[]> MEANING = (text) -> text.contains("writes") ? new float[] { 1, 0 }
			: new float[] { 0, 1 };

	@Test
	void spansThatTieOnWordsAreToldApartByMeaning() {
		String question = "will the club warn me before my membership renews?";
		assertThat(compose(question, null, RENEWAL)).contains("renews every year").doesNotContain("writes");
		assertThat(compose(question, new float[] { 1, 0 }, RENEWAL)).startsWith("**Renewal**")
			.contains("The club writes to you")
			.doesNotContain("every year");
	}

	@Test
	void theTiedSpanThatStatesTheKindOfFactAskedWinsFirst() {
		assertThat(compose("how much is a guest pass at the club?", null, GUESTS)).contains("€10 per visit")
			.doesNotContain("16 or over");
		assertThat(compose("how much is a guest pass at the club?", new float[] { 0, 1 }, GUESTS))
			.as("the kind asked before meaning")
			.contains("€10 per visit");
		assertThat(compose("who can use a guest pass at the club?", null, GUESTS)).as("no kind asked: the first")
			.contains("16 or over");
	}

	@Test
	void aSpanThatNamesMoreOfTheQuestionKeepsItsPlace() {
		Passage renewal = passage("Membership > Renewal",
				"Your club membership renews every year on the date you joined. The club writes to you a month before.");
		assertThat(compose("on which date does my club membership start each year", new float[] { 1, 0 }, renewal))
			.contains("every year on the date")
			.doesNotContain("writes");
	}

	private static String compose(String question, float[] vector, Passage passage) {
		return ExtractiveAnswers
			.compose(question, vector, List.of(passage), 1, Locale.ENGLISH, "", MEANING, ExtractiveAnswers.WEIGHTS)
			.text();
	}

	private static Passage passage(String section, String text) {
		SearchHit hit = new SearchHit("t" + section.hashCode(), "doc-t", "t", PassageKind.DOCUMENT_CHUNK, "docs/t.md",
				"Membership", section, text, "/kb/documents/doc-t#chunk-0", "en", Map.of(), 1, 1, 1, 0.8f);
		return new Passage(hit, 0.8);
	}

}
