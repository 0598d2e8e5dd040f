package dev.hearth.assistant;

import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TranslatedReadingTest {

	private static final Map<String, Integer> PASSAGES = Map.of("discount", 2, "fibre", 40, "mobile", 30, "contract",
			20, "bill", 25, "due", 4, "days", 30);

	private static final ToIntFunction<String> HOLDING = (word) -> PASSAGES.getOrDefault(word, 0);

	@Test
	void theTranslatedReadingWinsWhenItsAnswerNamesTheRareWordAsked() {
		// the German moving entry, read in English, names the question's context words
		// (fibre, contract); the English bundle entry names what is asked (discount)
		Set<String> moving = ContentWords.setOf("move fibre contract address glass socket free");
		assertThat(TranslatedReading.better(
				TranslatedReading.weights("discount if I glass fibre and mobile contract with you have?", HOLDING),
				moving, "Do I get a discount if I have broadband and mobile with you? Yes. With an active Northwind "
						+ "fibre plan, every mobile line on the same account gets €4 off per month."))
			.isTrue();
	}

	@Test
	void theAnswerInTheQuestionsLanguageStaysWhenItNamesAsMuch() {
		Set<String> due = ContentWords.setOf("bill invoice due 14 days date direct debit");
		assertThat(TranslatedReading.better(TranslatedReading.weights("when is my bill due?", HOLDING), due,
				"Your bill is due 14 days later."))
			.isFalse();
	}

	@Test
	void aWordNoPassageHoldsWeighsNothingAndARareOneMost() {
		Map<String, Double> weights = TranslatedReading.weights("discount for glass fibre?", HOLDING);
		assertThat(weights).containsEntry("discount", 0.5)
			.containsEntry(ContentWords.stem("glass"), 0.0)
			.containsEntry("fibre", 1.0 / 40);
		assertThat(TranslatedReading.named(weights, Set.of("fibre", ContentWords.stem("glass")))).isEqualTo(1.0 / 40);
	}

	@Test
	void aWordOfGermanGrammarIsNotCounted() {
		assertThat(TranslatedReading.weights("must I move?", (word) -> 5)).containsOnlyKeys("move");
	}

	@Test
	void anAnswerStatingMostOfTheOthersNumbersIsItsCounterpart() {
		String moving = "Melden Sie den Umzug mindestens 30 Tage vorher (spätestens 14 Tage) unter 0800 123 4568; "
				+ "sonst einmalig 35 €.";
		assertThat(TranslatedReading.counterpart(moving,
				"Tell us at least 30 days before you move (and no later than 14 days) on 0800 123 4567; the fee is €35."))
			.isTrue();
		assertThat(TranslatedReading.counterpart(moving,
				"Every mobile line gets €4 off per month, for up to 4 lines, so Mobile Lite costs €4 and Mobile Plus €10."))
			.isFalse();
		assertThat(TranslatedReading.counterpart(moving, "Yes, order it in My Account.")).isFalse();
	}

}
