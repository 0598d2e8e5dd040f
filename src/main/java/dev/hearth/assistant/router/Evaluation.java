package dev.hearth.assistant.router;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hearth's one set of evaluation metrics, and its one way to choose the out-of-scope
 * threshold. Used by the router's held-out checks after training, by the benchmark, and
 * through the admin API ({@code /api/admin/eval/**}) by {@code kb-import eval}, so all
 * three mean the same by every number and nothing computes them a second time.
 *
 * <p>
 * A question is answered with its best FAQ entry when the router's confidence reaches the
 * threshold, and escalated otherwise; a correct escalation counts as correct, and
 * "escalate" is the positive class of the Matthews correlation. Thread-safe: stateless.
 */
public final class Evaluation {

	/** The most outcomes one call accepts. */
	public static final int MAX_OUTCOMES = 100_000;

	/**
	 * What happened to one labelled question.
	 *
	 * @param expected the right FAQ entry id, or {@code null} for an out-of-scope
	 * question (one that should be escalated)
	 * @param predicted the FAQ entry id that answered, another label for an answer that
	 * came from elsewhere (e.g. {@code "document"}), or {@code null} when the question
	 * was escalated
	 * @param ranked the router's candidates, best first
	 * @param confidence the router's confidence in its best candidate, in [0, 1]
	 * @param latencyMillis how long the answer took, or 0 when not measured
	 */
	public record Result(String expected, String predicted, List<String> ranked, double confidence,
			long latencyMillis) {

		public Result {
			ranked = List.copyOf((ranked != null) ? ranked : List.of());
			if (!(confidence >= 0 && confidence <= 1)) {
				throw new IllegalArgumentException("confidence must be in [0, 1], was " + confidence);
			}
			if (latencyMillis < 0) {
				throw new IllegalArgumentException("latencyMillis must not be negative, was " + latencyMillis);
			}
		}

		/** Whether the question has a right FAQ entry. */
		public boolean inScope() {
			return this.expected != null;
		}

		/** Whether the question was escalated. */
		public boolean escalated() {
			return this.predicted == null;
		}

		/** Whether it was answered with the right entry, or rightly escalated. */
		public boolean correct() {
			return inScope() ? this.expected.equals(this.predicted) : escalated();
		}

		/** Whether the router's best candidate is the right entry, threshold aside. */
		boolean topIsRight() {
			return inScope() && !this.ranked.isEmpty() && this.ranked.get(0).equals(this.expected);
		}

		/** What the router alone would have decided at this threshold. */
		public Result atThreshold(double threshold) {
			String decided = (!this.ranked.isEmpty() && this.confidence >= threshold) ? this.ranked.get(0) : null;
			return new Result(this.expected, decided, this.ranked, this.confidence, this.latencyMillis);
		}

	}

	/**
	 * One routed question, decided by the router alone (training's held-out check, the
	 * benchmark).
	 *
	 * @param expected the right FAQ entry id, or null for an out-of-scope question
	 * @param prediction what the router said
	 */
	record Outcome(String expected, RouterPrediction prediction) {

		boolean inScope() {
			return this.expected != null;
		}

		/** As a {@link Result} decided at {@code threshold}. */
		Result at(double threshold) {
			List<String> labels = this.prediction.ranked().stream().map(ScoredLabel::label).toList();
			return new Result(this.expected, this.prediction.inScope(threshold) ? labels.get(0) : null, labels,
					this.prediction.confidence(), 0);
		}

	}

	/**
	 * The metrics of a set of results.
	 *
	 * @param n questions
	 * @param accuracy share answered with the right entry or rightly escalated
	 * @param inScopeAccuracy share of in-scope questions answered with the right entry
	 * @param inScopeTop1 share of in-scope questions whose best candidate is right,
	 * threshold aside
	 * @param outOfScopeRecall share of out-of-scope questions escalated
	 * @param mcc Matthews correlation coefficient, escalate = positive
	 * @param mrr mean reciprocal rank of the right entry among the candidates (in-scope
	 * questions; 0 when it is not among them)
	 * @param ece expected calibration error of the confidence against "best candidate
	 * right", over all questions
	 * @param latencyP50Millis median latency
	 * @param latencyP95Millis 95th percentile latency
	 */
	public record Summary(int n, double accuracy, double inScopeAccuracy, double inScopeTop1, double outOfScopeRecall,
			double mcc, double mrr, double ece, long latencyP50Millis, long latencyP95Millis) {

		/** The quality metrics by name, as the router's held-out checks store them. */
		Map<String, Double> qualityByName() {
			Map<String, Double> metrics = new LinkedHashMap<>();
			metrics.put("accuracy", this.accuracy);
			metrics.put("inScopeAccuracy", this.inScopeAccuracy);
			metrics.put("inScopeTop1", this.inScopeTop1);
			metrics.put("outOfScopeRecall", this.outOfScopeRecall);
			metrics.put("mcc", this.mcc);
			metrics.put("mrr", this.mrr);
			metrics.put("ece", this.ece);
			return metrics;
		}

	}

	/**
	 * A chosen threshold and what the router alone achieves with it.
	 *
	 * @param threshold the threshold
	 * @param summary the metrics of the results re-decided at it
	 */
	public record ThresholdChoice(double threshold, Summary summary) {
	}

	private Evaluation() {
	}

	/**
	 * The metrics of these results.
	 * @throws IllegalArgumentException when there are more than {@link #MAX_OUTCOMES}
	 */
	public static Summary summarise(List<Result> results) {
		checkSize(results);
		int n = results.size();
		int correct = 0;
		int inScope = 0;
		int inScopeCorrect = 0;
		int top1 = 0;
		int outOfScope = 0;
		int escalatedOutOfScope = 0;
		double reciprocalRanks = 0;
		long tp = 0;
		long fp = 0;
		long tn = 0;
		long fn = 0;
		double[] confidence = new double[n];
		boolean[] right = new boolean[n];
		long[] latencies = new long[n];
		for (int i = 0; i < n; i++) {
			Result result = results.get(i);
			correct += result.correct() ? 1 : 0;
			confidence[i] = result.confidence();
			right[i] = result.topIsRight();
			latencies[i] = result.latencyMillis();
			if (result.inScope()) {
				inScope++;
				inScopeCorrect += result.correct() ? 1 : 0;
				top1 += result.topIsRight() ? 1 : 0;
				int rank = result.ranked().indexOf(result.expected());
				reciprocalRanks += (rank >= 0) ? 1.0 / (rank + 1) : 0;
				fp += result.escalated() ? 1 : 0;
				tn += result.escalated() ? 0 : 1;
			}
			else {
				outOfScope++;
				escalatedOutOfScope += result.escalated() ? 1 : 0;
				tp += result.escalated() ? 1 : 0;
				fn += result.escalated() ? 0 : 1;
			}
		}
		Arrays.sort(latencies);
		double denominator = Math.sqrt((double) (tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
		return new Summary(n, ratio(correct, n), ratio(inScopeCorrect, inScope), ratio(top1, inScope),
				ratio(escalatedOutOfScope, outOfScope), (denominator == 0) ? 0 : (tp * tn - fp * fn) / denominator,
				ratio(reciprocalRanks, inScope), (n == 0) ? 0 : Calibration.expectedCalibrationError(confidence, right),
				percentile(latencies, 0.50), percentile(latencies, 0.95));
	}

	/**
	 * Chooses the threshold with the best accuracy when the router alone decides (ties go
	 * to the higher threshold: more out-of-scope questions escalated), and reports the
	 * metrics there.
	 * @throws IllegalArgumentException when there are more than {@link #MAX_OUTCOMES}
	 */
	public static ThresholdChoice calibrate(List<Result> results) {
		checkSize(results);
		double threshold = chooseThresholdOf(results);
		List<Result> decided = new ArrayList<>(results.size());
		for (Result result : results) {
			decided.add(result.atThreshold(threshold));
		}
		return new ThresholdChoice(threshold, summarise(decided));
	}

	/**
	 * {@link #chooseThresholdOf} for router outcomes.
	 */
	static double chooseThreshold(List<Outcome> outcomes) {
		// choosing looks at the confidence and the best candidate, not at a decision
		return chooseThresholdOf(outcomes.stream().map((outcome) -> outcome.at(1)).toList());
	}

	/**
	 * The quality metrics by name of router outcomes decided at {@code threshold}:
	 * accuracy, inScopeAccuracy, inScopeTop1, outOfScopeRecall, mcc, mrr, ece.
	 */
	static Map<String, Double> metrics(List<Outcome> outcomes, double threshold) {
		return summarise(outcomes.stream().map((outcome) -> outcome.at(threshold)).toList()).qualityByName();
	}

	/**
	 * The threshold with the best accuracy, ties going to the higher threshold; a
	 * midpoint between two observed confidences, so it does not sit on one example; 0.5
	 * without results.
	 */
	private static double chooseThresholdOf(List<Result> results) {
		if (results.isEmpty()) {
			return 0.5;
		}
		List<Result> sorted = new ArrayList<>(results);
		sorted.sort((a, b) -> Double.compare(a.confidence(), b.confidence()));
		// threshold 0: everything answered with its best candidate
		int correct = 0;
		for (Result result : sorted) {
			correct += result.topIsRight() ? 1 : 0;
		}
		int bestCorrect = correct;
		double best = 0;
		for (int i = 0; i < sorted.size(); i++) {
			// escalate sorted[0..i]
			Result result = sorted.get(i);
			correct += (result.inScope() ? 0 : 1) - (result.topIsRight() ? 1 : 0);
			double here = result.confidence();
			boolean boundary = i + 1 == sorted.size() || sorted.get(i + 1).confidence() > here;
			if (boundary && correct >= bestCorrect) {
				bestCorrect = correct;
				best = (i + 1 == sorted.size()) ? Math.min(1, here + 1e-9)
						: (here + sorted.get(i + 1).confidence()) / 2;
			}
		}
		return best;
	}

	private static void checkSize(List<Result> results) {
		if (results.size() > MAX_OUTCOMES) {
			throw new IllegalArgumentException("at most " + MAX_OUTCOMES + " outcomes at a time, got " + results.size()
					+ ": split the question set");
		}
	}

	private static double ratio(double count, int total) {
		return (total == 0) ? 0 : count / total;
	}

	private static long percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(p * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

}
