package dev.hearth.assistant.router;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntryTermsTest {

	private static final EntryTerms TERMS = EntryTerms.of(
			List.of("How long does a refund take?\nRefunds reach your account within 5 to 10 working days.",
					"How do I restart my router?\nUnplug the router, wait ten seconds and plug it back in.",
					"Wie kündige ich meinen Vertrag?\nSie können Ihren Vertrag jederzeit zum Monatsende kündigen."),
			Arrays.asList("en", null, "de-DE"));

	@Test
	void stemmedQuestionWordsFindTheEntryByItsAnswer() {
		double[] scores = TERMS.scores("when will the refunded money be in my account");
		assertThat(scores[0]).isGreaterThan(scores[1]).isGreaterThan(0);
		assertThat(scores[2]).isZero();
		assertThat(TERMS.scores("router restarting")[1]).isGreaterThan(0.5);
	}

	@Test
	void germanEntriesAreAnalysedInGerman() {
		double[] scores = TERMS.scores("Verträge kündigen");
		assertThat(scores[2]).isGreaterThan(0.5);
		assertThat(scores[0]).isZero();
	}

	@Test
	void scoresAreSharesOfTheQuestionsWeight() {
		double[] all = TERMS.scores("refund account working days");
		double[] half = TERMS.scores("refund account weather forecast");
		assertThat(all[0]).isBetween(0.0, 1.0).isGreaterThan(half[0]);
		assertThat(TERMS.scores("the of and")).containsOnly(0.0);
		assertThat(TERMS.scores("")).containsOnly(0.0);
	}

	@Test
	void calibrationCanLeaveAnEntryOut() {
		assertThat(TERMS.scores("refund", 0)[0]).isZero();
		assertThat(TERMS.scores("refund", -1)[0]).isGreaterThan(0);
	}

	@Test
	void argumentsAreChecked() {
		assertThatThrownBy(() -> EntryTerms.of(List.of("a"), List.of())).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("texts has 1 entries, languages has 0");
		assertThatThrownBy(() -> TERMS.scores(null)).isInstanceOf(NullPointerException.class)
			.hasMessage("query must not be null");
		assertThat(EntryTerms.key("en-GB")).isEqualTo("en");
		assertThat(EntryTerms.key("fr")).isEqualTo("std");
		assertThat(EntryTerms.key(null)).isEqualTo("en");
	}

}
