package dev.hearth.assistant;

import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

import org.junit.jupiter.api.Test;

import dev.hearth.knowledge.FaqEntry;
import dev.hearth.retrieval.PassageKind;
import dev.hearth.retrieval.SearchHit;

import static org.assertj.core.api.Assertions.assertThat;

class LeftOutDetailsTest {

	private static final FaqEntry FIBRE_PRICES = new FaqEntry("plans-fibre-prices",
			"What fibre broadband plans do you offer and how much are they?", List.of("fibre prices", "cheapest plan"),
			"We have four fibre plans: Fibre 150 €29.99 and Fibre 900 €49.99 per month.", "en",
			Map.of("audience", List.of("customer")));

	private static final ExtractiveAnswers.Span CHANGING = span("Upgrading and downgrading",
			"You can upgrade to a faster plan at any time. Moving to a slower plan is only possible at the end of "
					+ "your minimum term.");

	/** "slower" is held by one passage, "plan" and "fibre" by many. */
	private static final ToIntFunction<String> HOLDING = (word) -> switch (word) {
		case "slower" -> 1;
		case "deal" -> 2;
		default -> 20;
	};

	private static ExtractiveAnswers.Span span(String heading, String text) {
		SearchHit hit = new SearchHit("c", "d", "g", PassageKind.DOCUMENT_CHUNK, "docs/plans/fibre-plans.md",
				"Fibre broadband plans and prices", "Fibre broadband plans and prices > " + heading, text, "/kb/d#0",
				"en", Map.of(), 1, 1, 1, 0.8f);
		return new ExtractiveAnswers.Span(new Passage(hit, 0.8), heading, text);
	}

	@Test
	void aRareWordTheEntryNeverSaysAndTheSpanNames() {
		assertThat(LeftOutDetails.namedOnlyBySpan("can I switch to a slower cheaper fibre plan?", FIBRE_PRICES,
				CHANGING, HOLDING))
			.containsExactly("slower");
	}

	@Test
	void aWordManyPassagesHoldNamesTheSubjectNotADetail() {
		assertThat(LeftOutDetails.namedOnlyBySpan("can I switch to a slower cheaper fibre plan?", FIBRE_PRICES,
				CHANGING, (word) -> 20))
			.isEmpty();
	}

	@Test
	void aWordTheSpanDoesNotNameIsTheCustomersOwnWording() {
		ExtractiveAnswers.Span other = span("What's included", "Unlimited data with no traffic management.");
		assertThat(LeftOutDetails.namedOnlyBySpan("can I switch to a slower cheaper fibre plan?", FIBRE_PRICES, other,
				HOLDING))
			.isEmpty();
	}

	@Test
	void aWordTheEntrySaysIsNoDetailItLeftOut() {
		assertThat(LeftOutDetails.namedOnlyBySpan("what's the cheapest plan?", FIBRE_PRICES, CHANGING, HOLDING))
			.isEmpty();
	}

	@Test
	void aGenericWordForAnOfferingIsNoDetail() {
		ExtractiveAnswers.Span deals = span("Minimum terms",
				"We remind you 40 days before your minimum term ends and tell you about our best deals for a fibre "
						+ "plan.");
		assertThat(LeftOutDetails.namedOnlyBySpan("is there a fibre plan deal?", FIBRE_PRICES, deals, HOLDING))
			.isEmpty();
	}

	@Test
	void noSpanNoDetail() {
		assertThat(LeftOutDetails.namedOnlyBySpan("can I switch to a slower fibre plan?", FIBRE_PRICES, null, HOLDING))
			.isEmpty();
	}

}
