package dev.hearth.assistant.router;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

	@Test
	void pipelineResultsCountACorrectEscalationAsCorrectAndAnAnswerFromDocumentsAsWrongForAnFaqQuestion() {
		List<Evaluation.Result> results = List.of(result("bill", "bill", List.of("bill", "pay"), 0.9, 10),
				result("pay", "bill", List.of("bill", "pay"), 0.8, 20), result("pay", null, List.of("pay"), 0.2, 30),
				result(null, null, List.of("bill"), 0.1, 40), result(null, "document", List.of("bill"), 0.7, 50));
		Evaluation.Summary summary = Evaluation.summarise(results);
		assertThat(summary.n()).isEqualTo(5);
		assertThat(summary.accuracy()).isEqualTo(0.4);
		assertThat(summary.inScopeAccuracy()).isCloseTo(1.0 / 3, within(1e-9));
		assertThat(summary.inScopeTop1()).isCloseTo(2.0 / 3, within(1e-9));
		assertThat(summary.outOfScopeRecall()).isEqualTo(0.5);
		// tp=1, fp=1, fn=1, tn=2
		assertThat(summary.mcc()).isCloseTo((1.0 * 2 - 1.0 * 1) / Math.sqrt(2.0 * 2 * 3 * 3), within(1e-9));
		assertThat(summary.mrr()).isCloseTo((1 + 0.5 + 1) / 3, within(1e-9));
		assertThat(summary.latencyP50Millis()).isEqualTo(30);
		assertThat(summary.latencyP95Millis()).isEqualTo(50);
	}

	@Test
	void calibrationChoosesTheMidpointWithTheBestAccuracyAndReportsTheMetricsThere() {
		List<Evaluation.Result> validation = List.of(result("bill", null, List.of("bill"), 0.9, 1),
				result("pay", null, List.of("pay"), 0.6, 1), result(null, "pay", List.of("pay"), 0.5, 1),
				result(null, "bill", List.of("bill"), 0.3, 1));
		Evaluation.ThresholdChoice choice = Evaluation.calibrate(validation);
		assertThat(choice.threshold()).isCloseTo(0.55, within(1e-9));
		assertThat(choice.summary().accuracy()).isEqualTo(1.0);
		assertThat(choice.summary().outOfScopeRecall()).isEqualTo(1.0);
	}

	@Test
	void routerOutcomesAndResultsAgree() {
		List<Evaluation.Outcome> outcomes = List.of(outcome("a", "a", 0.9), outcome(null, "a", 0.4),
				outcome("a", "b", 0.35));
		Map<String, Double> byName = Evaluation.metrics(outcomes, 0.5);
		Evaluation.Summary summary = Evaluation.summarise(outcomes.stream().map((o) -> o.at(0.5)).toList());
		assertThat(byName).containsOnlyKeys("accuracy", "inScopeAccuracy", "inScopeTop1", "outOfScopeRecall", "mcc",
				"mrr", "ece");
		assertThat(byName.get("accuracy")).isEqualTo(summary.accuracy());
		assertThat(byName.get("ece")).isEqualTo(summary.ece());
	}

	@Test
	void badResultsAreRejectedWithTheReason() {
		assertThatThrownBy(() -> result("a", "a", List.of("a"), 1.5, 0)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("confidence must be in [0, 1], was 1.5");
		assertThat(Evaluation.summarise(List.of()).n()).isZero();
	}

	private static Evaluation.Result result(String expected, String predicted, List<String> ranked, double confidence,
			long latency) {
		return new Evaluation.Result(expected, predicted, ranked, confidence, latency);
	}

}
