package dev.hearth.assistant.router;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Matches a question to an FAQ entry from its phrasings alone, or with the trained router
 * when the FAQ has enough phrasings for it, and decides whether it is about any entry at
 * all. Which of the two answers was chosen by measurement
 * ({@code docs/adr/0007-faq-matching.md}):
 * <ul>
 * <li><b>Router</b> when at least half of the entries have {@link #ROUTER_PHRASINGS} or
 * more phrasings and the router could hold out at least {@link #MIN_HELD_OUT} of them to
 * calibrate itself: its ranking, its calibrated probability as confidence and its
 * suggested threshold. With real examples it ranks better and its probability separates
 * unknown questions better than any similarity.</li>
 * <li><b>Question and answer</b> otherwise (one or two phrasings per entry): each entry
 * scores the fused score of {@link EntryScores} (the cosine similarity of the question to
 * its nearest phrasing, to its answer's opening when one was embedded, and the share of
 * the question's BM25 weight its phrasings and answer cover), plus the router's
 * probability weighted by {@link #ROUTER_WEIGHT} when there is a router; the confidence
 * is the best entry's fused score together with its lead over the runner-up
 * ({@link Acceptance#margin()}): an absolute closeness that does not shrink when entries
 * resemble each other, unlike a probability spread over similar entries (why the router
 * alone escalated nearly every question of an FAQ with one phrasing per entry), raised
 * when the entry stands out and lowered when others come as close, as they do for a
 * question no entry covers ({@code docs/adr/0009-hybrid-faq-matching.md},
 * {@code docs/adr/0017-faq-acceptance.md}).</li>
 * </ul>
 * <p>
 * <b>Threshold without held-out phrasings.</b> Calibration asks the index questions whose
 * answer it knows: every entry's phrasings with the entry left out (in-domain questions
 * no entry covers), the bundled out-of-domain corpus (off-domain questions), and, where
 * entries have several phrasings, each phrasing with itself left out (answerable
 * questions). The suggested threshold is the one with the best balanced accuracy over
 * answerable and unanswerable ones; with no answerable ones (one phrasing per entry) it
 * is the median confidence of the left-out entries' questions, but at least the score
 * below which {@link #OUT_OF_DOMAIN_QUANTILE} of the out-of-domain corpus falls (when the
 * corpus was embedded by the same model). No fixed bounds: each model spreads
 * similarities differently (e5-small-v2 puts nearly every pair above 0.8). Immutable and
 * thread-safe.
 */
public final class FaqMatcher {

	/**
	 * Which score the confidence and threshold are on, recorded in {@link #checks()}: 2
	 * is the fused score of {@link EntryScores}, 3 the same or, when the matcher was
	 * calibrated with pseudo-questions, the probability of {@link Acceptance}; a
	 * threshold stored for another score must not be reused.
	 */
	public static final double SCORES_VERSION = 3;

	/** Weight of the router's probability in an entry's ranking score. */
	static final double ROUTER_WEIGHT = 0.5;

	/** Phrasings an entry needs before the router can hold one out for it. */
	static final int ROUTER_PHRASINGS = 3;

	/** Held-out phrasings the router needs before it answers on its own. */
	static final int MIN_HELD_OUT = 10;

	/** At most this many phrasings are asked during calibration. */
	static final int CALIBRATION_QUESTIONS = 1500;

	/** Answerable calibration questions needed to choose by balanced accuracy. */
	static final int MIN_POSITIVES = 20;

	/**
	 * ADR 0007's lowest threshold without answerable questions (the benchmark's
	 * "before"), and the threshold when calibration has nothing to go on.
	 */
	static final double MIN_THRESHOLD = 0.45;

	/**
	 * ADR 0007's highest threshold without answerable questions (the benchmark's
	 * "before").
	 */
	static final double MAX_THRESHOLD = 0.85;

	private final EntryScores scores;

	private final NearestPhrasings nearest;

	private final TrainedRouter router;

	private final int[] routerIndex;

	private final double suggestedThreshold;

	private final boolean routerDecides;

	private final Map<String, Double> checks;

	/** Decides from the ranking's features when calibrated with pseudo-questions. */
	private final Acceptance acceptance;

	private FaqMatcher(EntryScores scores, TrainedRouter router, boolean routerDecides, double suggestedThreshold,
			Map<String, Double> checks, Acceptance acceptance) {
		this.scores = scores;
		this.acceptance = routerDecides ? null : acceptance;
		this.nearest = scores.nearest();
		this.router = router;
		this.routerDecides = routerDecides;
		this.suggestedThreshold = this.routerDecides ? router.suggestedThreshold() : suggestedThreshold;
		Map<String, Double> all = new LinkedHashMap<>(checks);
		all.put("routerDecides", this.routerDecides ? 1.0 : 0.0);
		all.put("scores", SCORES_VERSION);
		all.put("acceptanceModel", (this.acceptance != null) ? 1.0 : 0.0);
		if (this.acceptance != null) {
			all.putAll(this.acceptance.toChecks());
		}
		this.checks = Map.copyOf(all);
		this.routerIndex = routerIndex(router, this.nearest);
	}

	private static int[] routerIndex(TrainedRouter router, NearestPhrasings nearest) {
		int[] index = new int[nearest.labels().size()];
		Arrays.fill(index, -1);
		if (router != null) {
			List<String> routerLabels = router.labels();
			for (int i = 0; i < nearest.labels().size(); i++) {
				index[i] = routerLabels.indexOf(nearest.labels().get(i));
			}
		}
		return index;
	}

	/**
	 * Indexes the phrasings and calibrates the threshold.
	 * @param examples every phrasing of every entry (the FAQ question among them)
	 * @param router the router trained on the same examples, or {@code null}
	 * @throws IllegalArgumentException if there are no examples
	 */
	public static FaqMatcher of(List<TrainingExample> examples, TrainedRouter router) {
		return of(examples, router, true);
	}

	/**
	 * As {@link #of(List, TrainedRouter)}.
	 * @param outOfDomainCorpus whether calibration may use the bundled out-of-domain
	 * corpus: only when the examples were embedded by the model that embedded it
	 * (all-MiniLM-L6-v2 quantized)
	 */
	public static FaqMatcher of(List<TrainingExample> examples, TrainedRouter router, boolean outOfDomainCorpus) {
		return of(examples, List.of(), router, outOfDomainCorpus);
	}

	/**
	 * As {@link #of(List, TrainedRouter, boolean)}, matching the entries by their answers
	 * too.
	 * @param answers the entries' answers (entries without one are matched by their
	 * phrasings alone)
	 */
	public static FaqMatcher of(List<TrainingExample> examples, List<EntryAnswer> answers, TrainedRouter router,
			boolean outOfDomainCorpus) {
		return of(examples, answers, List.of(), router, outOfDomainCorpus);
	}

	/**
	 * As {@link #of(List, List, TrainedRouter, boolean)}, matching the entries by their
	 * answer sentences too (the similarity to the nearest one, weighted
	 * {@link EntryScores.Weights#SENTENCES}) where the margin-aware score decides (one
	 * phrasing per entry, ADR 0017).
	 * @param answerSentences the entries' answer sentences with their embeddings
	 * ({@link AnswerSentences}); those of unknown entries are ignored
	 */
	public static FaqMatcher of(List<TrainingExample> examples, List<EntryAnswer> answers,
			List<PseudoQuestion> answerSentences, TrainedRouter router, boolean outOfDomainCorpus) {
		return of(examples, answers, answerSentences, router, outOfDomainCorpus, EntryScores.Weights.DEFAULT, false,
				Decider.MARGIN);
	}

	/**
	 * Whether {@link #of(List, List, List, TrainedRouter, boolean)} may use answer
	 * sentences for these examples (the router does not decide alone), so a caller embeds
	 * them only when they can count.
	 */
	public static boolean usesAnswerSentences(TrainedRouter router, List<TrainingExample> examples) {
		return !routerDecides(router, examples);
	}

	static FaqMatcher of(List<TrainingExample> examples, List<EntryAnswer> answers, TrainedRouter router,
			boolean outOfDomainCorpus, EntryScores.Weights weights, boolean legacyThreshold) {
		return of(examples, answers, List.of(), router, outOfDomainCorpus, weights, legacyThreshold);
	}

	/**
	 * As {@link #of(List, List, TrainedRouter, boolean)} with other weights, and, with
	 * {@code legacyThreshold}, ADR 0007's threshold without answerable calibration
	 * questions (the median clamped to [{@link #MIN_THRESHOLD}, {@link #MAX_THRESHOLD}]):
	 * for the benchmark's "before" column.
	 */
	static FaqMatcher of(List<TrainingExample> examples, List<EntryAnswer> answers,
			List<PseudoQuestion> pseudoQuestions, TrainedRouter router, boolean outOfDomainCorpus,
			EntryScores.Weights weights, boolean legacyThreshold) {
		return of(examples, answers, pseudoQuestions, router, outOfDomainCorpus, weights, legacyThreshold,
				Decider.MARGIN);
	}

	/** How the single-phrasing path decides (ADR 0017 measured all three). */
	enum Decider {

		/** ADR 0009: the fused score against the median of the left-out entries. */
		FUSED,
		/** {@link Acceptance#margin()} against the median of the left-out entries. */
		MARGIN,
		/** {@link Acceptance#fit} on the answers' sentences as pseudo-questions. */
		LEARNED

	}

	static FaqMatcher of(List<TrainingExample> examples, List<EntryAnswer> answers,
			List<PseudoQuestion> pseudoQuestions, TrainedRouter router, boolean outOfDomainCorpus,
			EntryScores.Weights weights, boolean legacyThreshold, Decider decider) {
		return of(examples, answers, pseudoQuestions, router, outOfDomainCorpus, weights, legacyThreshold, decider,
				EmbeddingAdapter.identity());
	}

	static FaqMatcher of(List<TrainingExample> examples, List<EntryAnswer> answers,
			List<PseudoQuestion> pseudoQuestions, TrainedRouter router, boolean outOfDomainCorpus,
			EntryScores.Weights weights, boolean legacyThreshold, Decider decider, EmbeddingAdapter adapter) {
		Map<String, Double> checks = new LinkedHashMap<>();
		if (!adapter.isIdentity()) {
			checks.put("adapterRank", (double) adapter.rank());
		}
		boolean routerDecides = routerDecides(router, examples);
		if (!routerDecides && !legacyThreshold && decider != Decider.FUSED) {
			// the margin-aware score matches by the answer sentences too (ADR 0017)
			EntryScores.Weights used = (decider == Decider.MARGIN && !pseudoQuestions.isEmpty()
					&& weights.sentences() == 0) ? weights.withSentences() : weights;
			EntryScores withSentences = EntryScores.of(examples, answers, pseudoQuestions, used, adapter);
			AcceptanceCalibration calibrated = AcceptanceCalibration.of(withSentences, examples, pseudoQuestions,
					router, routerIndex(router, withSentences.nearest()), outOfDomainCorpus, decider == Decider.MARGIN,
					checks);
			if (calibrated != null) {
				checks.put("answerSentences", (double) pseudoQuestions.size());
				return new FaqMatcher(withSentences, router, false, calibrated.threshold(), checks, calibrated.model());
			}
		}
		EntryScores scores = EntryScores.of(examples, answers, List.of(),
				new EntryScores.Weights(weights.answer(), weights.terms(), 0, weights.questionTerms()), adapter);
		double threshold = routerDecides ? router.suggestedThreshold()
				: calibrate(scores, examples, outOfDomainCorpus, legacyThreshold, checks);
		return new FaqMatcher(scores, router, routerDecides, threshold, checks, null);
	}

	/** Rebuilds a matcher whose threshold is known (as stored after calibration). */
	public static FaqMatcher of(List<TrainingExample> examples, TrainedRouter router, double suggestedThreshold) {
		return of(examples, List.of(), router, suggestedThreshold);
	}

	/** Rebuilds a matcher with answers whose threshold is known. */
	public static FaqMatcher of(List<TrainingExample> examples, List<EntryAnswer> answers, TrainedRouter router,
			double suggestedThreshold) {
		return of(examples, answers, router, suggestedThreshold, Map.of());
	}

	/**
	 * Rebuilds a matcher with answers whose threshold and calibration checks are known
	 * (as {@link #checks()} returned them, with the acceptance rule among them when
	 * calibration chose one; without, the confidence is the fused score).
	 * @throws IllegalArgumentException if the checks hold an incomplete acceptance model
	 */
	public static FaqMatcher of(List<TrainingExample> examples, List<EntryAnswer> answers, TrainedRouter router,
			double suggestedThreshold, Map<String, Double> checks) {
		return of(examples, answers, List.of(), router, suggestedThreshold, checks);
	}

	/**
	 * As {@link #of(List, List, TrainedRouter, double, Map)}, with the answer sentences
	 * the matcher was calibrated with (used when the checks hold the margin-aware rule).
	 */
	public static FaqMatcher of(List<TrainingExample> examples, List<EntryAnswer> answers,
			List<PseudoQuestion> answerSentences, TrainedRouter router, double suggestedThreshold,
			Map<String, Double> checks) {
		Acceptance acceptance = Acceptance.fromChecks(checks);
		boolean margin = acceptance != null && checks.getOrDefault("accept.linear", 0.0) == 1.0;
		EntryScores.Weights weights = (margin && !answerSentences.isEmpty())
				? EntryScores.Weights.DEFAULT.withSentences() : EntryScores.Weights.DEFAULT;
		return new FaqMatcher(EntryScores.of(examples, answers, margin ? answerSentences : List.of(), weights), router,
				routerDecides(router, examples), suggestedThreshold, Map.of(), acceptance);
	}

	/**
	 * Whether the router decides alone: most entries have enough phrasings for it to
	 * learn from and it was calibrated on enough held-out ones.
	 */
	static boolean routerDecides(TrainedRouter router, List<TrainingExample> examples) {
		if (router == null || router.checks().getOrDefault("heldOutInScope", 0.0) < MIN_HELD_OUT) {
			return false;
		}
		Map<String, Integer> phrasings = new java.util.HashMap<>();
		examples.forEach((example) -> phrasings.merge(example.label(), 1, Integer::sum));
		long rich = phrasings.values().stream().filter((n) -> n >= ROUTER_PHRASINGS).count();
		return rich * 2 >= phrasings.size();
	}

	/**
	 * The entries most likely meant, best first (at most 5, with their scores in [0, 1]),
	 * and the confidence that the best one is meant: the router's prediction when it
	 * decides, else the best entry's nearest-phrasing similarity, clamped to [0, 1].
	 * @throws IllegalArgumentException if the vector has another dimension than the
	 * phrasings'
	 */
	public RouterPrediction predict(String text, float[] vector) {
		Checks.requireNonNull(text, "text");
		if (this.routerDecides) {
			return this.router.predict(text, vector);
		}
		EntryScores.Views views = this.scores.views(text, vector, -1, -1, -1, false);
		double[] similarity = views.fused();
		double[] score = ranking(similarity, this.router, this.routerIndex, text, vector);
		List<Integer> best = NearestPhrasings.ranked(score, TrainedRouter.TOP);
		List<ScoredLabel> ranked = new ArrayList<>(best.size());
		for (int c : best) {
			ranked.add(new ScoredLabel(this.nearest.labels().get(c), clamp(score[c] / (1 + weight()))));
		}
		double confidence = (this.acceptance != null)
				? this.acceptance
					.probability(Acceptance.features(best.get(0), similarity, views.dense(), views.terms()))
				: similarity[best.get(0)];
		return new RouterPrediction(ranked, clamp(confidence));
	}

	/**
	 * The {@link Acceptance} features of the best-ranked entry for a question (for
	 * diagnostics: the benchmark studies them).
	 */
	double[] features(String text, float[] vector) {
		EntryScores.Views views = this.scores.views(text, vector, -1, -1, -1, false);
		double[] score = ranking(views.fused(), this.router, this.routerIndex, text, vector);
		return Acceptance.features(Acceptance.argmax(score), views.fused(), views.dense(), views.terms());
	}

	/**
	 * The fused scores plus the router's probability weighted by {@link #ROUTER_WEIGHT}.
	 */
	static double[] ranking(double[] fused, TrainedRouter router, int[] routerIndex, String text, float[] vector) {
		double[] score = fused.clone();
		if (router != null) {
			double[] p = router.probabilities(text, vector);
			for (int i = 0; i < score.length; i++) {
				if (routerIndex[i] >= 0 && score[i] > -1) {
					score[i] += ROUTER_WEIGHT * p[routerIndex[i]];
				}
			}
		}
		return score;
	}

	private double weight() {
		return (this.router != null) ? ROUTER_WEIGHT : 0;
	}

	/**
	 * The confidence at or above which the best entry answers: the router's suggested
	 * threshold when it decides, else the calibrated similarity.
	 */
	public double suggestedThreshold() {
		return this.suggestedThreshold;
	}

	/**
	 * What calibration saw: {@code routerDecides} (1 or 0), {@code positives},
	 * {@code inDomainNegatives}, {@code outOfDomainNegatives}, {@code threshold},
	 * {@code positiveRecall}, {@code negativeRecall} (empty for a rebuilt matcher).
	 */
	public Map<String, Double> checks() {
		return this.checks;
	}

	static double calibrate(EntryScores scores, List<TrainingExample> examples, boolean outOfDomainCorpus,
			boolean legacyThreshold, Map<String, Double> checks) {
		NearestPhrasings nearest = scores.nearest();
		SplittableRandom random = new SplittableRandom(42);
		int n = nearest.size();
		int[] order = sample(n, CALIBRATION_QUESTIONS, random);
		List<Double> positives = new ArrayList<>();
		List<Double> inDomain = new ArrayList<>();
		boolean multipleEntries = nearest.labels().size() > 1;
		int[] phrasings = new int[nearest.labels().size()];
		for (int i = 0; i < n; i++) {
			phrasings[nearest.owner(i)]++;
		}
		for (int i : order) {
			float[] phrasing = nearest.phrasing(i);
			String text = examples.get(i).text();
			int own = nearest.owner(i);
			if (multipleEntries) {
				double[] others = scores.scores(text, phrasing, -1, own, false);
				inDomain.add(max(others));
			}
			double[] withoutSelf = scores.scores(text, phrasing, i, -1, false);
			if (phrasings[own] > 1) {
				int top = argmax(withoutSelf);
				if (top == own) {
					positives.add(withoutSelf[own]);
				}
				else {
					inDomain.add(withoutSelf[top]);
				}
			}
		}
		List<Double> outOfDomain = new ArrayList<>();
		OutOfDomainCorpus.Corpus corpus = outOfDomainCorpus ? OutOfDomainCorpus.get() : null;
		if (corpus != null && corpus.dimensions() == nearest.dimensions()) {
			for (int i : sample(corpus.vectors().length, CALIBRATION_QUESTIONS / 3, random)) {
				outOfDomain.add(max(scores.scores(corpus.questions().get(i), corpus.vectors()[i])));
			}
		}
		double threshold;
		if (positives.size() >= MIN_POSITIVES) {
			threshold = balanced(positives, inDomain, outOfDomain);
		}
		else if (legacyThreshold) {
			threshold = outOfDomainCorpus ? Math.max(MIN_THRESHOLD, Math.min(MAX_THRESHOLD, median(inDomain)))
					: median(inDomain);
		}
		else {
			threshold = Math.max(median(inDomain), quantile(outOfDomain, OUT_OF_DOMAIN_QUANTILE));
		}
		checks.put("positives", (double) positives.size());
		checks.put("inDomainNegatives", (double) inDomain.size());
		checks.put("outOfDomainNegatives", (double) outOfDomain.size());
		checks.put("threshold", threshold);
		checks.put("positiveRecall", share(positives, threshold, true));
		checks.put("inDomainNegativeRecall", share(inDomain, threshold, false));
		checks.put("outOfDomainNegativeRecall", share(outOfDomain, threshold, false));
		return threshold;
	}

	/**
	 * The threshold that maximises the mean of: answerable questions answered, in-domain
	 * unknown ones escalated, off-domain ones escalated (each list weighing the same).
	 */
	static double balanced(List<Double> positives, List<Double> inDomain, List<Double> outOfDomain) {
		List<Double> candidates = new ArrayList<>(positives);
		candidates.addAll(inDomain);
		candidates.sort(null);
		double best = candidates.isEmpty() ? MIN_THRESHOLD : candidates.get(0);
		double bestScore = -1;
		for (int i = 0; i < candidates.size(); i += Math.max(1, candidates.size() / 400)) {
			double t = candidates.get(i);
			double score = share(positives, t, true) + share(inDomain, t, false)
					+ (outOfDomain.isEmpty() ? 1 : share(outOfDomain, t, false));
			if (score > bestScore) {
				bestScore = score;
				best = t;
			}
		}
		return best;
	}

	static double share(List<Double> values, double threshold, boolean above) {
		if (values.isEmpty()) {
			return 0;
		}
		long count = values.stream().filter((v) -> (v >= threshold) == above).count();
		return count / (double) values.size();
	}

	/** Share of off-domain questions escalated at least, without answerable ones. */
	static final double OUT_OF_DOMAIN_QUANTILE = 0.95;

	/** The value below which the given share of values lie (0 for none). */
	static double quantile(List<Double> values, double share) {
		if (values.isEmpty()) {
			return 0;
		}
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(null);
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(share * sorted.size())));
	}

	static double median(List<Double> values) {
		if (values.isEmpty()) {
			return MIN_THRESHOLD;
		}
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(null);
		return sorted.get(sorted.size() / 2);
	}

	static int[] sample(int n, int max, SplittableRandom random) {
		int[] all = new int[n];
		for (int i = 0; i < n; i++) {
			all[i] = i;
		}
		if (n <= max) {
			return all;
		}
		for (int i = 0; i < max; i++) {
			int j = i + random.nextInt(n - i);
			int swap = all[i];
			all[i] = all[j];
			all[j] = swap;
		}
		return Arrays.copyOf(all, max);
	}

	private static double max(double[] values) {
		double best = -1;
		for (double v : values) {
			best = Math.max(best, v);
		}
		return best;
	}

	private static int argmax(double[] values) {
		int best = 0;
		for (int i = 1; i < values.length; i++) {
			if (values[i] > values[best]) {
				best = i;
			}
		}
		return best;
	}

	private static double clamp(double value) {
		return Math.max(0, Math.min(1, value));
	}

}
