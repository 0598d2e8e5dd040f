package dev.hearth.assistant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RestatedFactsTest {

	private static final String PAPER_BILL = "Yes. Online bills are free; a paper bill by post costs €2 per month. "
			+ "Paper bills are free for customers aged 75 or over. Large-print and braille bills are always free. "
			+ "You can switch in My Account under Billing.";

	private static final String PORTING = "Yes, and it's free. Get a porting code from your current provider and "
			+ "give it to us when you order. If we get it before 16:00 on a working day, your number moves the next "
			+ "working day. You'll use a temporary number until then.";

	@Test
	void aPriceAskedOfWhatTheAnswerWasAboutIsSaidAgain() {
		assertThat(RestatedFacts.of("how much is it?", PAPER_BILL)).hasValue(
				"Online bills are free; a paper bill by post costs €2 per month. Paper bills are free for customers aged 75 or over.");
	}

	@Test
	void aTimeAskedIsTheSentenceWithATime() {
		assertThat(RestatedFacts.of("how long does that take?", PORTING)).hasValueSatisfying(
				(text) -> assertThat(text).contains("next working day").doesNotContain("temporary number"));
	}

	@Test
	void aFollowUpReadWithTheConversationMayNameWhatTheAnswerSaid() {
		String home = "**Home phone numbers**\n\nIf you have Fibre Voice, you can bring your landline number too. "
				+ "Tell us when you order; landline number ports take up to **10 working days**. [1]";
		assertThat(RestatedFacts.ofRead("Home phone numbers how long does it take?", home))
			.hasValueSatisfying((text) -> assertThat(text).contains("10 working days"));
		assertThat(RestatedFacts.ofRead("Home phone numbers how long does a mobile port take?", home))
			.as("a word of its own the answer never says")
			.isEmpty();
	}

	@Test
	void aGermanPriceQuestionToo() {
		assertThat(RestatedFacts.of("Und was kostet das?",
				"Ja. Melden Sie den Umzug in der App. Sonst kostet es einmalig 35 €. Nehmen Sie den Router mit."))
			.hasValue("Sonst kostet es einmalig 35 €.");
	}

	@Test
	void anAnswerThatIsAllFactIsNotGivenAgain() {
		assertThat(
				RestatedFacts.of("and how long does that take?", "Refunds reach your account within 5 working days."))
			.isEmpty();
	}

	@Test
	void aFollowUpThatNamesAThingOfItsOwnIsLeftToTheSearch() {
		assertThat(RestatedFacts.of("how long does it take to activate?", PORTING)).isEmpty();
	}

	@Test
	void aFollowUpThatAsksNoKindOfFactIsLeftToTheSearch() {
		assertThat(RestatedFacts.of("can I get it in white?", PAPER_BILL)).isEmpty();
	}

	@Test
	void anAnswerThatDoesNotStateTheKindAskedSaysNothingAgain() {
		assertThat(RestatedFacts.of("how long does that take?", "You can switch in My Account under Billing."))
			.isEmpty();
	}

}
