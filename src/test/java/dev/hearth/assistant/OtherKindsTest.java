package dev.hearth.assistant;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.knowledge.FaqEntry;
import dev.hearth.retrieval.PassageKind;
import dev.hearth.retrieval.SearchHit;

import static org.assertj.core.api.Assertions.assertThat;

class OtherKindsTest {

	private static final FaqEntry KEEP_NUMBER = new FaqEntry("porting-keep-number",
			"Can I keep my mobile number when I join?", List.of("keep my number", "bring my old number"),
			"Yes, and it's free. Get a porting code from your current provider.", "en",
			Map.of("audience", List.of("customer")));

	private static final FaqEntry LEAVE_CODE = new FaqEntry("porting-leave-code",
			"How do I get a porting code to move my number to another provider?", List.of("porting code please"),
			"Request it in the Northwind app.", "en", Map.of("audience", List.of("customer")));

	private static ExtractiveAnswers.Span span(String heading, String text) {
		SearchHit hit = new SearchHit("c", "d", "g", PassageKind.DOCUMENT_CHUNK, "docs/mobile/number-porting.md",
				"Keeping your number", "Keeping your number > " + heading, text, "/kb/d#0", "en", Map.of(), 1, 1, 1,
				0.8f);
		return new ExtractiveAnswers.Span(new Passage(hit, 0.8), heading, text);
	}

	private static final ExtractiveAnswers.Span HOME_PHONE = span("Home phone numbers",
			"If you have Fibre Voice, you can bring your landline number too. Landline number ports take up to 10 working days.");

	@Test
	void theQuestionsKindOfTheThingNamedByTheSpanAndAnotherByTheEntry() {
		assertThat(OtherKinds.namedBySpanNotEntry("can I keep my landline number if I switch to you?", KEEP_NUMBER,
				HOME_PHONE))
			.contains("landline");
	}

	@Test
	void aGeneralWordForTheThingIsNoOtherKind() {
		assertThat(OtherKinds.namedBySpanNotEntry("can I keep my landline number if I switch to you?", LEAVE_CODE,
				HOME_PHONE))
			.as("the entry names 'my number', no kind of it")
			.isEmpty();
		assertThat(OtherKinds.namedBySpanNotEntry("I don't want a new phone number when I join", KEEP_NUMBER,
				span("On porting day", "Your number moves between 10:00 and 14:00. Restart your phone.")))
			.as("the span never says 'phone number'")
			.isEmpty();
		assertThat(OtherKinds.namedBySpanNotEntry("can I keep my mobile number and my landline number?", KEEP_NUMBER,
				HOME_PHONE))
			.as("the question names the entry's kind too")
			.isEmpty();
	}

	@Test
	void pairsAreNeighbouringContentWordsWithinAClause() {
		assertThat(OtherKinds.pairs("keep my landline number, mobile too"))
			.extracting((pair) -> pair[0] + " " + pair[1])
			.as("'my' between them, a comma after them")
			.containsExactly("landline number");
		assertThat(OtherKinds.pairs("Fibre 500 plan")).isEmpty();
	}

}
