package dev.hearth.assistant;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.knowledge.FaqEntry;

import static org.assertj.core.api.Assertions.assertThat;

class GuessAgreementTest {

	private static final FaqEntry PAPER = new FaqEntry("paper", "Can I get a paper bill?", List.of("bill by post"),
			"Online bills are free; a paper bill by post costs €2 per month.", "en", Map.of());

	private static final FaqEntry DUE = new FaqEntry("due", "When is my bill due?", List.of("when do I pay"),
			"Payment is due 14 days after your bill date.", "en", Map.of());

	private static final FaqEntry ROAMING = new FaqEntry("roaming", "Can I use my phone in Europe?",
			List.of("roaming charges"), "In the EU you use your data as at home.", "en", Map.of());

	private static final List<FaqEntry> ENTRIES = List.of(PAPER, DUE, ROAMING);

	/** Embeds a text by which entry's answer it holds: one axis per entry. */
	private static float[] embed(String text) {
		return new float[] { text.contains("paper bill by post") ? 1 : 0, text.contains("14 days") ? 1 : 0,
				text.contains("EU") ? 1 : 0 };
	}

	private final GuessAgreement agreement = new GuessAgreement(GuessAgreementTest::embed);

	@Test
	void theEntryWhoseTextIsNearestComesFirstByText() {
		GuessAgreement.Ranking ranking = this.agreement.byText(new float[] { 0.2f, 0.9f, 0.1f }, ENTRIES);
		assertThat(ranking.first()).isEqualTo("due");
		assertThat(ranking.margin()).isPositive();
	}

	@Test
	void aWordFewEntriesSayWeighsMoreThanOneThatMostSay() {
		// "bill" is in two entries, "post" in one: the paper bill holds both
		GuessAgreement.Ranking ranking = GuessAgreement.byWords("is there a fee for a bill sent by post", ENTRIES);
		assertThat(ranking.first()).isEqualTo("paper");
	}

	@Test
	void aTieForFirstIsNoChoice() {
		GuessAgreement.Ranking ranking = GuessAgreement.byWords("my bill", List.of(PAPER, DUE, ROAMING));
		assertThat(ranking.first()).isNull();
		assertThat(GuessAgreement.byWords("nothing here", ENTRIES).first()).isNull();
	}

	@Test
	void bothReadingsMustPutTheRoutersFirstOrSecondGuessFirst() {
		GuessAgreement.Readings readings = this.agreement.read("is there a fee for a bill sent by post",
				new float[] { 1, 0.2f, 0 }, ENTRIES);
		assertThat(readings.agreed(List.of(new Answer.Candidate("due", 0.3), new Answer.Candidate("paper", 0.2)),
				GuessAgreement.CANDIDATES, 0))
			.contains("paper");
		assertThat(readings.agreed(List.of(new Answer.Candidate("due", 0.3), new Answer.Candidate("roaming", 0.2),
				new Answer.Candidate("paper", 0.1)), GuessAgreement.CANDIDATES, 0))
			.as("third is too far down")
			.isEmpty();
		assertThat(readings.agreed(List.of(new Answer.Candidate("due", 0.3), new Answer.Candidate("paper", 0.02)),
				GuessAgreement.CANDIDATES, 0.05))
			.as("below the floor")
			.isEmpty();
	}

	@Test
	void readingsThatDisagreeAgreeOnNothing() {
		GuessAgreement.Readings readings = this.agreement.read("is there a fee for a bill sent by post",
				new float[] { 0, 0, 1 }, ENTRIES);
		assertThat(readings.agreed(List.of(new Answer.Candidate("paper", 0.3)), GuessAgreement.CANDIDATES, 0))
			.isEmpty();
	}

}
