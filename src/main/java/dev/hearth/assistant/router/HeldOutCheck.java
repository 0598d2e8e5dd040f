package dev.hearth.assistant.router;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the held-out slice tells about a router trained without it: the temperature that
 * calibrates it, the threshold to suggest, and the checks. The temperature needs held-out
 * phrasings of FAQ entries and the threshold needs those and out-of-scope questions; when
 * they are missing the temperature is 1 and the threshold {@link #DEFAULT_THRESHOLD}.
 */
record HeldOutCheck(double temperature, double threshold, Map<String, Double> checks) {

	/** The suggested threshold when the held-out slice cannot choose one. */
	static final double DEFAULT_THRESHOLD = 0.5;

	/**
	 * @param targets class indexes; {@code labels.size()} is the background class
	 */
	static HeldOutCheck of(List<String> labels, boolean background, Featurizer featurizer, LinearModel model,
			List<String> texts, List<float[]> vectors, int[] targets) {
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
		double threshold = (anyInScope && anyOutOfScope) ? Evaluation.chooseThreshold(outcomes) : DEFAULT_THRESHOLD;
		Map<String, Double> checks = new LinkedHashMap<>(Evaluation.metrics(outcomes, threshold));
		checks.put("nll", logits.isEmpty() ? 0 : Calibration.nll(logits, targets, temperature));
		checks.put("temperature", temperature);
		checks.put("threshold", threshold);
		checks.put("heldOutInScope", (double) outcomes.stream().filter(Evaluation.Outcome::inScope).count());
		checks.put("heldOutOutOfScope", (double) outcomes.stream().filter((o) -> !o.inScope()).count());
		return new HeldOutCheck(temperature, threshold, checks);
	}

}
