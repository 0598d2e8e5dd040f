package dev.hearth.assistant.router;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the held-out slice tells about a router trained without it: the temperature that
 * calibrates it, the threshold to suggest, and the checks. The temperature needs held-out
 * phrasings of FAQ entries. The threshold is chosen against <em>unknown</em> questions
 * when there are some: phrasings of entries the twin was trained without, in-domain
 * questions no entry covers, as customers ask them; else against the held-out share of
 * the out-of-domain corpus. When either side is missing the temperature is 1 and the
 * threshold {@link #DEFAULT_THRESHOLD}.
 *
 * @param heldOut what the twin said about the held-out questions
 * @param unknown what it said about the unknown questions
 */
record HeldOutCheck(double temperature, double threshold, Map<String, Double> checks, List<Evaluation.Outcome> heldOut,
		List<Evaluation.Outcome> unknown) {

	/** The suggested threshold when the held-out slice cannot choose one. */
	static final double DEFAULT_THRESHOLD = 0.5;

	/**
	 * Weight of in-scope accuracy, against out-of-scope recall, when the threshold is
	 * chosen on unknown questions (ADR 0010: 1/2 escalated too many answerable questions,
	 * 3/4 and more caught too few unknown ones on the held-out-intent protocols).
	 */
	static final double IN_SCOPE_WEIGHT = 2 / 3.0;

	/**
	 * As
	 * {@link #of(List, boolean, Featurizer, LinearModel, List, List, int[], List, List)}
	 * without unknown questions.
	 */
	static HeldOutCheck of(List<String> labels, boolean background, Featurizer featurizer, LinearModel model,
			List<String> texts, List<float[]> vectors, int[] targets) {
		return of(labels, background, featurizer, model, texts, vectors, targets, List.of(), List.of());
	}

	/**
	 * @param targets class indexes of the held-out questions; {@code labels.size()} is
	 * the background class
	 * @param unknownTexts questions of entries the model was trained without
	 * @param unknownVectors their embeddings
	 */
	static HeldOutCheck of(List<String> labels, boolean background, Featurizer featurizer, LinearModel model,
			List<String> texts, List<float[]> vectors, int[] targets, List<String> unknownTexts,
			List<float[]> unknownVectors) {
		List<float[]> logits = new ArrayList<>();
		boolean anyInScope = false;
		boolean anyOutOfScope = false;
		for (int i = 0; i < targets.length; i++) {
			logits.add(model.logits(featurizer.features(texts.get(i), vectors.get(i))));
			anyInScope |= targets[i] < labels.size();
			anyOutOfScope |= targets[i] >= labels.size();
		}
		double temperature = anyInScope ? Calibration.fitTemperature(logits, targets) : 1;
		TrainedRouter twin = new TrainedRouter(labels, background, featurizer, model, temperature, DEFAULT_THRESHOLD,
				Map.of());
		List<Evaluation.Outcome> outcomes = new ArrayList<>();
		for (int i = 0; i < targets.length; i++) {
			outcomes.add(new Evaluation.Outcome((targets[i] < labels.size()) ? labels.get(targets[i]) : null,
					twin.predict(texts.get(i), vectors.get(i))));
		}
		List<Evaluation.Outcome> unknown = new ArrayList<>();
		for (int i = 0; i < unknownTexts.size(); i++) {
			unknown.add(new Evaluation.Outcome(null, twin.predict(unknownTexts.get(i), unknownVectors.get(i))));
		}
		double threshold;
		if (anyInScope && !unknown.isEmpty()) {
			threshold = weightedThreshold(outcomes, unknown);
		}
		else {
			threshold = (anyInScope && anyOutOfScope) ? Evaluation.chooseThreshold(outcomes) : DEFAULT_THRESHOLD;
		}
		return new HeldOutCheck(temperature, threshold, checks(outcomes, unknown, threshold, 1), outcomes, unknown)
			.withLogLoss(logits.isEmpty() ? 0 : Calibration.nll(logits, targets, temperature));
	}

	/**
	 * This check with the threshold chosen on its questions and those of other twins
	 * (trained without other entries): the temperature and the metrics stay this twin's,
	 * {@code unknownQuestions} and {@code unknownEscalated} count all twins' unknown
	 * questions.
	 */
	HeldOutCheck pooledWith(List<HeldOutCheck> others) {
		if (others.isEmpty() || this.unknown.isEmpty()) {
			return this;
		}
		List<Evaluation.Outcome> heldOut = new ArrayList<>(this.heldOut);
		List<Evaluation.Outcome> unknown = new ArrayList<>(this.unknown);
		for (HeldOutCheck other : others) {
			heldOut.addAll(other.heldOut);
			unknown.addAll(other.unknown);
		}
		double threshold = weightedThreshold(heldOut, unknown);
		Map<String, Double> checks = new LinkedHashMap<>(this.checks);
		checks.putAll(checks(this.heldOut, unknown, threshold, 1 + others.size()));
		return new HeldOutCheck(this.temperature, threshold, checks, this.heldOut, this.unknown);
	}

	private HeldOutCheck withLogLoss(double nll) {
		Map<String, Double> checks = new LinkedHashMap<>(this.checks);
		checks.put("nll", nll);
		checks.put("temperature", this.temperature);
		return new HeldOutCheck(this.temperature, this.threshold, checks, this.heldOut, this.unknown);
	}

	private static Map<String, Double> checks(List<Evaluation.Outcome> outcomes, List<Evaluation.Outcome> unknown,
			double threshold, int twins) {
		Map<String, Double> checks = new LinkedHashMap<>(Evaluation.metrics(outcomes, threshold));
		checks.put("threshold", threshold);
		checks.put("heldOutInScope", (double) outcomes.stream().filter(Evaluation.Outcome::inScope).count());
		checks.put("heldOutOutOfScope", (double) outcomes.stream().filter((o) -> !o.inScope()).count());
		checks.put("unknownQuestions", (double) unknown.size());
		checks.put("unknownEscalated", escalated(unknown, threshold));
		checks.put("calibrationTwins", (double) twins);
		return checks;
	}

	/**
	 * The threshold with the best weighted mean of in-scope accuracy (questions of known
	 * entries answered with the right one: {@link #IN_SCOPE_WEIGHT}) and out-of-scope
	 * recall (unknown in-domain questions escalated, or, without them, out-of-domain
	 * ones). Out-of-domain questions do not choose it when there are unknown ones: the
	 * background class escalates nearly all of them at any threshold.
	 */
	static double weightedThreshold(List<Evaluation.Outcome> heldOut, List<Evaluation.Outcome> unknown) {
		List<Double> rightAnswers = new ArrayList<>();
		int inScope = 0;
		List<Double> outOfScope = new ArrayList<>();
		for (Evaluation.Outcome outcome : heldOut) {
			if (outcome.inScope()) {
				inScope++;
				// a question answered wrong counts against in-scope accuracy whatever the
				// threshold
				if (outcome.prediction().ranked().get(0).label().equals(outcome.expected())) {
					rightAnswers.add(outcome.prediction().confidence());
				}
			}
			else if (unknown.isEmpty()) {
				outOfScope.add(outcome.prediction().confidence());
			}
		}
		unknown.forEach((outcome) -> outOfScope.add(outcome.prediction().confidence()));
		if (inScope == 0 || outOfScope.isEmpty()) {
			return DEFAULT_THRESHOLD;
		}
		List<Double> candidates = new ArrayList<>(rightAnswers);
		candidates.addAll(outOfScope);
		candidates.sort(null);
		rightAnswers.sort(null);
		outOfScope.sort(null);
		double best = DEFAULT_THRESHOLD;
		double bestScore = -1;
		for (int i = 0; i <= candidates.size(); i++) {
			// between two observed confidences, so it does not sit on one question
			double t = (i == 0) ? 0 : (i == candidates.size()) ? Math.min(1, candidates.get(i - 1) + 1e-9)
					: (candidates.get(i - 1) + candidates.get(i)) / 2;
			double answered = (rightAnswers.size() - below(rightAnswers, t)) / (double) inScope;
			double escalated = below(outOfScope, t) / (double) outOfScope.size();
			double score = IN_SCOPE_WEIGHT * answered + (1 - IN_SCOPE_WEIGHT) * escalated;
			if (score > bestScore) {
				bestScore = score;
				best = t;
			}
		}
		return best;
	}

	/** How many of the sorted values are below {@code t}. */
	private static int below(List<Double> sorted, double t) {
		int lo = 0;
		int hi = sorted.size();
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (sorted.get(mid) < t) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

	private static double escalated(List<Evaluation.Outcome> outcomes, double threshold) {
		if (outcomes.isEmpty()) {
			return 0;
		}
		return outcomes.stream().filter((o) -> !o.prediction().inScope(threshold)).count() / (double) outcomes.size();
	}

}
