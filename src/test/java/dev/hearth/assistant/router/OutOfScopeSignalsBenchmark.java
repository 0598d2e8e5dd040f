package dev.hearth.assistant.router;

import java.io.IOException;
import java.nio.file.Path;
import java.util.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.hearth.assistant.router.SharedData.Labelled;

/**
 * The measurements behind ADR 0010: which out-of-scope score separates unknown intents
 * best on the held-out-intent protocols of {@link FaqProtocolsBenchmark} (same splits,
 * same cached embeddings), and which weight of in-scope accuracy chooses the threshold
 * best on a twin router's left-out entries. For each data set it trains the router on the
 * known intents and a twin on 75% of them (90% of their phrasings); every score is
 * computed for the twin's questions (held-out phrasings in scope, the left-out entries'
 * phrasings unknown) and the protocol's validation and test questions. Printed per score:
 * test in-scope accuracy / unknown recall / MCC at the validation's best-accuracy
 * threshold ({@code valBest}) and at thresholds chosen on the twin's questions with
 * in-scope weight 1/2, 2/3, 3/4, 0.85 ({@code self.*}); combiners are logistic
 * regressions over subsets of the scores, fitted on the twin's questions (or, as an upper
 * bound, on validation). Run with
 * {@code mvn -o test -pl src -am -Dtest=OutOfScopeSignalsBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (optionally {@code -Dx.sets=fewshot,hwu64,massive,bitext}).
 */
@EnabledIfSystemProperty(named = "test", matches = ".*OutOfScopeSignalsBenchmark.*",
		disabledReason = "a benchmark: run it with -Dtest=OutOfScopeSignalsBenchmark")
class OutOfScopeSignalsBenchmark {

	static final String[] NAMES = { "logp1", "margin", "maxlogit", "energy", "pbg", "cent", "knn1", "knn5", "knnTop" };

	record Q(String text, String expected) {
	}

	@Test
	void run() throws IOException {
		SharedData data = SharedData.locate().orElseThrow();
		String sets = System.getProperty("x.sets", "fewshot,hwu64,massive,bitext");
		if (sets.contains("fewshot")) {
			for (Protocols.FewShot set : Protocols.fewShot(data)) {
				Map<String, float[]> vectors = TestEmbeddings.cached(set.texts(),
						Path.of("target/bench/faq-hwu64-fewshot.bin"));
				List<TrainingExample> examples = set.chosen()
					.stream()
					.map((r) -> new TrainingExample(r.label(), r.text(), vectors.get(r.text())))
					.toList();
				List<Q> questions = set.test().stream().map((r) -> new Q(r.text(), set.expected(r))).toList();
				evaluate("fewshot k=" + set.k(), examples, null, questions, vectors);
			}
		}
		for (Protocols.HeldOut set : Protocols.heldOutSets(data)) {
			if (sets.contains(set.name())) {
				heldOut(set);
			}
		}
	}

	void heldOut(Protocols.HeldOut set) throws IOException {
		Map<String, float[]> vectors = TestEmbeddings.cached(set.texts(),
				Path.of("target/bench/faq-" + set.name() + "-heldout.bin"));
		List<TrainingExample> examples = set.knownTrain()
			.stream()
			.map((r) -> new TrainingExample(r.label(), r.text(), vectors.get(r.text())))
			.toList();
		List<Q> valQ = set.valQuestions().stream().map((r) -> new Q(r.text(), set.expected(r))).toList();
		List<Q> testQ = set.testQuestions().stream().map((r) -> new Q(r.text(), set.expected(r))).toList();
		evaluate(set.name(), examples, valQ, testQ, vectors);
	}

