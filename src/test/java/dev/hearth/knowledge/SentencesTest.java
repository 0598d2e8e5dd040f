package dev.hearth.knowledge;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * The sentence splitter on support text. The cases are those of the comparison with ICU4J
 * in docs/benchmarks.md ("Sentence splitter"): the ones the JDK splits right, and its
 * known limits pinned so that a change of splitter shows up here.
 */
class SentencesTest {

	private static final Locale EN = Locale.ENGLISH;

	private static final Locale DE = Locale.GERMAN;

	@Test
	void splitsAtFullStopsQuestionAndExclamationMarks() {
		assertThat(Sentences.of("Is the light red? Unplug it! Wait 10 s. Plug it in again.", EN))
			.containsExactly("Is the light red?", "Unplug it!", "Wait 10 s.", "Plug it in again.");
	}

	@Test
	void keepsAbbreviationsAndNumbersFollowedByLowerCaseOrDigits() {
		assertThat(Sentences.of("Restart the router, e.g. by unplugging it. Then wait two minutes.", EN))
			.containsExactly("Restart the router, e.g. by unplugging it.", "Then wait two minutes.");
		assertThat(Sentences.of("The plan costs approx. 20 EUR per month. It includes 3.5 GB of data.", EN))
			.containsExactly("The plan costs approx. 20 EUR per month.", "It includes 3.5 GB of data.");
		assertThat(Sentences.of("Open www.example.com/help. Sign in with your customer no. 12345.", EN))
			.containsExactly("Open www.example.com/help.", "Sign in with your customer no. 12345.");
		assertThat(Sentences.of("Update to version 2.3.1 first. Then reboot.", EN))
			.containsExactly("Update to version 2.3.1 first.", "Then reboot.");
		assertThat(Sentences.of("Die Gebühr beträgt ca. 5 Euro bzw. 10 Euro im Ausland. Sie wird monatlich berechnet.",
				DE))
			.containsExactly("Die Gebühr beträgt ca. 5 Euro bzw. 10 Euro im Ausland.", "Sie wird monatlich berechnet.");
		assertThat(Sentences.of("Die Kundennr. steht auf der Rechnung. Sie beginnt mit 4.", DE))
			.containsExactly("Die Kundennr. steht auf der Rechnung.", "Sie beginnt mit 4.");
	}

	@Test
	void lineBreaksEndSentencesAndBlanksAreDropped() {
		assertThat(Sentences.of("Go to Settings > Network.\nChoose Wi-Fi.   Enter the password.\n\n", EN))
			.containsExactly("Go to Settings > Network.", "Choose Wi-Fi.", "Enter the password.");
		assertThat(Sentences.of("  \n ", EN)).isEmpty();
		assertThat(Sentences.of("", EN)).isEmpty();
		assertThat(Sentences.of("no full stop at the end", EN)).containsExactly("no full stop at the end");
	}

	@Test
	void knownLimitAbbreviationOrOrdinalBeforeACapitalEndsASentence() {
		assertThat(Sentences.of("Call Mr. Smith at the front desk.", EN)).containsExactly("Call Mr.",
				"Smith at the front desk.");
		assertThat(Sentences.of("Starten Sie den Router neu, z. B. durch Ausziehen des Steckers.", DE))
			.containsExactly("Starten Sie den Router neu, z.", "B. durch Ausziehen des Steckers.");
		assertThat(Sentences.of("Rufen Sie Dr. Müller an.", DE)).containsExactly("Rufen Sie Dr.", "Müller an.");
		assertThat(Sentences.of("Am 3. Oktober ist geschlossen.", DE)).containsExactly("Am 3.",
				"Oktober ist geschlossen.");
	}

	@Test
	void keepsEveryNonBlankCharacterInOrder() {
		String text = "First one. Second one?\n\nThird — with a dash! And 4.5 more.";
		assertThat(String.join(" ", Sentences.of(text, EN)).replaceAll("\\s+", ""))
			.isEqualTo(text.replaceAll("\\s+", ""));
	}

	@Test
	void refusesNull() {
		assertThatNullPointerException().isThrownBy(() -> Sentences.of(null, EN)).withMessage("text must not be null");
		assertThatNullPointerException().isThrownBy(() -> Sentences.of("x", null))
			.withMessage("locale must not be null");
	}

}
