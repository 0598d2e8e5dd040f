package dev.hearth.assistant.router;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Trains a {@link TrainedRouter} on the example phrasings of FAQ entries. See the package
 * documentation for the model. Deterministic: the same examples, in the same order, with
 * the same settings give byte-identical routers. Thread-safe (it keeps no state between
 * calls); training uses the calling thread only.
 */
public final class RouterTrainer {

	private final RouterSettings settings;

	public RouterTrainer(RouterSettings settings) {
		this.settings = Checks.requireNonNull(settings, "settings");
	}

	/**
	 * Trains on the examples (labels = FAQ ids); holds out a stratified slice to
	 * calibrate and to check itself.
	 * @throws IllegalArgumentException if there are no examples, fewer than 2 labels, or
	 * vectors of different dimensions
	 */
	public TrainedRouter train(List<TrainingExample> examples) {
		long started = System.nanoTime();
		Checks.requireNonNull(examples, "examples");
		if (examples.isEmpty()) {
			throw new IllegalArgumentException("examples must not be empty");
		}
		TreeSet<String> distinct = new TreeSet<>();
		int dimensions = -1;
		for (int i = 0; i < examples.size(); i++) {
			TrainingExample example = examples.get(i);
			if (example == null) {
				throw new NullPointerException("examples[" + i + "] must not be null");
			}
			if (dimensions < 0) {
				dimensions = example.vectorView().length;
			}
			else if (example.vectorView().length != dimensions) {
				throw new IllegalArgumentException("examples[" + i + "] (label '" + example.label() + "') has a "
						+ example.vectorView().length + "-dimensional vector, examples[0] has " + dimensions);
			}
			distinct.add(example.label());
		}
		if (distinct.size() < 2) {
			throw new IllegalArgumentException(
					"examples must have at least 2 distinct labels, found 1: '" + distinct.first() + "'");
		}
		List<String> labels = List.copyOf(distinct);
		Map<String, Integer> classOf = new LinkedHashMap<>();
		labels.forEach((label) -> classOf.put(label, classOf.size()));

		List<String> texts = new ArrayList<>();
		List<float[]> vectors = new ArrayList<>();
		List<Integer> targets = new ArrayList<>();
		for (TrainingExample example : examples) {
			texts.add(example.text());
			vectors.add(example.vectorView());
			targets.add(classOf.get(example.label()));
		}
		Background.Selection background = this.settings.backgroundCorpus()
				? Background.select(vectors, dimensions, this.settings.backgroundSimilarityCeiling())
				: Background.Selection.NONE;
		boolean hasBackground = !background.questions().isEmpty();
		int classes = labels.size() + (hasBackground ? 1 : 0);
		for (int i = 0; i < background.questions().size(); i++) {
			texts.add(background.questions().get(i));
			vectors.add(background.vectors().get(i));
			targets.add(labels.size());
		}
		Data all = new Data(texts, vectors, targets.stream().mapToInt(Integer::intValue).toArray());

		boolean[] heldOut = heldOut(all.targets, classes, this.settings.heldOutFraction(), this.settings.seed());
		Data training = all.select(heldOut, false);
		Data checking = all.select(heldOut, true);
		int backgroundClass = hasBackground ? labels.size() : -1;
		Fitted fitted = fit(training, dimensions, classes, backgroundClass);
		HeldOutCheck check = HeldOutCheck.of(labels, hasBackground, fitted.featurizer, fitted.model, checking.texts,
				checking.vectors, checking.targets);
		Map<String, Double> checks = new LinkedHashMap<>(check.checks());
		checks.put("backgroundExamples", (double) background.questions().size());
		checks.put("backgroundLeftOut", (double) background.leftOut());

		if (this.settings.refit() && checking.size() > 0) {
			fitted = fit(all, dimensions, classes, backgroundClass);
		}
		checks.put("lexicalFeatures", (double) fitted.featurizer.sparseSize());
		checks.put("centroidScale", (double) fitted.model.centroidScale[0]);
		checks.put("trainingMillis", (double) ((System.nanoTime() - started) / 1_000_000));
		return new TrainedRouter(labels, hasBackground, fitted.featurizer, fitted.model, check.temperature(),
				check.threshold(), checks);
	}

	private Fitted fit(Data data, int dimensions, int classes, int backgroundClass) {
		Featurizer featurizer = Featurizer.fit(data.texts, dimensions, this.settings);
		List<Features> features = new ArrayList<>(data.size());
		float[] weights = new float[data.size()];
		int backgroundCount = 0;
		for (int target : data.targets) {
			backgroundCount += (target == backgroundClass) ? 1 : 0;
		}
		// the background class never outweighs the FAQ entries taken together
		double backgroundWeight = this.settings.backgroundWeight()
				* Math.min(1, (data.size() - backgroundCount) / (double) Math.max(1, backgroundCount));
		for (int i = 0; i < data.size(); i++) {
			features.add(featurizer.features(data.texts.get(i), data.vectors.get(i)));
			weights[i] = (data.targets[i] == backgroundClass) ? (float) backgroundWeight : 1;
		}
		float[] centroids = new float[0];
		float[][] similarities = null;
		if (this.settings.centroidScale() > 0 && featurizer.denseSize() > 0) {
			similarities = new float[data.size()][];
			centroids = LinearModel.centroids(data.vectors, data.targets, classes,
					(backgroundClass < 0) ? classes : backgroundClass, dimensions, similarities);
		}
		LinearModel model = new LinearModelTrainer(this.settings).train(features, data.targets, weights, classes,
				featurizer.denseSize(), featurizer.sparseSize(), centroids, similarities, this.settings.seed());
		return new Fitted(featurizer, model);
	}

	/**
	 * Marks a stratified share of each class as held out: round(n * fraction) of a
	 * class's n examples, but none of a class with fewer than 3 and always at least 2
	 * left to train.
	 */
	static boolean[] heldOut(int[] targets, int classes, double fraction, long seed) {
		boolean[] heldOut = new boolean[targets.length];
		SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
		List<List<Integer>> members = new ArrayList<>();
		for (int c = 0; c < classes; c++) {
			members.add(new ArrayList<>());
		}
		for (int i = 0; i < targets.length; i++) {
			members.get(targets[i]).add(i);
		}
		for (List<Integer> member : members) {
			int n = member.size();
			int take = (n < 3) ? 0 : Math.min(n - 2, Math.max(1, (int) Math.round(n * fraction)));
			if (fraction == 0) {
				take = 0;
			}
			for (int i = 0; i < take; i++) {
				int j = i + random.nextInt(n - i);
				int chosen = member.get(j);
				member.set(j, member.get(i));
				member.set(i, chosen);
				heldOut[chosen] = true;
			}
		}
		return heldOut;
	}

	private record Fitted(Featurizer featurizer, LinearModel model) {
	}

	private record Data(List<String> texts, List<float[]> vectors, int[] targets) {

		int size() {
			return this.targets.length;
		}

		Data select(boolean[] mask, boolean value) {
			List<String> texts = new ArrayList<>();
			List<float[]> vectors = new ArrayList<>();
			List<Integer> targets = new ArrayList<>();
			for (int i = 0; i < mask.length; i++) {
				if (mask[i] == value) {
					texts.add(this.texts.get(i));
					vectors.add(this.vectors.get(i));
					targets.add(this.targets[i]);
				}
			}
			return new Data(texts, vectors, targets.stream().mapToInt(Integer::intValue).toArray());
		}

	}

}