	static RouterSettings settings() {
		RouterSettings s = RouterSettings.defaults();
		String epochs = System.getProperty("x.epochs");
		if (epochs != null) {
			s = s.withEpochs(Integer.parseInt(epochs));
		}
		String lex = System.getProperty("x.lex");
		if (lex != null) {
			s = s.withFeatureWeights(1.0, Double.parseDouble(lex));
		}
		String wd = System.getProperty("x.wd");
		if (wd != null) {
			s = s.withOptimizer(s.learningRate(), s.batchSize(), Double.parseDouble(wd));
		}
		return s;
	}

	void evaluate(String name, List<TrainingExample> examples, List<Q> val, List<Q> test,
			Map<String, float[]> vectors) {
		long t0 = System.nanoTime();
		TrainedRouter router = new RouterTrainer(settings()).train(examples);
		long t1 = System.nanoTime();
		// twin: leave out 25% of entries and 10% of the rest's phrasings
		List<String> labels = new ArrayList<>(new TreeSet<>(examples.stream().map(TrainingExample::label).toList()));
		Collections.shuffle(labels, new Random(7));
		Set<String> left = new HashSet<>(labels.subList(0, Math.max(1, (int) Math.round(labels.size() * 0.25))));
		List<TrainingExample> twinTrain = new ArrayList<>();
		List<Q> pseudo = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		Map<String, Integer> total = new HashMap<>();
		examples.forEach((e) -> total.merge(e.label(), 1, Integer::sum));
		Map<String, float[]> pv = new HashMap<>();
		List<TrainingExample> shuffledEx = new ArrayList<>(examples);
		Collections.shuffle(shuffledEx, new Random(3));
		for (TrainingExample e : shuffledEx) {
			pv.put(e.text(), e.vectorView());
			if (left.contains(e.label())) {
				pseudo.add(new Q(e.text(), null));
				continue;
			}
			int n = total.get(e.label());
			int hold = (n < 3) ? 0 : Math.min(n - 2, Math.max(1, (int) Math.round(n * 0.1)));
			int i = seen.merge(e.label(), 1, Integer::sum);
			if (i <= hold) {
				pseudo.add(new Q(e.text(), e.label()));
			}
			else {
				twinTrain.add(e);
			}
		}
		TrainedRouter twin = new RouterTrainer(settings()).train(twinTrain);
		long t2 = System.nanoTime();
		System.out.printf("%n== %s: %d examples, %d labels; router %.1fs twin %.1fs; pseudo %d (oos %d)%n", name,
				examples.size(), labels.size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, pseudo.size(),
				pseudo.stream().filter((q) -> q.expected() == null).count());
		NearestPhrasings nn = NearestPhrasings.of(examples);
		NearestPhrasings twinNn = NearestPhrasings.of(twinTrain);
		Rows p = rows(twin, twinNn, pseudo, pv);
		Rows v = (val != null) ? rows(router, nn, val, vectors) : null;
		Rows t = rows(router, nn, test, vectors);
		long inScope = t.expected().stream().filter(java.util.Objects::nonNull).count();
		long top1 = 0;
		for (int j = 0; j < t.expected().size(); j++) {
			top1 += (t.expected().get(j) != null && t.expected().get(j).equals(t.ranked().get(j).get(0))) ? 1 : 0;
		}
		System.out.printf("%-10s test top-1 %.3f (%s)%n", name, top1 / (double) Math.max(1, inScope), settings());
		// single features, val-chosen (if val) and base confidence
		for (int f = 0; f < NAMES.length; f++) {
			double[] w = new double[NAMES.length + 1];
			w[f] = 1;
			report(name, "single " + NAMES[f], w, p, v, t, true);
		}
		String[] subsets = { "0,1", "0,1,2,3,4", "0,1,2,3,4,5", "0,1,2,3,4,5,6,7,8", "0,6,7,8", "0,1,4,5,6,8" };
		for (String subset : subsets) {
			boolean[] use = new boolean[NAMES.length];
			for (String s : subset.split(",")) {
				use[Integer.parseInt(s)] = true;
			}
			double[] w = fit(p, use);
			report(name, "pseudo-fit [" + subset + "]", w, p, v, t, true);
			if (v != null) {
				double[] wv = fit(v, use);
				report(name, "VAL-fit (upper bound) [" + subset + "]", wv, p, v, t, true);
			}
		}
	}

