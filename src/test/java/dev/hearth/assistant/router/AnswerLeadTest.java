package dev.hearth.assistant.router;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnswerLeadTest {

	@Test
	void theLeadIsTheFirstTwoSentencesWithoutMarkdown() {
		String answer = """
				**Refunds** take 5 to 10 working days. See [our refund page](https://example.com/refunds).
				A third sentence with detail.
				""";
		assertThat(AnswerLead.of(answer, "en")).isEqualTo("Refunds take 5 to 10 working days. See our refund page .");
	}

	@Test
	void aLongFirstSentenceIsTheWholeLead() {
		String first = "word ".repeat(AnswerLead.MAX_WORDS).strip() + ".";
		assertThat(AnswerLead.of(first + " Second sentence.", null)).isEqualTo(first);
	}

	@Test
	void listMarkersAndBlankAnswers() {
		assertThat(AnswerLead.of("- Unplug the router.\n- Wait ten seconds.\n- Plug it in.", "en"))
			.isEqualTo("Unplug the router. Wait ten seconds.");
		assertThat(AnswerLead.of("  ", "de")).isEmpty();
		assertThatThrownBy(() -> AnswerLead.of(null, "en")).isInstanceOf(NullPointerException.class)
			.hasMessage("answer must not be null");
	}

}
