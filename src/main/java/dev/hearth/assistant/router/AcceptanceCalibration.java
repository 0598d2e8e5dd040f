package dev.hearth.assistant.router;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fits {@link Acceptance} for an FAQ from questions whose right answer the FAQ itself
 * knows, and chooses its threshold on them:
 * <ul>
 * <li>to answer: the entries' answer sentences ({@link PseudoQuestion}), each asked with
 * its own entry's answer hidden (the entry is then known by its question alone, as for a
 * customer's paraphrase), and, where entries have several phrasings, each phrasing with
 * itself left out; those ranked first at their entry;</li>
 * <li>not to answer: the same questions when another entry ranks first; every phrasing
 * with its whole entry left out (in-domain questions no entry covers); the bundled
 * out-of-domain corpus when the phrasings were embedded by its model.</li>
 * </ul>
 * The threshold maximises the mean of the three groups' right decisions
 * ({@link FaqMatcher#balanced}). Stateless.
 */
record AcceptanceCalibration(Acceptance model, double threshold) {

	/**
	 * Fits the model, or returns {@code null} when fewer than
	 * {@link FaqMatcher#MIN_POSITIVES} questions to answer rank their entry first (the
	 * caller then falls back to a threshold on the fused score).
	 * @param checks receives what calibration saw
	 */
	static AcceptanceCalibration of(EntryScores scores, List<TrainingExample> examples,
			List<PseudoQuestion> pseudoQuestions, TrainedRouter router, int[] routerIndex, boolean outOfDomainCorpus,
			Map<String, Double> checks) {
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
		checks.put("pseudoQuestions", (double) known.size());
		checks.put("pseudoQuestionsRankedFirst", (double) pseudoPositives);
		if (positives.size() < FaqMatcher.MIN_POSITIVES || inDomain.isEmpty()) {
			return null;
		}
		Acceptance model = Acceptance.fit(positives, List.of(inDomain, outOfDomain));
		List<Double> p = probabilities(model, positives);
		List<Double> in = probabilities(model, inDomain);
		List<Double> out = probabilities(model, outOfDomain);
		double threshold = FaqMatcher.balanced(p, in, out);
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
