package dev.hearth.assistant;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReferredSubjectTest {

	private static final List<Turn> MOBILE = List.of(new Turn(true, "what mobile plans do you have?"),
			new Turn(false, "All our mobile plans are SIM-only: Mobile Lite €8 per month on a 12-month term."));

	@Test
	void aPronounStandsForWhatThePreviousQuestionAndAnswerWereAbout() {
		assertThat(ReferredSubject.of("can I cancel it anytime?", MOBILE)).contains(Set.of("mobile", "plan"));
	}

	@Test
	void theQuestionsOtherWordsAreNotTheSubject() {
		List<Turn> history = List.of(new Turn(true, "what's included with Fibre 900?"),
				new Turn(false, "**What's included**\n\nOne Mesh Pod is included with Fibre 900 and Fibre 2000."));
		assertThat(ReferredSubject.of("how much is it?", history).orElseThrow()).contains("fibre", "900");
	}

	@Test
	void aFollowUpWithoutAPronounHasNoReferredSubject() {
		assertThat(ReferredSubject.of("does the TV Box work over wifi?", MOBILE)).isEmpty();
		assertThat(ReferredSubject.of("I was charged twice this month", MOBILE)).isEmpty();
		assertThat(ReferredSubject.of("can I cancel it anytime?", List.of())).isEmpty();
		// the pronoun after a preposition says what the question's own topic concerns
		assertThat(ReferredSubject.of("I was charged twice for that", MOBILE)).isEmpty();
	}

	@Test
	void germanPronouns() {
		List<Turn> history = List.of(new Turn(true, "Was ist SafeHome?"),
				new Turn(false, "SafeHome filtert Webseiten."));
		assertThat(ReferredSubject.of("Kostet das etwas?", history)).contains(Set.of("safehome"));
	}

	@Test
	void aTextSpeaksOfTheSubjectWhenItNamesOneOfItsWords() {
		Set<String> subject = Set.of("mobile", "plan");
		assertThat(ReferredSubject.speaksOf(subject, "Minimum terms are 12 months for mobile.")).isTrue();
		assertThat(ReferredSubject.speaksOf(subject, "Cancel online in My Account under Contract > Cancel a service."))
			.isFalse();
	}

	@Test
	void aPronounAsTheSubjectLeavesTheOwnWordsWithoutOne() {
		assertThat(ReferredSubject.asSubject("does it work on mobile data too?")).isTrue();
		assertThat(ReferredSubject.asSubject("how long does that take?")).isTrue();
		assertThat(ReferredSubject.asSubject("what if it breaks?")).isTrue();
		assertThat(ReferredSubject.asSubject("Kostet das etwas?")).isTrue();
		assertThat(ReferredSubject.asSubject("and can I pay that by card?")).isFalse();
		assertThat(ReferredSubject.asSubject("can I cancel it anytime?")).isFalse();
	}

}