	record Rows(List<double[]> x, List<String> expected, List<List<String>> ranked) {
	}

	Rows rows(TrainedRouter router, NearestPhrasings nn, List<Q> qs, Map<String, float[]> vectors) {
		List<double[]> x = new ArrayList<>();
		List<String> exp = new ArrayList<>();
		List<List<String>> ranked = new ArrayList<>();
		int L = router.labels().size();
		for (Q q : qs) {
			float[] vec = vectors.get(q.text());
			float[] z = router.model().logits(router.featurizer().features(q.text(), vec));
			double T = router.temperature();
			double[] p = VectorMath.softmax(z, T);
			int top = 0;
			for (int c = 1; c < L; c++) {
				if (p[c] > p[top]) {
					top = c;
				}
			}
			double p2 = 0;
			for (int c = 0; c < L; c++) {
				if (c != top) {
					p2 = Math.max(p2, p[c]);
				}
			}
			double maxz = -1e9;
			for (int c = 0; c < L; c++) {
				maxz = Math.max(maxz, z[c] / T);
			}
			double lse = 0;
			for (int c = 0; c < L; c++) {
				lse += Math.exp(z[c] / T - maxz);
			}
			double energy = maxz + Math.log(lse);
			double pbg = router.hasBackground() ? p[L] : 0;
			double cent = router.model().hasCentroids() ? router.model().centroidSimilarities(vec)[top] : 0;
			double[] sims = nn.similarities(vec);
			double[] sorted = sims.clone();
			Arrays.sort(sorted);
			double knn1 = sorted[sorted.length - 1];
			double knn5 = 0;
			int kk = Math.min(5, sorted.length);
			for (int i = 0; i < kk; i++) {
				knn5 += sorted[sorted.length - 1 - i] / kk;
			}
			String topLabel = router.labels().get(top);
			double knnTop = sims[nn.labels().indexOf(topLabel)];
			x.add(new double[] { Math.log(Math.max(p[top], 1e-9)), p[top] - p2, maxz, energy,
					Math.log(Math.max(pbg, 1e-9)), cent, knn1, knn5, knnTop });
			exp.add(q.expected());
			RouterPrediction rp = router.predict(q.text(), vec);
			ranked.add(rp.ranked().stream().map(ScoredLabel::label).toList());
		}
		return new Rows(x, exp, ranked);
	}

	static double score(double[] w, double[] x) {
		double s = w[w.length - 1];
		for (int i = 0; i < x.length; i++) {
			s += w[i] * x[i];
		}
		return s;
	}

	/** Weighted logistic regression, target top-right, classes balanced; L2 small. */
	static double[] fit(Rows r, boolean[] use) {
		int d = NAMES.length;
		int n = r.x().size();
		double[] mean = new double[d];
		double[] sd = new double[d];
		for (double[] x : r.x()) {
			for (int i = 0; i < d; i++) {
				mean[i] += x[i] / n;
			}
		}
		for (double[] x : r.x()) {
			for (int i = 0; i < d; i++) {
				sd[i] += (x[i] - mean[i]) * (x[i] - mean[i]) / n;
			}
		}
		for (int i = 0; i < d; i++) {
			sd[i] = Math.sqrt(sd[i]) + 1e-9;
		}
		int pos = 0;
		boolean[] y = new boolean[n];
		for (int j = 0; j < n; j++) {
			y[j] = r.expected().get(j) != null && r.expected().get(j).equals(r.ranked().get(j).get(0));
			pos += y[j] ? 1 : 0;
		}
		double wp = 0.5 / Math.max(1, pos);
		double wn = 0.5 / Math.max(1, n - pos);
		double[] w = new double[d + 1];
		for (int it = 0; it < 2000; it++) {
			double[] g = new double[d + 1];
			for (int j = 0; j < n; j++) {
				double s = w[d];
				double[] x = r.x().get(j);
				for (int i = 0; i < d; i++) {
					if (use[i]) {
						s += w[i] * (x[i] - mean[i]) / sd[i];
					}
				}
				double pr = 1 / (1 + Math.exp(-s));
				double e = (pr - (y[j] ? 1 : 0)) * (y[j] ? wp : wn);
				for (int i = 0; i < d; i++) {
					if (use[i]) {
						g[i] += e * (x[i] - mean[i]) / sd[i];
					}
				}
				g[d] += e;
			}
			for (int i = 0; i <= d; i++) {
				w[i] -= 1.0 * (g[i] + ((i < d) ? 1e-3 * w[i] : 0));
			}
		}
		double[] out = new double[d + 1];
		out[d] = w[d];
		for (int i = 0; i < d; i++) {
			if (use[i]) {
				out[i] = w[i] / sd[i];
				out[d] -= w[i] * mean[i] / sd[i];
			}
		}
		return out;
	}

