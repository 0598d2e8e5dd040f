package dev.hearth.assistant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class YesNoQuestionsTest {

	private static final String BOX = "Yes. Extra TV Box 4K units cost €6 per month each.";

	@Test
	void aQuestionThatAsksHowGetsTheAnswerWithoutItsYes() {
		assertThat(YesNoQuestions.fitted(BOX, "how to add a tv box in the bedroom"))
			.isEqualTo("Extra TV Box 4K units cost €6 per month each.");
		assertThat(YesNoQuestions.fitted(BOX, "How do I order a second box?"))
			.isEqualTo("Extra TV Box 4K units cost €6 per month each.");
		assertThat(YesNoQuestions.fitted(BOX, "multiroom tv"))
			.isEqualTo("Extra TV Box 4K units cost €6 per month each.");
		assertThat(YesNoQuestions.fitted("Yes, you can.", "what about a second box")).isEqualTo("You can.");
		assertThat(YesNoQuestions.fitted("Yes, and it's free. Get a porting code.",
				"Wie kann ich meine Rufnummer mitnehmen?", true))
			.isEqualTo("It's free. Get a porting code.");
		assertThat(YesNoQuestions.fitted("Yes, Android phones work.", "which phones work?"))
			.isEqualTo("Android phones work.");
	}

	@Test
	void anEnglishEntryGivenToAGermanQuestionReadsItAsGerman() {
		assertThat(YesNoQuestions.fitted(BOX, "Was kostet eine zusätzliche TV-Box?", true))
			.isEqualTo("Extra TV Box 4K units cost €6 per month each.");
		assertThat(YesNoQuestions.fitted(BOX, "Kann ich eine zweite TV-Box bekommen?", true)).isEqualTo(BOX);
	}

	@Test
	void aYesOrNoQuestionKeepsTheYes() {
		assertThat(YesNoQuestions.fitted(BOX, "Can I get another TV Box for a second room?")).isEqualTo(BOX);
		assertThat(YesNoQuestions.fitted(BOX, "hi, is there a box for the bedroom")).isEqualTo(BOX);
		assertThat(YesNoQuestions.fitted(BOX, "I'm moving the TV upstairs. Do I need another box?")).isEqualTo(BOX);
		assertThat(YesNoQuestions.fitted(BOX, "so cant I just have two boxes")).isEqualTo(BOX);
		assertThat(YesNoQuestions.fitted(BOX, "I was wondering if I can have two boxes")).isEqualTo(BOX);
		assertThat(YesNoQuestions.fitted(BOX, "was I charged for a second box?")).isEqualTo(BOX);
		assertThat(YesNoQuestions.fitted(BOX, "I'm moving the TV - will I need another box?")).isEqualTo(BOX);
	}

	@Test
	void germanQuestionsAreReadAsGerman() {
		String move = "Ja. Melden Sie den Umzug mindestens 30 Tage vorher.";
		assertThat(YesNoQuestions.fitted(move, "Kann ich meinen Anschluss mitnehmen?")).isEqualTo(move);
		assertThat(YesNoQuestions.fitted(move, "Nehme ich den Anschluss mit, wenn ich umziehe?")).isEqualTo(move);
		assertThat(YesNoQuestions.fitted(move, "Wir ziehen um. Geht das Internet mit?")).isEqualTo(move);
		assertThat(YesNoQuestions.fitted(move, "Wie melde ich meinen Umzug?"))
			.isEqualTo("Melden Sie den Umzug mindestens 30 Tage vorher.");
		assertThat(YesNoQuestions.fitted(move, "Was kostet der Umzug?"))
			.isEqualTo("Melden Sie den Umzug mindestens 30 Tage vorher.");
		assertThat(YesNoQuestions.fitted(move, "Ich ziehe um."))
			.isEqualTo("Melden Sie den Umzug mindestens 30 Tage vorher.");
	}

	@Test
	void anAnswerThatDoesNotOpenWithYesIsUnchanged() {
		assertThat(YesNoQuestions.fitted("No. We don't sell boxes.", "how do I buy a box"))
			.isEqualTo("No. We don't sell boxes.");
		assertThat(YesNoQuestions.fitted("Yesterday's bills are online.", "how do I see bills"))
			.isEqualTo("Yesterday's bills are online.");
		assertThat(YesNoQuestions.withoutAffirmation(BOX)).isEqualTo("Extra TV Box 4K units cost €6 per month each.");
	}

}
