package dev.hearth.assistant.router;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class HeldOutCheckTest {

	@Test
	void weighsInScopeAccuracyTwiceAsMuchAsUnknownQuestionsCaught() {
		List<Evaluation.Outcome> heldOut = new ArrayList<>();
		for (double confidence : new double[] { 0.9, 0.8, 0.7, 0.6 }) {
			heldOut.add(outcome("a", "a", confidence));
		}
		// answered wrong at any threshold: counts against in-scope accuracy
		heldOut.add(outcome("a", "b", 0.95));
		// out-of-domain questions do not choose when there are unknown ones
		heldOut.add(outcome(null, "a", 0.99));
		List<Evaluation.Outcome> unknown = List.of(outcome(null, "a", 0.65), outcome(null, "b", 0.3),
				outcome(null, "a", 0.2));
		// 0.45: 4/5 answered right, 2/3 caught (2/3 * 0.8 + 1/3 * 2/3 = 0.756); 0.675:
		// 3/5 and 3/3 (0.733)
		assertThat(HeldOutCheck.weightedThreshold(heldOut, unknown)).isCloseTo(0.45, offset(1e-12));
	}

	@Test
	void withoutUnknownQuestionsTheOutOfDomainOnesChoose() {
		List<Evaluation.Outcome> heldOut = List.of(outcome("a", "a", 0.9), outcome("a", "a", 0.8),
				outcome(null, "a", 0.3), outcome(null, "a", 0.95));
		assertThat(HeldOutCheck.weightedThreshold(heldOut, List.of())).isCloseTo(0.55, offset(1e-12));
	}

	@Test
	void withNothingOutOfScopeTheDefaultStands() {
		assertThat(HeldOutCheck.weightedThreshold(List.of(outcome("a", "a", 0.9)), List.of()))
			.isEqualTo(HeldOutCheck.DEFAULT_THRESHOLD);
	}

	private static Evaluation.Outcome outcome(String expected, String best, double confidence) {
		return new Evaluation.Outcome(expected,
				new RouterPrediction(List.of(new ScoredLabel(best, confidence)), confidence));
	}

}
