package dev.hearth.assistant.router;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hearth.assistant.router.SharedData.Labelled;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the trained router's training choices (features, label smoothing, class balance,
 * augmentation, epochs) fare on issue 11's protocols, on the splits of {@link Protocols}
 * and the embeddings {@link FaqProtocolsBenchmark} caches: held-out intents (thresholds
 * chosen on validation and the router's own), few real-user examples (own threshold), and
 * full data (every intent known, all test questions in scope: top-1 and in-scope accuracy
 * at the router's own threshold). Each variant also reports its validation figures, on
 * which variants are chosen (never on test), and its training time. Variants are given as
 * {@code -Dbench.variants=name:key=value,key=value;name2:...} with keys {@code epochs},
 * {@code lr}, {@code batch}, {@code decay}, {@code emb}, {@code lex}, {@code centroid},
 * {@code charMin}, {@code charMax}, {@code minDf}, {@code smooth}, {@code balance},
 * {@code copies}, {@code drop}, {@code mix}; {@code defaults:} alone is Hearth's
 * defaults. Run with
 * {@code mvn -o test -pl src -am -Dtest=RouterTrainingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (optionally {@code -Dbench.protocols=heldout,fewshot,full}); results go to
 * {@code target/bench/router-training.json}.
 */
@EnabledIfSystemProperty(named = "test", matches = ".*RouterTrainingBenchmark.*",
		disabledReason = "a benchmark: run it with -Dtest=RouterTrainingBenchmark")
class RouterTrainingBenchmark {

	@Test
	void variants() throws IOException {
		SharedData data = SharedData.locate().orElse(null);
		Assumptions.assumeTrue(data != null, "the shared data folder was not found: pass -Dhearth.data=...");
		String protocols = System.getProperty("bench.protocols", "heldout,fewshot,full");
		Map<String, Object> results = new LinkedHashMap<>();
		for (Map.Entry<String, RouterSettings> variant : variants(System.getProperty("bench.variants", "defaults:"))
			.entrySet()) {
			System.out.printf("%n===== %s: %s =====%n", variant.getKey(), variant.getValue());
			Map<String, Object> result = new LinkedHashMap<>();
			RouterSettings settings = variant.getValue();
			if (protocols.contains("heldout") || protocols.contains("full")) {
				for (Protocols.HeldOut set : Protocols.heldOutSets(data)) {
					if (protocols.contains("heldout")) {
						result.put(set.name() + "-heldout", heldOut(set, settings));
					}
					if (protocols.contains("full")) {
						result.put(set.name() + "-full", full(set, settings));
					}
				}
			}
			if (protocols.contains("fewshot")) {
				for (Protocols.FewShot set : Protocols.fewShot(data)) {
					result.put("hwu64-k" + set.k(), fewShot(set, settings));
				}
			}
			results.put(variant.getKey(), result);
		}
		Files.createDirectories(Path.of("target/bench"));
		Files.writeString(Path.of("target/bench/router-training.json"),
				JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(results));
	}

	/**
	 * An ensemble probe ({@code -Dbench.ensemble=a;b;...}, variants as above): the mean
	 * of the members' calibrated probabilities, on the held-out-intent protocol at the
	 * threshold of best validation accuracy, beside each member alone.
	 */
	@Test
	void ensemble() throws IOException {
		String spec = System.getProperty("bench.ensemble", "");
		Assumptions.assumeTrue(!spec.isBlank(), "no -Dbench.ensemble");
		SharedData data = SharedData.locate().orElseThrow();
		Map<String, RouterSettings> members = variants(spec);
		for (Protocols.HeldOut set : Protocols.heldOutSets(data)) {
			Map<String, float[]> vectors = TestEmbeddings.cached(set.texts(),
					Path.of("target/bench/faq-" + set.name() + "-heldout.bin"));
			List<TrainedRouter> routers = new ArrayList<>();
			for (Map.Entry<String, RouterSettings> member : members.entrySet()) {
				TrainedRouter router = new RouterTrainer(member.getValue()).train(examples(set.knownTrain(), vectors));
				routers.add(router);
				report(set.name() + " " + member.getKey(), List.of(router), set, vectors);
			}
			report(set.name() + " mean", routers, set, vectors);
		}
	}

	private static void report(String what, List<TrainedRouter> routers, Protocols.HeldOut set,
			Map<String, float[]> vectors) {
		java.util.function.BiFunction<String, float[], RouterPrediction> predict = (text, vector) -> {
			double[] mean = null;
			for (TrainedRouter router : routers) {
				double[] p = router.probabilities(text, vector);
				if (mean == null) {
					mean = new double[p.length];
				}
				for (int i = 0; i < p.length; i++) {
					mean[i] += p[i] / routers.size();
				}
			}
			List<String> labels = routers.get(0).labels();
			List<ScoredLabel> ranked = new ArrayList<>();
			for (int i = 0; i < labels.size(); i++) {
				ranked.add(new ScoredLabel(labels.get(i), Math.min(1, mean[i])));
			}
			ranked.sort((a, b) -> Double.compare(b.probability(), a.probability()));
			ranked = ranked.subList(0, Math.min(5, ranked.size()));
			return new RouterPrediction(ranked, ranked.get(0).probability());
		};
		List<Evaluation.Outcome> val = new ArrayList<>();
		for (Labelled row : set.valQuestions()) {
			val.add(new Evaluation.Outcome(set.expected(row), predict.apply(row.text(), vectors.get(row.text()))));
		}
		List<Evaluation.Outcome> test = new ArrayList<>();
		for (Labelled row : set.testQuestions()) {
			test.add(new Evaluation.Outcome(set.expected(row), predict.apply(row.text(), vectors.get(row.text()))));
		}
		double best = Evaluation.chooseThreshold(val);
		double own = routers.stream().mapToDouble(TrainedRouter::suggestedThreshold).average().orElse(0.5);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("valAtBest", row(Evaluation.metrics(val, best), best));
		result.put("testAtValBest", row(Evaluation.metrics(test, best), best));
		result.put("testAtMeanOwn", row(Evaluation.metrics(test, own), own));
		print(what, result);
	}

	static Map<String, RouterSettings> variants(String spec) {
		Map<String, RouterSettings> variants = new LinkedHashMap<>();
		for (String one : spec.split(";")) {
			if (one.isBlank()) {
				continue;
			}
			String[] parts = one.split(":", 2);
			RouterSettings s = RouterSettings.defaults();
			Map<String, String> kv = new LinkedHashMap<>();
			if (parts.length > 1) {
				for (String pair : parts[1].split(",")) {
					if (!pair.isBlank()) {
						String[] p = pair.split("=");
						kv.put(p[0].trim(), p[1].trim());
					}
				}
			}
			double v;
			s = s.withEpochs(Integer.parseInt(kv.getOrDefault("epochs", "" + s.epochs())));
			s = s.withOptimizer(Double.parseDouble(kv.getOrDefault("lr", "" + s.learningRate())),
					Integer.parseInt(kv.getOrDefault("batch", "" + s.batchSize())),
					Double.parseDouble(kv.getOrDefault("decay", "" + s.weightDecay())));
			s = s.withFeatureWeights(Double.parseDouble(kv.getOrDefault("emb", "" + s.embeddingWeight())),
					Double.parseDouble(kv.getOrDefault("lex", "" + s.lexicalWeight())));
			s = s.withCentroidScale(Double.parseDouble(kv.getOrDefault("centroid", "" + s.centroidScale())));
			s = s.withLexicalVocabulary(Integer.parseInt(kv.getOrDefault("charMin", "" + s.charNgramMin())),
					Integer.parseInt(kv.getOrDefault("charMax", "" + s.charNgramMax())),
					Integer.parseInt(kv.getOrDefault("minDf", "" + s.minDocumentFrequency())), s.maxLexicalFeatures());
			s = s.withTraining(Double.parseDouble(kv.getOrDefault("smooth", "" + s.labelSmoothing())),
					Boolean.parseBoolean(kv.getOrDefault("balance", "" + s.balanceClasses())),
					Integer.parseInt(kv.getOrDefault("copies", "" + s.augmentCopies())),
					Double.parseDouble(kv.getOrDefault("drop", "" + s.augmentWordDrop())),
					Double.parseDouble(kv.getOrDefault("mix", "" + s.augmentMix())));
			variants.put(parts[0], s);
		}
		return variants;
	}

	private Map<String, Object> heldOut(Protocols.HeldOut set, RouterSettings settings) throws IOException {
		Map<String, float[]> vectors = TestEmbeddings.cached(set.texts(),
				Path.of("target/bench/faq-" + set.name() + "-heldout.bin"));
		long started = System.nanoTime();
		TrainedRouter router = new RouterTrainer(settings).train(examples(set.knownTrain(), vectors));
		double seconds = (System.nanoTime() - started) / 1e9;
		List<Evaluation.Outcome> val = outcomes(router, set.valQuestions(), set::expected, vectors);
		List<Evaluation.Outcome> test = outcomes(router, set.testQuestions(), set::expected, vectors);
		double best = Evaluation.chooseThreshold(val);
		double at90 = FaqProtocolsBenchmark.thresholdForInScopeAccuracy(val, 0.90);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("valAtBest", row(Evaluation.metrics(val, best), best));
		result.put("testAtValBest", row(Evaluation.metrics(test, best), best));
		result.put("testAtVal90", row(Evaluation.metrics(test, at90), at90));
		result.put("valAtOwn", row(Evaluation.metrics(val, router.suggestedThreshold()), router.suggestedThreshold()));
		result.put("testAtOwn",
				row(Evaluation.metrics(test, router.suggestedThreshold()), router.suggestedThreshold()));
		result.put("trainingSeconds", round(seconds));
		print(set.name() + " heldout", result);
		return result;
	}

	private Map<String, Object> full(Protocols.HeldOut set, RouterSettings settings) throws IOException {
		List<String> texts = new ArrayList<>();
		set.train().forEach((r) -> texts.add(r.text()));
		set.val().forEach((r) -> texts.add(r.text()));
		set.test().forEach((r) -> texts.add(r.text()));
		// the held-out protocol's cache has all but the unknown intents' training rows
		Map<String, float[]> vectors = new java.util.HashMap<>(
				TestEmbeddings.cached(set.texts(), Path.of("target/bench/faq-" + set.name() + "-heldout.bin")));
		vectors.putAll(TestEmbeddings.cached(texts.stream().filter((t) -> !vectors.containsKey(t)).toList(),
				Path.of("target/bench/faq-" + set.name() + "-full.bin")));
		long started = System.nanoTime();
		TrainedRouter router = new RouterTrainer(settings).train(examples(set.train(), vectors));
		double seconds = (System.nanoTime() - started) / 1e9;
		List<Evaluation.Outcome> val = outcomes(router, set.val(), Labelled::label, vectors);
		List<Evaluation.Outcome> test = outcomes(router, set.test(), Labelled::label, vectors);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("examples", set.train().size());
		result.put("valAtOwn", row(Evaluation.metrics(val, router.suggestedThreshold()), router.suggestedThreshold()));
		result.put("testAtOwn",
				row(Evaluation.metrics(test, router.suggestedThreshold()), router.suggestedThreshold()));
		result.put("trainingSeconds", round(seconds));
		print(set.name() + " full", result);
		return result;
	}

	private Map<String, Object> fewShot(Protocols.FewShot set, RouterSettings settings) throws IOException {
		Map<String, float[]> vectors = TestEmbeddings.cached(set.texts(),
				Path.of("target/bench/faq-hwu64-fewshot.bin"));
		long started = System.nanoTime();
		TrainedRouter router = new RouterTrainer(settings).train(examples(set.chosen(), vectors));
		double seconds = (System.nanoTime() - started) / 1e9;
		List<Evaluation.Outcome> test = outcomes(router, set.test(), set::expected, vectors);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("testAtOwn",
				row(Evaluation.metrics(test, router.suggestedThreshold()), router.suggestedThreshold()));
		result.put("trainingSeconds", round(seconds));
		print("hwu64 k=" + set.k(), result);
		return result;
	}

	private static List<TrainingExample> examples(List<Labelled> rows, Map<String, float[]> vectors) {
		return rows.stream().map((r) -> new TrainingExample(r.label(), r.text(), vectors.get(r.text()))).toList();
	}

	private static List<Evaluation.Outcome> outcomes(TrainedRouter router, List<Labelled> rows,
			java.util.function.Function<Labelled, String> expected, Map<String, float[]> vectors) {
		List<Evaluation.Outcome> outcomes = new ArrayList<>(rows.size());
		for (Labelled row : rows) {
			outcomes
				.add(new Evaluation.Outcome(expected.apply(row), router.predict(row.text(), vectors.get(row.text()))));
		}
		return outcomes;
	}

	private static Map<String, Object> row(Map<String, Double> metrics, double threshold) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("inScopeAccuracy", round(metrics.get("inScopeAccuracy")));
		row.put("top1", round(metrics.get("inScopeTop1")));
		row.put("outOfScopeRecall", round(metrics.get("outOfScopeRecall")));
		row.put("mcc", round(metrics.get("mcc")));
		row.put("threshold", round(threshold));
		return row;
	}

	private static void print(String what, Map<String, Object> result) {
		System.out.printf("%-16s", what);
		result.forEach((key, value) -> {
			if (value instanceof Map<?, ?> m) {
				System.out.printf(" | %s %s/%s/%s/%s t%s", key, m.get("inScopeAccuracy"), m.get("top1"),
						m.get("outOfScopeRecall"), m.get("mcc"), m.get("threshold"));
			}
			else {
				System.out.printf(" | %s %s", key, value);
			}
		});
		System.out.println();
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

}
