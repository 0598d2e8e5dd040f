package dev.hearth.assistant;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The customer's language from short questions, with the conversation as context. */
class LanguageDetectionTest {

	private final LanguageDetection languages = LanguageDetection.of(List.of("en", "de"), 0.99);

	@Test
	void detectsShortCustomerQuestions() {
		assertThat(this.languages.detect("Wie lange dauert eine Rückerstattung?")).isEqualTo("de");
		assertThat(this.languages.detect("Ich habe meine Jugendschutz-PIN vergessen")).isEqualTo("de");
		assertThat(this.languages.detect("how long does a refund take?")).isEqualTo("en");
		assertThat(this.languages.detect("my router light is orange")).isEqualTo("en");
		assertThat(this.languages.detect("Rechnung")).isEqualTo("de");
	}

	@Test
	void tooFewLettersLeaveItToTheContext() {
		assertThat(this.languages.probabilities("ok")).isEmpty();
		assertThat(this.languages.detect("42 ?")).isNull();
		assertThat(this.languages.resolve("ok", "de")).isEqualTo("de");
		assertThat(this.languages.resolve("👍", null)).isNull();
	}

	@Test
	void theConversationsLanguageHoldsUnlessTheTextIsClearlyAnother() {
		// a clear German question on an English widget switches the conversation
		assertThat(this.languages.resolve("Wie kann ich meine Rechnung bezahlen?", "en")).isEqualTo("de");
		// an English name in a German conversation does not
		assertThat(this.languages.resolve("Netflix", "de")).isEqualTo("de");
		// without a context the detector decides
		assertThat(this.languages.resolve("Wann ist meine Rechnung fällig?", null)).isEqualTo("de");
		// a context that is not a candidate counts for nothing
		assertThat(this.languages.resolve("when is my bill due?", "fr")).isEqualTo("en");
		// language tags are reduced to their language
		assertThat(this.languages.resolve("ok", "de-CH")).isEqualTo("de");
	}

	@Test
	void isDeterministic() {
		for (int i = 0; i < 20; i++) {
			assertThat(this.languages.probabilities("Tarif wechseln"))
				.isEqualTo(this.languages.probabilities("Tarif wechseln"));
		}
	}

	@Test
	void refusesLanguagesItHasNoProfileFor() {
		assertThatIllegalArgumentException().isThrownBy(() -> LanguageDetection.of(List.of("en", "xx"), 0.9))
			.withMessage("no language profile for 'xx': use ISO 639-1 codes such as en, de, fr, es, it, nl");
		assertThatIllegalArgumentException().isThrownBy(() -> LanguageDetection.of(List.of(), 0.9))
			.withMessage("at least one candidate language is needed");
		assertThatIllegalArgumentException().isThrownBy(() -> LanguageDetection.of(List.of("en"), 1.0))
			.withMessage("contextPrior must be in [0, 1), got 1.0");
		assertThat(LanguageDetection.of(List.of("EN", "de-AT", "fr"), 0.9).candidates()).containsExactly("en", "de",
				"fr");
	}

}
