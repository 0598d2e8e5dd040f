package dev.hearth.assistant.router;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EvaluationTest {

	private static Evaluation.Outcome outcome(String expected, String top, double confidence) {
		return new Evaluation.Outcome(expected, new RouterPrediction(
				List.of(new ScoredLabel(top, confidence), new ScoredLabel("other", 0.0)), confidence));
	}

	@Test
	void choosesTheThresholdWithTheBestAccuracy() {
		List<Evaluation.Outcome> outcomes = List.of(outcome("a", "a", 0.9), outcome("b", "b", 0.8),
				outcome(null, "a", 0.4), outcome(null, "b", 0.3), outcome("a", "b", 0.35));
		double threshold = Evaluation.chooseThreshold(outcomes);
		assertThat(threshold).isCloseTo(0.6, within(1e-9));
		Map<String, Double> metrics = Evaluation.metrics(outcomes, threshold);
		assertThat(metrics.get("accuracy")).isCloseTo(0.8, within(1e-9));
		assertThat(metrics.get("inScopeAccuracy")).isCloseTo(2 / 3.0, within(1e-9));
		assertThat(metrics.get("outOfScopeRecall")).isEqualTo(1.0);
		assertThat(metrics.get("mrr")).isCloseTo(2 / 3.0, within(1e-9));
		// escalate = positive: tp 2, fp 1 (the wrong in-scope one), tn 2, fn 0
		assertThat(metrics.get("mcc")).isCloseTo((2 * 2 - 0) / Math.sqrt(3 * 2 * 3 * 2.0), within(1e-9));
	}

	@Test
	void tiesGoToTheHigherThreshold() {
		List<Evaluation.Outcome> outcomes = List.of(outcome("a", "a", 0.9), outcome(null, "a", 0.5),
				outcome("a", "a", 0.4));
		assertThat(Evaluation.chooseThreshold(outcomes)).isCloseTo(0.7, within(1e-9));
	}

	@Test
	void calibrationErrorIsZeroWhenConfidenceMatchesAccuracy() {
		double[] confidence = { 0.8, 0.8, 0.8, 0.8, 0.8 };
		boolean[] right = { true, true, true, true, false };
		assertThat(Calibration.expectedCalibrationError(confidence, right)).isCloseTo(0, within(1e-9));
		assertThat(Calibration.expectedCalibrationError(new double[] { 1.0 }, new boolean[] { false })).isEqualTo(1.0);
	}

}
