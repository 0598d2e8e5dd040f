package dev.hearth.assistant.router;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RareWordRerankTest {

	private static final float[] V = { 1, 0 };

	private static final List<TrainingExample> EXAMPLES = List.of(
			new TrainingExample("due-date", "When is my bill due?", V),
			new TrainingExample("change-date", "Can I change the date my bill is taken?", V),
			new TrainingExample("paper", "Can I get a paper bill?", V));

	private static final List<EntryAnswer> ANSWERS = List
		.of(new EntryAnswer("change-date", "Yes, pick any day from the 1st to the 28th.", "en", null));

	private static RouterPrediction prediction() {
		return new RouterPrediction(List.of(new ScoredLabel("due-date", 0.6), new ScoredLabel("change-date", 0.3),
				new ScoredLabel("paper", 0.1)), 0.6);
	}

	@Test
	void theRunnerUpHoldingTheRarestWordIsRankedFirstOrTheQuestionEscalates() {
		String question = "Could my bill be taken on the 1st?";
		RouterPrediction swapped = new RareWordRerank(EXAMPLES, ANSWERS, RareWordRerank.Mode.SWAP, 0).apply(question,
				prediction());
		assertThat(swapped.ranked().get(0).label()).isEqualTo("change-date");
		assertThat(swapped.confidence()).isEqualTo(0.6);
		RouterPrediction escalated = new RareWordRerank(EXAMPLES, ANSWERS, RareWordRerank.Mode.ESCALATE, 0)
			.apply(question, prediction());
		assertThat(escalated.ranked().get(0).label()).isEqualTo("due-date");
		assertThat(escalated.confidence()).isZero();
	}

	@Test
	void nothingChangesWhenTheBestHoldsTheRarestWordOrTheRunnerUpIsFarBehind() {
		RareWordRerank swap = new RareWordRerank(EXAMPLES, ANSWERS, RareWordRerank.Mode.SWAP, 0);
		assertThat(swap.apply("When is my bill due?", prediction())).isEqualTo(prediction());
		RareWordRerank far = new RareWordRerank(EXAMPLES, ANSWERS, RareWordRerank.Mode.SWAP, 0.6);
		assertThat(far.apply("Could my bill be taken on the 1st?", prediction())).isEqualTo(prediction());
	}

}
