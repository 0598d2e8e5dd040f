package dev.hearth.assistant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeadingFactsTest {

	@Test
	void aHeadingThatNamesTheKindOfFactTheQuestionNamesAnswersTheKind() {
		assertThat(HeadingFacts.namesKind("kids channel numbers", "Channel numbers")).isTrue();
		assertThat(HeadingFacts.namesKind("which option do I press for billing?", "Phone menu options")).isTrue();
		assertThat(HeadingFacts.namesKind("kids channels", "Channel numbers")).as("no kind named").isFalse();
		assertThat(HeadingFacts.namesKind("kids channel numbers", "Kids mode")).isFalse();
		assertThat(HeadingFacts.namesKind("kids channel numbers", "")).isFalse();
	}

	@Test
	void aHeadingStatesTheFactForASpanThatLacksIt() {
		assertThat(HeadingFacts.statesForSpan("what does the film pass cost?", "Film pass - €12 per month",
				"• 504 Classic Films"))
			.isTrue();
		assertThat(HeadingFacts.statesForSpan("what does the film pass cost?", "Film pass - €12 per month",
				"Rent a film for €3."))
			.as("the span states an amount itself")
			.isFalse();
		assertThat(HeadingFacts.statesForSpan("which films are in the pass?", "Film pass - €12 per month",
				"• 504 Classic Films"))
			.as("no fact asked")
			.isFalse();
		assertThat(HeadingFacts.statesForSpan("what does the film pass cost?", "Film pass", "• 504 Classic Films"))
			.isFalse();
	}

	@Test
	void aHeadingsEnumerationIsNoFact() {
		assertThat(HeadingFacts.stated("3. Restart your Hub")).isEqualTo("Restart your Hub");
		assertThat(HeadingFacts.stated("Step 1: Tell us")).isEqualTo("Tell us");
		assertThat(HeadingFacts.stated("14-day cooling-off period")).isEqualTo("14-day cooling-off period");
	}

	@Test
	void theSpanIsReadWithItsHeading() {
		assertThat(HeadingFacts.withHeading("Film pass - €12 per month", "• 504 Classic Films"))
			.isEqualTo("Film pass - €12 per month\n• 504 Classic Films");
		assertThat(HeadingFacts.withHeading("", "Text.")).isEqualTo("Text.");
		assertThat(HeadingFacts.withHeading("2. Check the light", "Text.")).isEqualTo("Check the light\nText.");
	}

	@Test
	void anAmountInTheHeadingAnswersHowMuchForTheSectionsSpan() {
		Answerability answerability = new Answerability(0.4);
		String question = "how much is the package with the history channel?";
		String context = "TV guide\nTV guide > Premium package - $18 per month\n• 126 History Channel HD";
		assertThat(answerability.judge(question, context, "• 126 History Channel HD").answers()).isFalse();
		assertThat(answerability
			.judge(question, context,
					HeadingFacts.withHeading("Premium package - $18 per month", "• 126 History Channel HD"))
			.answers()).isTrue();
	}

}
