package dev.hearth.assistant.router;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the best-ranked FAQ entry should answer a question, as a number in [0, 1] from
 * what the ranking saw ({@link #features}): the best entry's fused score, its lead over
 * the runner-up, its nearest-phrasing similarity and its share of the question's BM25
 * weight, and whether the dense and the term views rank it first too (not the router's
 * probability: calibration asks phrasings the router was trained on, so it would look
 * surer there than on a customer's question). One raw-score threshold treats a question
 * that barely beats ten similar entries like one that stands alone; the lead tells them
 * apart. Hearth decides by {@link #margin()}, a fixed weighted sum whose threshold is
 * calibrated on the FAQ's own questions ({@link AcceptanceCalibration}). {@link #fit} is
 * the alternative ADR 0017 measured and rejected: a logistic model fitted on answer
 * sentences as pseudo-questions, which look too unlike customers' questions
 * ({@code docs/adr/0017-faq-acceptance.md}). Immutable and thread-safe.
 */
final class Acceptance {

	/** How many features {@link #features} returns. */
	static final int FEATURES = 6;

	/** L2 penalty of the fit (on standardised features). */
	static final double L2 = 1e-2;

	/** Gradient steps of the fit. */
	static final int STEPS = 400;

	private final double[] mean;

	private final double[] scale;

	private final double[] weights;

	private final double bias;

	/** A weighted sum clamped to [0, 1] instead of the logistic function. */
	private final boolean linear;

	/** The margin's weight in {@link #margin()}, chosen by measurement (ADR 0017). */
	static final double MARGIN_WEIGHT = 2;

	/** Each view's agreement's weight in {@link #margin()} (ADR 0017). */
	static final double AGREEMENT_WEIGHT = 0;

	private Acceptance(double[] mean, double[] scale, double[] weights, double bias, boolean linear) {
		this.mean = mean;
		this.scale = scale;
		this.weights = weights;
		this.bias = bias;
		this.linear = linear;
	}

	/**
	 * The margin-aware score, fixed rather than fitted: (fused score +
	 * {@link #MARGIN_WEIGHT} × margin + {@link #AGREEMENT_WEIGHT} × each view that ranks
	 * the entry first) over the sum of the weights, in [0, 1]. Its threshold is chosen on
	 * the FAQ's own questions ({@link AcceptanceCalibration}).
	 */
	static Acceptance margin() {
		double total = 1 + MARGIN_WEIGHT + 2 * AGREEMENT_WEIGHT;
		double[] weights = { 1 / total, MARGIN_WEIGHT / total, 0, 0, AGREEMENT_WEIGHT / total,
				AGREEMENT_WEIGHT / total };
		double[] ones = new double[FEATURES];
		java.util.Arrays.fill(ones, 1);
		return new Acceptance(new double[FEATURES], ones, weights, 0, true);
	}

	/**
	 * The features of the best-ranked entry.
	 * @param top the best-ranked entry
	 * @param fused per entry, the fused score of {@link EntryScores}
	 * @param dense per entry, the nearest-phrasing similarity
	 * @param terms per entry, the BM25 share
	 */
	static double[] features(int top, double[] fused, double[] dense, double[] terms) {
		double second = -1;
		for (int i = 0; i < fused.length; i++) {
			if (i != top) {
				second = Math.max(second, fused[i]);
			}
		}
		double margin = fused[top] - Math.max(0, second);
		return new double[] { fused[top], margin, dense[top], terms[top], (argmax(dense) == top) ? 1 : 0,
				(argmax(terms) == top && terms[top] > 0) ? 1 : 0 };
	}

	/**
	 * Fits the model: standardised features, logistic loss with an L2 penalty, each of
	 * the given groups weighing the same in total.
	 * @param positives features of questions whose best entry is right
	 * @param negativeGroups features of questions that must not be answered, by kind
	 * (in-domain unknown or wrongly ranked, off-domain); empty groups are skipped
	 */
	static Acceptance fit(List<double[]> positives, List<List<double[]>> negativeGroups) {
		if (positives.isEmpty()) {
			throw new IllegalArgumentException("positives must not be empty");
		}
		List<List<double[]>> groups = new java.util.ArrayList<>();
		groups.add(positives);
		negativeGroups.stream().filter((g) -> !g.isEmpty()).forEach(groups::add);
		int n = groups.stream().mapToInt(List::size).sum();
		double[][] x = new double[n][];
		double[] y = new double[n];
		double[] w = new double[n];
		int row = 0;
		for (int g = 0; g < groups.size(); g++) {
			for (double[] f : groups.get(g)) {
				x[row] = f;
				y[row] = (g == 0) ? 1 : 0;
				// positives weigh half, the negative groups share the other half
				w[row] = ((g == 0) ? 0.5 : 0.5 / (groups.size() - 1)) / groups.get(g).size();
				row++;
			}
		}
		double[] mean = new double[FEATURES];
		double[] scale = new double[FEATURES];
		for (int j = 0; j < FEATURES; j++) {
			double sum = 0;
			for (int i = 0; i < n; i++) {
				sum += x[i][j];
			}
			mean[j] = sum / n;
			double var = 0;
			for (int i = 0; i < n; i++) {
				var += (x[i][j] - mean[j]) * (x[i][j] - mean[j]);
			}
			scale[j] = Math.sqrt(var / n);
			if (scale[j] < 1e-9) {
				scale[j] = 1;
			}
		}
		double[][] z = new double[n][FEATURES];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < FEATURES; j++) {
				z[i][j] = (x[i][j] - mean[j]) / scale[j];
			}
		}
		double[] beta = new double[FEATURES];
		double bias = 0;
		// Adam-free full-batch gradient descent: the problem is small and convex
		double rate = 1.0;
		for (int step = 0; step < STEPS; step++) {
			double[] grad = new double[FEATURES];
			double gradBias = 0;
			for (int i = 0; i < n; i++) {
				double p = sigmoid(bias + dot(beta, z[i]));
				double e = w[i] * (p - y[i]);
				for (int j = 0; j < FEATURES; j++) {
					grad[j] += e * z[i][j];
				}
				gradBias += e;
			}
			for (int j = 0; j < FEATURES; j++) {
				beta[j] -= rate * (grad[j] + L2 * beta[j]);
			}
			bias -= rate * gradBias;
		}
		return new Acceptance(mean, scale, beta, bias, false);
	}

	/** The probability that the best entry is meant. */
	double probability(double[] features) {
		double s = this.bias;
		for (int j = 0; j < FEATURES; j++) {
			s += this.weights[j] * (features[j] - this.mean[j]) / this.scale[j];
		}
		return this.linear ? Math.max(0, Math.min(1, s)) : sigmoid(s);
	}

	/** The model as numbers, keyed {@code accept.*}, to store with the checks. */
	Map<String, Double> toChecks() {
		Map<String, Double> checks = new LinkedHashMap<>();
		for (int j = 0; j < FEATURES; j++) {
			checks.put("accept.mean" + j, this.mean[j]);
			checks.put("accept.scale" + j, this.scale[j]);
			checks.put("accept.weight" + j, this.weights[j]);
		}
		checks.put("accept.bias", this.bias);
		checks.put("accept.linear", this.linear ? 1.0 : 0.0);
		return checks;
	}

	/**
	 * The model stored by {@link #toChecks()}, or {@code null} when the checks hold none
	 * (a matcher calibrated without pseudo-questions).
	 */
	static Acceptance fromChecks(Map<String, Double> checks) {
		if (checks == null || !checks.containsKey("accept.bias")) {
			return null;
		}
		double[] mean = new double[FEATURES];
		double[] scale = new double[FEATURES];
		double[] weights = new double[FEATURES];
		for (int j = 0; j < FEATURES; j++) {
			Double m = checks.get("accept.mean" + j);
			Double s = checks.get("accept.scale" + j);
			Double w = checks.get("accept.weight" + j);
			if (m == null || s == null || w == null || !(s > 0)) {
				throw new IllegalArgumentException("the stored acceptance model lacks feature " + j);
			}
			mean[j] = m;
			scale[j] = s;
			weights[j] = w;
		}
		return new Acceptance(mean, scale, weights, checks.get("accept.bias"),
				checks.getOrDefault("accept.linear", 0.0) == 1.0);
	}

	static int argmax(double[] values) {
		int best = 0;
		for (int i = 1; i < values.length; i++) {
			if (values[i] > values[best]) {
				best = i;
			}
		}
		return best;
	}

	private static double dot(double[] a, double[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++) {
			s += a[i] * b[i];
		}
		return s;
	}

	private static double sigmoid(double s) {
		return 1 / (1 + Math.exp(-s));
	}

}
