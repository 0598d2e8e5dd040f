package dev.hearth.kbimport;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EvalMetricsTest {

	@Test
	void metricsCountACorrectEscalationAsCorrectAndTreatEscalateAsPositive() {
		List<EvalMetrics.Outcome> outcomes = List.of(outcome("bill", "bill", List.of("bill", "pay"), 0.9, 10),
				outcome("pay", "bill", List.of("bill", "pay"), 0.8, 20),
				outcome("pay", "escalate", List.of("pay"), 0.2, 30),
				outcome("escalate", "escalate", List.of("bill"), 0.1, 40),
				outcome("escalate", "bill", List.of("bill"), 0.7, 50));
		EvalMetrics.Summary summary = EvalMetrics.summarise(outcomes);
		assertThat(summary.n()).isEqualTo(5);
		assertThat(summary.accuracy()).isEqualTo(0.4);
		assertThat(summary.inScopeAccuracy()).isCloseTo(1.0 / 3, within(1e-9));
		assertThat(summary.outOfScopeRecall()).isEqualTo(0.5);
		// tp=1, fp=1, fn=1, tn=2
		assertThat(summary.mcc()).isCloseTo((1.0 * 2 - 1.0 * 1) / Math.sqrt(2.0 * 2 * 3 * 3), within(1e-9));
		assertThat(summary.mrr()).isCloseTo((1 + 0.5 + 1) / 3, within(1e-9));
		assertThat(summary.p50()).isEqualTo(30);
		assertThat(summary.p95()).isEqualTo(50);
	}

	@Test
	void calibrationChoosesTheThresholdWithTheBestAccuracyAndBreaksTiesByOutOfScopeRecall() {
		List<EvalMetrics.Outcome> validation = List.of(outcome("bill", "", List.of("bill"), 0.9, 1),
				outcome("pay", "", List.of("pay"), 0.6, 1), outcome("escalate", "", List.of("pay"), 0.5, 1),
				outcome("escalate", "", List.of("bill"), 0.3, 1));
		EvalMetrics.Calibration calibration = EvalMetrics.calibrate(validation);
		assertThat(calibration.accuracy()).isEqualTo(1.0);
		assertThat(calibration.threshold()).isGreaterThan(0.5).isLessThanOrEqualTo(0.6);
		assertThat(calibration.outOfScopeRecall()).isEqualTo(1.0);
	}

	private static EvalMetrics.Outcome outcome(String expected, String predicted, List<String> ranked,
			double confidence, long latency) {
		return new EvalMetrics.Outcome("q", expected, predicted, ranked, confidence, latency);
	}

}
