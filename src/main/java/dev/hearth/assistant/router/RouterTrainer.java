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

	/** Entries an FAQ needs before the twin leaves some out as unknown questions. */
	static final int MIN_ENTRIES_FOR_UNKNOWN = 4;

	/** Share of the entries the twin leaves out. */
	static final double UNKNOWN_SHARE = 0.25;

	/**
	 * More twins (up to four, each without another quarter of the entries) are trained
	 * until their held-out in-scope questions reach this many.
	 */
	static final int POOLED_IN_SCOPE_TARGET = 200;

	/** At most this many phrasings of the left-out entries are asked. */
	static final int MAX_UNKNOWN_QUESTIONS = 2000;

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
		int backgroundClass = hasBackground ? labels.size() : -1;
		// the twin leaves out some entries altogether: their phrasings are its unknown
		// questions, in the company's own domain, on which the threshold is chosen
		boolean anyHeldOutInScope = false;
		for (int i = 0; i < heldOut.length; i++) {
			anyHeldOutInScope |= heldOut[i] && all.targets[i] < labels.size();
		}
		int[] fold = anyHeldOutInScope ? entryFolds(labels.size(), this.settings.seed()) : new int[0];
		Twin first = twin(all, heldOut, labels, fold, 0, hasBackground, dimensions);
		HeldOutCheck check = first.check();
		// a small FAQ gives the first twin few questions to choose on: more twins, each
		// without another quarter of the entries, until there are enough
		int inScopeQuestions = check.heldOut().stream().mapToInt((o) -> o.inScope() ? 1 : 0).sum();
		List<HeldOutCheck> more = new ArrayList<>();
		int folds = java.util.Arrays.stream(fold).max().orElse(-1) + 1;
		for (int f = 1; f < folds && inScopeQuestions < POOLED_IN_SCOPE_TARGET; f++) {
			HeldOutCheck other = twin(all, heldOut, labels, fold, f, hasBackground, dimensions).check();
			more.add(other);
			inScopeQuestions += other.heldOut().stream().mapToInt((o) -> o.inScope() ? 1 : 0).sum();
		}
		check = check.pooledWith(more);
		List<String> twinLabels = first.labels();
		Map<String, Double> checks = new LinkedHashMap<>(check.checks());
		checks.put("unknownEntries", (double) (labels.size() - twinLabels.size()));
		// phrasings of FAQ entries the twin did not learn from (FaqMatcher's rule reads
		// it)
		int heldOutInScope = 0;
		for (int i = 0; i < heldOut.length; i++) {
			heldOutInScope += (heldOut[i] && all.targets[i] < labels.size()) ? 1 : 0;
		}
		checks.put("heldOutInScope", (double) heldOutInScope);
		checks.put("backgroundExamples", (double) background.questions().size());
		checks.put("backgroundLeftOut", (double) background.leftOut());

		boolean anyHeldOut = false;
		for (boolean h : heldOut) {
			anyHeldOut |= h;
		}
		Fitted fitted;
		if (fold.length == 0 && (!anyHeldOut || !this.settings.refit())) {
			// the twin knew every entry: it is the router (trained on everything when
			// nothing was held out)
			fitted = first.fitted();
		}
		else {
			fitted = fit(this.settings.refit() ? all : all.select(heldOut, false), dimensions, classes,
					backgroundClass);
		}
		checks.put("lexicalFeatures", (double) fitted.featurizer.sparseSize());
		checks.put("centroidScale", (double) fitted.model.centroidScale[0]);
		checks.put("trainingMillis", (double) ((System.nanoTime() - started) / 1_000_000));
		return new TrainedRouter(labels, hasBackground, fitted.featurizer, fitted.model, check.temperature(),
				check.threshold(), checks);
	}

	/**
	 * The twin that leaves out the entries of one fold (none when {@code fold} is empty)
	 * and the held-out phrasings, and what the held-out slice tells about it.
	 */
	private Twin twin(Data all, boolean[] heldOut, List<String> labels, int[] fold, int leftOut, boolean hasBackground,
			int dimensions) {
		int classes = labels.size() + (hasBackground ? 1 : 0);
		int[] twinClass = new int[classes];
		List<String> twinLabels = new ArrayList<>();
		for (int c = 0; c < classes; c++) {
			if (c < labels.size() && fold.length > 0 && fold[c] == leftOut) {
				twinClass[c] = -1;
			}
			else {
				twinClass[c] = twinLabels.size();
				if (c < labels.size()) {
					twinLabels.add(labels.get(c));
				}
			}
		}
		Data training = all.select(heldOut, false).remap(twinClass);
		Data checking = all.select(heldOut, true).remap(twinClass);
		Data unknown = all.unknown(twinClass, MAX_UNKNOWN_QUESTIONS, this.settings.seed());
		Fitted fitted = fit(training, dimensions, twinLabels.size() + (hasBackground ? 1 : 0),
				hasBackground ? twinLabels.size() : -1);
		return new Twin(twinLabels, fitted, HeldOutCheck.of(twinLabels, hasBackground, fitted.featurizer, fitted.model,
				checking.texts, checking.vectors, checking.targets, unknown.texts, unknown.vectors));
	}

	/**
	 * The entries the first twin is trained without: a seeded quarter of them (at least
	 * one) when there are at least {@link #MIN_ENTRIES_FOR_UNKNOWN}, else none.
	 */
	static boolean[] unknownEntries(int entries, long seed) {
		int[] fold = entryFolds(entries, seed);
		boolean[] unknown = new boolean[entries];
		for (int i = 0; i < fold.length; i++) {
			unknown[i] = fold[i] == 0;
		}
		return unknown;
	}

	/**
	 * Each entry's fold: a seeded order of the entries cut into quarters (of at least one
	 * entry), the twin of fold f leaving out the entries of fold f; empty with fewer than
	 * {@link #MIN_ENTRIES_FOR_UNKNOWN} entries.
	 */
	static int[] entryFolds(int entries, long seed) {
		if (entries < MIN_ENTRIES_FOR_UNKNOWN) {
			return new int[0];
		}
		int size = Math.max(1, (int) Math.round(entries * UNKNOWN_SHARE));
		int[] order = new int[entries];
		for (int i = 0; i < entries; i++) {
			order[i] = i;
		}
		SplittableRandom random = new SplittableRandom(seed ^ 0x2545F4914F6CDD1DL);
		for (int i = entries - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int swap = order[i];
			order[i] = order[j];
			order[j] = swap;
		}
		int[] fold = new int[entries];
		for (int i = 0; i < entries; i++) {
			// entries beyond the last full quarter join it: every twin keeps 3/4 or more
			fold[order[i]] = Math.min(i / size, (entries / size) - 1);
		}
		return fold;
	}

	private record Twin(List<String> labels, Fitted fitted, HeldOutCheck check) {
	}

	private Fitted fit(Data data, int dimensions, int classes, int backgroundClass) {
		Featurizer featurizer = Featurizer.fit(data.texts, dimensions, this.settings);
		int n = data.size();
		int[] counts = new int[classes];
		for (int target : data.targets) {
			counts[target]++;
		}
		int backgroundCount = (backgroundClass < 0) ? 0 : counts[backgroundClass];
		int faqCount = n - backgroundCount;
		int faqClasses = 0;
		for (int c = 0; c < classes; c++) {
			faqClasses += (c != backgroundClass && counts[c] > 0) ? 1 : 0;
		}
		int copies = this.settings.augmentCopies();
		// the background class never outweighs the FAQ entries taken together (copies
		// included)
		double backgroundWeight = this.settings.backgroundWeight() * (1 + copies)
				* Math.min(1, faqCount / (double) Math.max(1, backgroundCount));
		float[] centroids = new float[0];
		float[][] similarities = null;
		if (this.settings.centroidScale() > 0 && featurizer.denseSize() > 0) {
			similarities = new float[n][];
			centroids = LinearModel.centroids(data.vectors, data.targets, classes,
					(backgroundClass < 0) ? classes : backgroundClass, dimensions, similarities);
		}
		List<Features> features = new ArrayList<>(n);
		List<Float> weights = new ArrayList<>(n);
		List<Integer> targets = new ArrayList<>(n);
		List<float[]> rowSimilarities = new ArrayList<>(n);
		List<List<Integer>> members = new ArrayList<>();
		for (int c = 0; c < classes; c++) {
			members.add(new ArrayList<>());
		}
		for (int i = 0; i < n; i++) {
			members.get(data.targets[i]).add(i);
		}
		for (int i = 0; i < n; i++) {
			int target = data.targets[i];
			boolean faq = target != backgroundClass;
			float weight = faq
					? (float) (this.settings.balanceClasses() ? faqCount / (double) (faqClasses * counts[target]) : 1)
					: (float) backgroundWeight;
			features.add(featurizer.features(data.texts.get(i), data.vectors.get(i)));
			weights.add(weight);
			targets.add(target);
			if (similarities != null) {
				rowSimilarities.add(similarities[i]);
			}
			if (!faq) {
				continue;
			}
			// copies of the phrasing: some words dropped, the embedding moved towards
			// another phrasing of the same entry; seeded per example and copy
			for (int copy = 1; copy <= copies; copy++) {
				SplittableRandom random = new SplittableRandom(this.settings.seed() * 31 + i * 17L + copy);
				String text = dropWords(data.texts.get(i), this.settings.augmentWordDrop(), random);
				float[] vector = data.vectors.get(i);
				List<Integer> same = members.get(target);
				if (this.settings.augmentMix() > 0 && same.size() > 1) {
					int other = same.get(random.nextInt(same.size()));
					if (other == i) {
						other = same.get((same.indexOf(i) + 1) % same.size());
					}
					vector = mix(vector, data.vectors.get(other), (float) this.settings.augmentMix());
				}
				features.add(featurizer.features(text, vector));
				weights.add(weight);
				targets.add(target);
				if (similarities != null) {
					rowSimilarities.add(similarities[i]);
				}
			}
		}
		float[] weightArray = new float[weights.size()];
		for (int i = 0; i < weightArray.length; i++) {
			weightArray[i] = weights.get(i);
		}
		LinearModel model = new LinearModelTrainer(this.settings).train(features,
				targets.stream().mapToInt(Integer::intValue).toArray(), weightArray, classes, featurizer.denseSize(),
				featurizer.sparseSize(), centroids,
				(similarities != null) ? rowSimilarities.toArray(new float[0][]) : null, this.settings.seed());
		return new Fitted(featurizer, model);
	}

	/** The text with each word dropped at the given chance, at least one word kept. */
	static String dropWords(String text, double chance, SplittableRandom random) {
		String[] words = text.trim().split("\\s+");
		if (chance <= 0 || words.length < 2) {
			return text;
		}
		StringBuilder kept = new StringBuilder();
		int keep = random.nextInt(words.length);
		for (int w = 0; w < words.length; w++) {
			if (w == keep || random.nextDouble() >= chance) {
				kept.append((kept.length() > 0) ? " " : "").append(words[w]);
			}
		}
		return kept.toString();
	}

	/** Unit-length (1 - share) * a + share * b of the unit-length vectors. */
	static float[] mix(float[] a, float[] b, float share) {
		float[] unitA = VectorMath.normalize(a.clone());
		float[] unitB = VectorMath.normalize(b.clone());
		float[] mixed = new float[unitA.length];
		for (int d = 0; d < mixed.length; d++) {
			mixed[d] = (1 - share) * unitA[d] + share * unitB[d];
		}
		return VectorMath.normalize(mixed);
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

		/** The examples whose class maps to one (>= 0), with the mapped targets. */
		Data remap(int[] classMap) {
			List<String> texts = new ArrayList<>();
			List<float[]> vectors = new ArrayList<>();
			List<Integer> targets = new ArrayList<>();
			for (int i = 0; i < this.targets.length; i++) {
				int mapped = classMap[this.targets[i]];
				if (mapped >= 0) {
					texts.add(this.texts.get(i));
					vectors.add(this.vectors.get(i));
					targets.add(mapped);
				}
			}
			return new Data(texts, vectors, targets.stream().mapToInt(Integer::intValue).toArray());
		}

		/**
		 * The examples whose class maps to none (-1), at most {@code max} of them, a
		 * seeded sample; targets are meaningless (-1).
		 */
		Data unknown(int[] classMap, int max, long seed) {
			List<Integer> members = new ArrayList<>();
			for (int i = 0; i < this.targets.length; i++) {
				if (classMap[this.targets[i]] < 0) {
					members.add(i);
				}
			}
			SplittableRandom random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
			for (int i = 0; i < Math.min(max, members.size()); i++) {
				java.util.Collections.swap(members, i, i + random.nextInt(members.size() - i));
			}
			List<Integer> chosen = new ArrayList<>(members.subList(0, Math.min(max, members.size())));
			chosen.sort(null);
			List<String> texts = new ArrayList<>();
			List<float[]> vectors = new ArrayList<>();
			for (int i : chosen) {
				texts.add(this.texts.get(i));
				vectors.add(this.vectors.get(i));
			}
			return new Data(texts, vectors, new int[chosen.size()]);
		}

	}

}
