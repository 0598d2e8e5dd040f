package dev.hearth.assistant;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.retrieval.PassageKind;
import dev.hearth.retrieval.SearchHit;

import static org.assertj.core.api.Assertions.assertThat;

class PossibilitySpansTest {

	private static final Passage FREEZING = passage("Membership > Freezing your membership",
			"Members can freeze their membership for up to 3 months a year. "
					+ "Classes booked for the frozen months are cancelled. "
					+ "To freeze your membership while injured, send a doctor's note to the desk.");

	@Test
	void aQuestionWhetherItCanBeDoneGetsTheSentenceThatSaysSo() {
		String text = ExtractiveAnswers
			.compose("can I freeze my membership while I'm injured?", List.of(FREEZING), 1, Locale.ENGLISH)
			.text();
		assertThat(text).contains("can freeze their membership");
	}

	@Test
	void aQuestionThatAsksSomethingElseKeepsItsSpan() {
		String text = ExtractiveAnswers
			.compose("how do I freeze my membership while I'm injured?", List.of(FREEZING), 1, Locale.ENGLISH)
			.text();
		assertThat(text).contains("doctor's note").doesNotContain("3 months");
	}

	@Test
	void readsWhetherTheQuestionAsksIfItCanBeDone() {
		assertThat(PossibilitySpans.asked("can I keep my landline number")).isNotNull();
		assertThat(PossibilitySpans.asked("Hi, could we pause the TV while we're away?")).isNotNull();
		assertThat(PossibilitySpans.asked("is it possible to change my bill date")).isNotNull();
		assertThat(PossibilitySpans.asked("Kann ich meinen Vertrag kündigen?")).isNotNull();
		assertThat(PossibilitySpans.asked("how much is the sports add-on?")).isNull();
		assertThat(PossibilitySpans.asked("what can I do about slow wifi")).as("a question for what to do").isNull();
		assertThat(PossibilitySpans.asked("how much is fibre 500? can I cancel it later?")).isNotNull();
	}

	@Test
	void aSentenceSaysWhetherItCanBeDone() {
		var says = PossibilitySpans.asked("can I keep my number");
		assertThat(says.matcher("If you have Fibre Voice, you can bring your landline number too.").find()).isTrue();
		assertThat(says.matcher("Moving to a slower plan is only possible at the end of your minimum term.").find())
			.isTrue();
		assertThat(says.matcher("Keep your old landline service active until the port is complete.").find()).isFalse();
	}

	private static Passage passage(String section, String text) {
		SearchHit hit = new SearchHit("g" + section.hashCode(), "doc-g", "g", PassageKind.DOCUMENT_CHUNK, "docs/g.md",
				"Membership", section, text, "/kb/documents/doc-g#chunk-0", "en", Map.of(), 1, 1, 1, 0.8f);
		return new Passage(hit, 0.8);
	}

}
