package dev.hearth.assistant.router;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Chooses the threshold of an {@link Acceptance} rule for an FAQ on questions whose right
 * answer the FAQ itself knows, so it needs no held-out customer phrasings:
 * <ul>
 * <li>not to answer: every phrasing with its whole entry left out (in-domain questions no
 * entry covers); the bundled out-of-domain corpus when the phrasings were embedded by its
 * model;</li>
 * <li>to answer: where entries have several phrasings, each phrasing with itself left
 * out, when it ranks its entry first (otherwise it is a question not to answer).</li>
 * </ul>
 * Hearth's rule is {@link Acceptance#margin()}, used only without enough questions to
 * answer (one phrasing per entry, what it was measured for): fixed weights, the threshold
 * the median of the left-out entries' questions, at least above
 * {@link FaqMatcher#OUT_OF_DOMAIN_QUANTILE} of the corpus; with enough, the caller keeps
 * ADR 0009's fused score and balanced threshold. ADR 0017's measured alternative also
 * asks the entries' answer sentences ({@link PseudoQuestion}, each with its own entry's
 * answer hidden) and fits a logistic {@link Acceptance} on all of them. With enough
 * questions to answer the threshold maximises the mean of the groups' right decisions
 * ({@link FaqMatcher#balanced}). Stateless.
 */
record AcceptanceCalibration(Acceptance model, double threshold) {

	/**
	 * Receives every calibration question's kind and features when set (the benchmark's
	 * diagnostics); {@code null} in Hearth.
	 */
	static volatile java.util.function.BiConsumer<String, double[]> samples;

	/**
	 * Fits the logistic model, or returns {@code null} when fewer than
	 * {@link FaqMatcher#MIN_POSITIVES} questions to answer rank their entry first (the
	 * caller then falls back to a threshold on the fused score).
	 * @param checks receives what calibration saw
	 */
	static AcceptanceCalibration of(EntryScores scores, List<TrainingExample> examples,
			List<PseudoQuestion> pseudoQuestions, TrainedRouter router, int[] routerIndex, boolean outOfDomainCorpus,
			Map<String, Double> checks) {
		return of(scores, examples, pseudoQuestions, router, routerIndex, outOfDomainCorpus, false, checks);
	}

	/**
	 * As the other {@code of}; with {@code fixedMargin}, the model is
	 * {@link Acceptance#margin()} (nothing fitted, pseudo-questions unused) and, without
	 * {@link FaqMatcher#MIN_POSITIVES} answerable questions, its threshold is the median
	 * score of the left-out entries' questions, at least the score below which
	 * {@link FaqMatcher#OUT_OF_DOMAIN_QUANTILE} of the out-of-domain corpus falls.
	 */
	static AcceptanceCalibration of(EntryScores scores, List<TrainingExample> examples,
			List<PseudoQuestion> pseudoQuestions, TrainedRouter router, int[] routerIndex, boolean outOfDomainCorpus,
			boolean fixedMargin, Map<String, Double> checks) {
		if (fixedMargin) {
			pseudoQuestions = List.of();
		}
		NearestPhrasings nearest = scores.nearest();
		Map<String, Integer> entry = new HashMap<>();
		for (int i = 0; i < nearest.labels().size(); i++) {
			entry.put(nearest.labels().get(i), i);
		}
		SplittableRandom random = new SplittableRandom(42);
		List<double[]> positives = new ArrayList<>();
		List<double[]> inDomain = new ArrayList<>();
		List<double[]> outOfDomain = new ArrayList<>();
		int[] phrasings = new int[nearest.labels().size()];
		for (int i = 0; i < nearest.size(); i++) {
			phrasings[nearest.owner(i)]++;
		}
		boolean multipleEntries = nearest.labels().size() > 1;
		for (int i : FaqMatcher.sample(nearest.size(), FaqMatcher.CALIBRATION_QUESTIONS, random)) {
			String text = examples.get(i).text();
			float[] vector = nearest.phrasing(i);
			int own = nearest.owner(i);
			if (multipleEntries) {
				inDomain
					.add(features(scores.views(text, vector, -1, own, -1, false), router, routerIndex, text, vector));
			}
			if (phrasings[own] > 1) {
				EntryScores.Views views = scores.views(text, vector, i, -1, -1, false);
				int top = top(views, router, routerIndex, text, vector);
				(top == own ? positives : inDomain)
					.add(Acceptance.features(top, views.fused(), views.dense(), views.terms()));
			}
		}
		List<PseudoQuestion> known = pseudoQuestions.stream().filter((q) -> entry.containsKey(q.label())).toList();
		int pseudoPositives = 0;
		for (int i : FaqMatcher.sample(known.size(), FaqMatcher.CALIBRATION_QUESTIONS, random)) {
			PseudoQuestion question = known.get(i);
			int own = entry.get(question.label());
			EntryScores.Views views = scores.views(question.text(), question.vectorView(), -1, -1, own, false);
			int top = top(views, router, routerIndex, question.text(), question.vectorView());
			double[] features = Acceptance.features(top, views.fused(), views.dense(), views.terms());
			if (top == own) {
				positives.add(features);
				pseudoPositives++;
			}
			else {
				inDomain.add(features);
				java.util.function.BiConsumer<String, double[]> sink = samples;
				if (sink != null) {
					sink.accept("pseudoWrong", features);
				}
			}
		}
		OutOfDomainCorpus.Corpus corpus = outOfDomainCorpus ? OutOfDomainCorpus.get() : null;
		if (corpus != null && corpus.dimensions() == nearest.dimensions()) {
			for (int i : FaqMatcher.sample(corpus.vectors().length, FaqMatcher.CALIBRATION_QUESTIONS / 3, random)) {
				String text = corpus.questions().get(i);
				float[] vector = corpus.vectors()[i];
				outOfDomain
					.add(features(scores.views(text, vector, -1, -1, -1, false), router, routerIndex, text, vector));
			}
		}
		java.util.function.BiConsumer<String, double[]> sink = samples;
		if (sink != null) {
			positives.forEach((f) -> sink.accept("positive", f));
			inDomain.forEach((f) -> sink.accept("inDomain", f));
			outOfDomain.forEach((f) -> sink.accept("outOfDomain", f));
		}
		checks.put("pseudoQuestions", (double) known.size());
		checks.put("pseudoQuestionsRankedFirst", (double) pseudoPositives);
		if (!fixedMargin && (positives.size() < FaqMatcher.MIN_POSITIVES || inDomain.isEmpty())) {
			return null;
		}
		if (fixedMargin && positives.size() >= FaqMatcher.MIN_POSITIVES) {
			// entries with several phrasings: the fused score's threshold is chosen on
			// answerable questions (ADR 0009), and a short question that fits two entries
			// must still reach it to be asked back (FaqRouting.ambiguous); the
			// margin-aware
			// score was measured for one phrasing per entry only
			return null;
		}
		Acceptance model = fixedMargin ? Acceptance.margin()
				: Acceptance.fit(positives, List.of(inDomain, outOfDomain));
		List<Double> p = probabilities(model, positives);
		List<Double> in = probabilities(model, inDomain);
		List<Double> out = probabilities(model, outOfDomain);
		double threshold = fixedMargin
				? Math.max(FaqMatcher.median(in), FaqMatcher.quantile(out, FaqMatcher.OUT_OF_DOMAIN_QUANTILE))
				: FaqMatcher.balanced(p, in, out);
		checks.put("positives", (double) positives.size());
		checks.put("inDomainNegatives", (double) inDomain.size());
		checks.put("outOfDomainNegatives", (double) outOfDomain.size());
		checks.put("threshold", threshold);
		checks.put("positiveRecall", FaqMatcher.share(p, threshold, true));
		checks.put("inDomainNegativeRecall", FaqMatcher.share(in, threshold, false));
		checks.put("outOfDomainNegativeRecall", FaqMatcher.share(out, threshold, false));
		return new AcceptanceCalibration(model, threshold);
	}

	private static double[] features(EntryScores.Views views, TrainedRouter router, int[] routerIndex, String text,
			float[] vector) {
		int top = top(views, router, routerIndex, text, vector);
		return Acceptance.features(top, views.fused(), views.dense(), views.terms());
	}

	private static int top(EntryScores.Views views, TrainedRouter router, int[] routerIndex, String text,
			float[] vector) {
		return Acceptance.argmax(FaqMatcher.ranking(views.fused(), router, routerIndex, text, vector));
	}

	private static List<Double> probabilities(Acceptance model, List<double[]> features) {
		List<Double> p = new ArrayList<>(features.size());
		features.forEach((f) -> p.add(model.probability(f)));
		return p;
	}

}
