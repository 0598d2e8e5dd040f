package dev.hearth.kbimport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The evaluation's arithmetic: accuracy (a correct escalation counts as correct),
 * in-scope accuracy, out-of-scope recall, Matthews correlation with "escalate" as the
 * positive class, mean reciprocal rank of the expected FAQ entry, latency percentiles;
 * and the choice of an out-of-scope threshold on a validation set. Thread-safe:
 * immutable.
 */
final class EvalMetrics {

	static final String ESCALATE = "escalate";

	/**
	 * One evaluated question.
	 *
	 * @param question the question
	 * @param expected the expected FAQ id, or "escalate"
	 * @param predicted the FAQ id that answered, "escalate", or "document" for an answer
	 * from documents
	 * @param ranked the router's candidates, best first
	 * @param confidence the router's confidence in its best candidate
	 * @param latencyMillis the pipeline's time
	 */
	record Outcome(String question, String expected, String predicted, List<String> ranked, double confidence,
			long latencyMillis) {

		boolean correct() {
			return this.expected.equals(this.predicted);
		}

		boolean expectsEscalation() {
			return ESCALATE.equals(this.expected);
		}

		/** What the router alone would decide at this threshold. */
		String atThreshold(double threshold) {
			return (!this.ranked.isEmpty() && this.confidence >= threshold) ? this.ranked.get(0) : ESCALATE;
		}

	}

	/**
	 * @param n questions
	 * @param accuracy share answered correctly or correctly escalated
	 * @param inScopeAccuracy share of in-scope questions answered with the expected entry
	 * @param outOfScopeRecall share of out-of-scope questions escalated
	 * @param mcc Matthews correlation coefficient, escalate = positive
	 * @param mrr mean reciprocal rank of the expected entry among the router's candidates
	 * (in-scope questions)
	 * @param p50 median latency, ms
	 * @param p95 95th percentile latency, ms
	 */
	record Summary(int n, double accuracy, double inScopeAccuracy, double outOfScopeRecall, double mcc, double mrr,
			long p50, long p95) {

		Map<String, Object> json(Double threshold) {
			Map<String, Object> json = new java.util.LinkedHashMap<>();
			json.put("n", this.n);
			json.put("accuracy", round(this.accuracy));
			json.put("in_scope_accuracy", round(this.inScopeAccuracy));
			json.put("out_of_scope_recall", round(this.outOfScopeRecall));
			json.put("mcc", round(this.mcc));
			json.put("mrr", round(this.mrr));
			json.put("latency_ms", Map.of("p50", this.p50, "p95", this.p95));
			if (threshold != null) {
				json.put("threshold", round(threshold));
			}
			return json;
		}

	}

	/**
	 * @param threshold the chosen threshold
	 * @param accuracy its accuracy on the validation set
	 * @param outOfScopeRecall its out-of-scope recall there
	 */
	record Calibration(double threshold, double accuracy, double outOfScopeRecall) {
	}

	private EvalMetrics() {
	}

	static Summary summarise(List<Outcome> outcomes) {
		int n = outcomes.size();
		int correct = 0;
		int inScope = 0;
		int inScopeCorrect = 0;
		int outOfScope = 0;
		long tp = 0;
		long fp = 0;
		long fn = 0;
		long tn = 0;
		double reciprocal = 0;
		long[] latencies = new long[n];
		for (int i = 0; i < n; i++) {
			Outcome outcome = outcomes.get(i);
			latencies[i] = outcome.latencyMillis();
			correct += outcome.correct() ? 1 : 0;
			boolean predictedEscalation = ESCALATE.equals(outcome.predicted());
			if (outcome.expectsEscalation()) {
				outOfScope++;
				tp += predictedEscalation ? 1 : 0;
				fn += predictedEscalation ? 0 : 1;
			}
			else {
				inScope++;
				inScopeCorrect += outcome.correct() ? 1 : 0;
				fp += predictedEscalation ? 1 : 0;
				tn += predictedEscalation ? 0 : 1;
				int rank = outcome.ranked().indexOf(outcome.expected());
				reciprocal += (rank >= 0) ? 1.0 / (rank + 1) : 0;
			}
		}
		Arrays.sort(latencies);
		return new Summary(n, ratio(correct, n), ratio(inScopeCorrect, inScope), ratio(tp, outOfScope),
				mcc(tp, fp, fn, tn), (inScope == 0) ? 0 : reciprocal / inScope, percentile(latencies, 0.50),
				percentile(latencies, 0.95));
	}

	/**
	 * Chooses the router threshold that maximises accuracy on the validation outcomes
	 * (ties: the higher out-of-scope recall, then the lower threshold), simulating that a
	 * question below the threshold escalates.
	 */
	static Calibration calibrate(List<Outcome> validation) {
		TreeSet<Double> candidates = new TreeSet<>(List.of(0.0, 1.0));
		for (Outcome outcome : validation) {
			candidates.add(outcome.confidence());
			candidates.add(Math.nextUp(outcome.confidence()));
		}
		Calibration best = null;
		for (double threshold : candidates) {
			if (threshold > 1) {
				continue;
			}
			List<Outcome> simulated = new ArrayList<>(validation.size());
			for (Outcome outcome : validation) {
				simulated.add(new Outcome(outcome.question(), outcome.expected(), outcome.atThreshold(threshold),
						outcome.ranked(), outcome.confidence(), outcome.latencyMillis()));
			}
			Summary summary = summarise(simulated);
			Calibration candidate = new Calibration(threshold, summary.accuracy(), summary.outOfScopeRecall());
			if (best == null || candidate.accuracy() > best.accuracy() || (candidate.accuracy() == best.accuracy()
					&& candidate.outOfScopeRecall() > best.outOfScopeRecall())) {
				best = candidate;
			}
		}
		return best;
	}

	static double mcc(long tp, long fp, long fn, long tn) {
		double denominator = Math.sqrt((double) (tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
		return (denominator == 0) ? 0 : (tp * tn - fp * fn) / denominator;
	}

	private static double ratio(long part, long whole) {
		return (whole == 0) ? 0 : (double) part / whole;
	}

	private static long percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(p * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	static double round(double value) {
		return Math.round(value * 10_000) / 10_000.0;
	}

}
