package dev.hearth.assistant.router;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores routed questions the way the router is used: a question is answered when its
 * confidence reaches the threshold, and escalated otherwise. Used for the held-out checks
 * of training and by the benchmark, so both mean the same by every number.
 */
final class Evaluation {

	/**
	 * One routed question.
	 *
	 * @param expected the right FAQ entry id, or null for an out-of-scope question
	 * @param prediction what the router said
	 */
	record Outcome(String expected, RouterPrediction prediction) {

		boolean inScope() {
			return this.expected != null;
		}

		boolean topIsRight() {
			return this.expected != null && this.prediction.ranked().get(0).label().equals(this.expected);
		}

		/**
		 * Whether the router does the right thing: answers correctly or escalates an OOS
		 * question.
		 */
		boolean correct(double threshold) {
			return this.prediction.inScope(threshold) ? topIsRight() : !inScope();
		}

	}

	private Evaluation() {
	}

	/**
	 * The threshold with the best accuracy, ties going to the higher threshold (more
	 * out-of-scope questions escalated); a midpoint between two observed confidences, so
	 * it does not sit on one example.
	 */
	static double chooseThreshold(List<Outcome> outcomes) {
		if (outcomes.isEmpty()) {
			return 0.5;
		}
		List<Outcome> sorted = new ArrayList<>(outcomes);
		sorted.sort((a, b) -> Double.compare(a.prediction().confidence(), b.prediction().confidence()));
		// threshold 0: everything answered
		int correct = 0;
		for (Outcome outcome : sorted) {
			correct += outcome.topIsRight() ? 1 : 0;
		}
		int bestCorrect = correct;
		double best = 0;
		for (int i = 0; i < sorted.size(); i++) {
			// escalate sorted[0..i]
			Outcome outcome = sorted.get(i);
			correct += (outcome.inScope() ? 0 : 1) - (outcome.topIsRight() ? 1 : 0);
			double here = outcome.prediction().confidence();
			boolean boundary = i + 1 == sorted.size() || sorted.get(i + 1).prediction().confidence() > here;
			if (boundary && correct >= bestCorrect) {
				bestCorrect = correct;
				best = (i + 1 == sorted.size()) ? Math.min(1, here + 1e-9)
						: (here + sorted.get(i + 1).prediction().confidence()) / 2;
			}
		}
		return best;
	}

	/**
	 * accuracy (a correct escalation counts as correct), inScopeAccuracy (answered with
	 * the right entry), inScopeTop1 (right entry first, threshold aside),
	 * outOfScopeRecall, mcc (escalate = positive), mrr (in-scope questions, over the top
	 * 5), ece (over all questions: confidence against "answered right").
	 */
	static Map<String, Double> metrics(List<Outcome> outcomes, double threshold) {
		int inScope = 0;
		int outOfScope = 0;
		int correct = 0;
		int answeredRight = 0;
		int top1 = 0;
		int escalatedOos = 0;
		double reciprocalRanks = 0;
		long tp = 0;
		long fp = 0;
		long tn = 0;
		long fn = 0;
		double[] confidence = new double[outcomes.size()];
		boolean[] right = new boolean[outcomes.size()];
		for (int i = 0; i < outcomes.size(); i++) {
			Outcome outcome = outcomes.get(i);
			boolean escalated = !outcome.prediction().inScope(threshold);
			correct += outcome.correct(threshold) ? 1 : 0;
			confidence[i] = outcome.prediction().confidence();
			right[i] = outcome.topIsRight();
			if (outcome.inScope()) {
				inScope++;
				answeredRight += (!escalated && outcome.topIsRight()) ? 1 : 0;
				top1 += outcome.topIsRight() ? 1 : 0;
				List<ScoredLabel> ranked = outcome.prediction().ranked();
				for (int rank = 0; rank < ranked.size(); rank++) {
					if (ranked.get(rank).label().equals(outcome.expected())) {
						reciprocalRanks += 1.0 / (rank + 1);
						break;
					}
				}
				fp += escalated ? 1 : 0;
				tn += escalated ? 0 : 1;
			}
			else {
				outOfScope++;
				escalatedOos += escalated ? 1 : 0;
				tp += escalated ? 1 : 0;
				fn += escalated ? 0 : 1;
			}
		}
		Map<String, Double> metrics = new LinkedHashMap<>();
		metrics.put("accuracy", ratio(correct, outcomes.size()));
		metrics.put("inScopeAccuracy", ratio(answeredRight, inScope));
		metrics.put("inScopeTop1", ratio(top1, inScope));
		metrics.put("outOfScopeRecall", ratio(escalatedOos, outOfScope));
		double denominator = Math.sqrt((double) (tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
		metrics.put("mcc", (denominator == 0) ? 0 : (tp * tn - fp * fn) / denominator);
		metrics.put("mrr", ratio(reciprocalRanks, inScope));
		metrics.put("ece", Calibration.expectedCalibrationError(confidence, right));
		return metrics;
	}

	private static double ratio(double count, int total) {
		return (total == 0) ? 0 : count / total;
	}

}