	List<Evaluation.Outcome> outcomes(double[] w, Rows r) {
		List<Evaluation.Outcome> out = new ArrayList<>();
		for (int j = 0; j < r.x().size(); j++) {
			double conf = 1 / (1 + Math.exp(-score(w, r.x().get(j))));
			List<ScoredLabel> ranked = r.ranked().get(j).stream().map((l) -> new ScoredLabel(l, 0.5)).toList();
			out.add(new Evaluation.Outcome(r.expected().get(j), new RouterPrediction(ranked, conf)));
		}
		return out;
	}

	/** balanced: mean of in-scope answered right and oos escalated. */
	static double balancedThreshold(List<Evaluation.Outcome> outs) {
		return weightedThreshold(outs, 0.5);
	}

	static double weightedThreshold(List<Evaluation.Outcome> outs, double wIn) {
		List<Double> c = outs.stream().map((o) -> o.prediction().confidence()).sorted().distinct().toList();
		double best = 0.5;
		double bestScore = -1;
		for (int i = 0; i < c.size(); i += Math.max(1, c.size() / 500)) {
			Map<String, Double> m = Evaluation.metrics(outs, c.get(i));
			double s = wIn * m.get("inScopeAccuracy") + (1 - wIn) * m.get("outOfScopeRecall");
			if (s > bestScore) {
				bestScore = s;
				best = c.get(i);
			}
		}
		return best;
	}

	void report(String name, String what, double[] w, Rows p, Rows v, Rows t, boolean self) {
		List<Evaluation.Outcome> to = outcomes(w, t);
		StringBuilder sb = new StringBuilder(String.format("%-10s %-34s", name, what));
		if (v != null) {
			List<Evaluation.Outcome> vo = outcomes(w, v);
			double best = Evaluation.chooseThreshold(vo);
			double at90 = FaqProtocolsBenchmark.thresholdForInScopeAccuracy(vo, 0.90);
			sb.append(fmt("valBest", Evaluation.metrics(to, best)));
			sb.append(fmt("val90", Evaluation.metrics(to, at90)));
		}
		if (self) {
			List<Evaluation.Outcome> po = outcomes(w, p);
			double sb1 = balancedThreshold(po);
			sb.append(fmt("self.5", Evaluation.metrics(to, sb1)));
			sb.append(fmt("self.67", Evaluation.metrics(to, weightedThreshold(po, 0.67))));
			sb.append(fmt("self.75", Evaluation.metrics(to, weightedThreshold(po, 0.75))));
			sb.append(fmt("self.85", Evaluation.metrics(to, weightedThreshold(po, 0.85))));
		}
		System.out.println(sb);
	}

	static String fmt(String k, Map<String, Double> m) {
		return String.format(" | %s %.3f/%.3f/%.3f", k, m.get("inScopeAccuracy"), m.get("outOfScopeRecall"),
				m.get("mcc"));
	}

}
