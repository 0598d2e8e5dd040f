package dev.hearth.assistant.router;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnswerSentencesTest {

	@Test
	void theFirstSentencesOfSomeWordsWithoutMarkdownAreThePseudoQuestions() {
		String answer = """
				Yes. **Refunds** take 5 to 10 working days after we receive the item.
				- See [our policy](https://example.com/refunds) for the details of returns.
				You can track the refund in your account. A fourth sentence is not used here.
				""";
		assertThat(AnswerSentences.of(answer, "en")).containsExactly(
				"Refunds take 5 to 10 working days after we receive the item.",
				"See our policy for the details of returns.", "You can track the refund in your account.");
	}

	@Test
	void longSentencesAreCutAndBlankAnswersGiveNone() {
		String longSentence = "word ".repeat(60).strip() + ".";
		assertThat(AnswerSentences.of(longSentence, null).get(0).split(" ")).hasSize(AnswerSentences.MAX_WORDS);
		assertThat(AnswerSentences.of("  ", "de")).isEmpty();
		assertThatThrownBy(() -> AnswerSentences.of(null, "en")).isInstanceOf(NullPointerException.class);
	}

}
