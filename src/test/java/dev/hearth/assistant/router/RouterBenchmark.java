package dev.hearth.assistant.router;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * FAQ router quality and speed on the Bitext customer-support split of
 * {@code docs/eval/}: trains on {@code bitext-train.jsonl}, chooses the threshold on
 * {@code bitext-val.jsonl} (best accuracy, ties to the higher out-of-scope recall) and
 * reports on {@code bitext-test.jsonl}, for the chosen model and the variants it was
 * chosen against; then times training at 15,000 examples over 150 labels. Not a unit
 * test: run with
 * {@code mvn -q -o test -Dtest=RouterBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Embeddings are cached in {@code target/bench/router-embeddings.bin}; results go to
 * {@code target/bench/router.json}.
 */
@EnabledIfSystemProperty(named = "test", matches = ".*RouterBenchmark.*",
		disabledReason = "a benchmark: run it with -Dtest=RouterBenchmark")
class RouterBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Intents left out of training for the unseen-intent evaluation (small to large). */
	private static final Set<String> UNSEEN = Set.of("delivery_period", "switch_account", "check_cancellation_fee",
			"review", "newsletter_subscription");

	private static final Path CACHE = Path.of("target/bench/router-embeddings.bin");

	record Question(String text, String expected) {
	}

	@Test
	void benchmark() throws Exception {
		List<TrainingExample> training = trainingExamples(Path.of("docs/eval/bitext-train.jsonl"));
		List<Question> val = questions(Path.of("docs/eval/bitext-val.jsonl"));
		List<Question> test = questions(Path.of("docs/eval/bitext-test.jsonl"));
		List<String> texts = new ArrayList<>();
		val.forEach((q) -> texts.add(q.text()));
		test.forEach((q) -> texts.add(q.text()));
		Map<String, float[]> vectors = TestEmbeddings.cached(texts, CACHE);

		Map<String, RouterSettings> variants = new LinkedHashMap<>();
		RouterSettings defaults = RouterSettings.defaults();
		variants.put("combined (default)", defaults);
		variants.put("combined, lexical weight 1", defaults.withFeatureWeights(1, 1));
		variants.put("combined, no centroid term", defaults.withCentroidScale(0));
		variants.put("combined, no OOD corpus", defaults.withBackground(false, 0.85, 1));
		variants.put("embedding + centroid only", defaults.withFeatureWeights(1, 0));
		variants.put("lexical only", defaults.withFeatureWeights(0, 1));

		Map<String, Object> results = new LinkedHashMap<>();
		System.out.printf("%n=== FAQ router on Bitext (%d train examples, %d val, %d test questions) ===%n",
				training.size(), val.size(), test.size());
		System.out.println("Bitext test at the threshold chosen on val; KB: the Northwind sample FAQ at the"
				+ " router's suggested threshold (KB-top: in-scope top-1)");
		System.out.printf("%-26s %6s %6s %6s %6s %6s %6s %6s %6s %7s %7s%n", "variant", "acc", "in-acc", "oos-r", "mcc",
				"mrr", "ece", "thresh", "sugg", "train-s", "MB");
		for (Map.Entry<String, RouterSettings> variant : variants.entrySet()) {
			long started = System.nanoTime();
			TrainedRouter router = new RouterTrainer(variant.getValue()).train(training);
			double seconds = (System.nanoTime() - started) / 1e9;
			double threshold = Evaluation.chooseThreshold(outcomes(router, val, vectors));
			List<Evaluation.Outcome> testOutcomes = outcomes(router, test, vectors);
			Map<String, Double> metrics = Evaluation.metrics(testOutcomes, threshold);
			Map<String, Double> atSuggested = Evaluation.metrics(testOutcomes, router.suggestedThreshold());
			int bytes = router.serialize().length;
			Map<String, Object> sample = sampleKnowledgeBase(variant.getValue(), false);
			@SuppressWarnings("unchecked")
			Map<String, Double> sampleTest = (Map<String, Double>) sample.get("test");
			System.out.printf("%-27s %6.3f %6.3f %6.3f %6.3f %6.3f %6.3f %6.3f %6.3f %7.1f %6.1f | %6.3f %6.3f%n",
					variant.getKey(), metrics.get("accuracy"), metrics.get("inScopeAccuracy"),
					metrics.get("outOfScopeRecall"), metrics.get("mcc"), metrics.get("mrr"), metrics.get("ece"),
					threshold, router.suggestedThreshold(), seconds, bytes / 1e6, sampleTest.get("accuracy"),
					sampleTest.get("inScopeTop1"));
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("test", metrics);
			result.put("threshold", threshold);
			result.put("testAtSuggestedThreshold", atSuggested);
			result.put("suggestedThreshold", router.suggestedThreshold());
			result.put("trainingSeconds", seconds);
			result.put("serializedBytes", bytes);
			result.put("checks", router.checks());
			result.put("sampleKnowledgeBase", sample);
			results.put(variant.getKey(), result);
		}
		results.put("defaultAtSuggestedThreshold",
				((Map<?, ?>) results.get("combined (default)")).get("testAtSuggestedThreshold"));
		System.out.println("default at its suggested threshold: " + results.get("defaultAtSuggestedThreshold"));

		results.put("unseenIntents", unseenIntents(training, val, test, vectors));
		results.put("sampleKnowledgeBase", sampleKnowledgeBase());
		TrainedRouter router = new RouterTrainer(defaults).train(training);
		results.put("predictMicros", predictMicros(router, test, vectors));
		results.put("scale", scale(training));
		Files.createDirectories(Path.of("target/bench"));
		Files.writeString(Path.of("target/bench/router.json"),
				JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
	}

	/**
	 * Hard, in-style out-of-scope questions: five intents are left out of training and
	 * their val and test questions become out-of-scope ones, next to the written OOS
	 * questions.
	 */
	private static Map<String, Object> unseenIntents(List<TrainingExample> training, List<Question> val,
			List<Question> test, Map<String, float[]> vectors) {
		List<TrainingExample> partial = training.stream().filter((e) -> !UNSEEN.contains(e.label())).toList();
		TrainedRouter router = new RouterTrainer(RouterSettings.defaults()).train(partial);
		double threshold = Evaluation.chooseThreshold(outcomes(router, withoutUnseen(val), vectors));
		List<Question> unseenTest = withoutUnseen(test);
		Map<String, Double> all = Evaluation.metrics(outcomes(router, unseenTest, vectors), threshold);
		List<Question> onlyUnseen = test.stream()
			.filter((q) -> q.expected() != null && UNSEEN.contains(q.expected()))
			.toList();
		double unseenRecall = Evaluation.metrics(outcomes(router, withoutUnseen(onlyUnseen), vectors), threshold)
			.get("outOfScopeRecall");
		System.out.printf(
				"unseen intents %s: test accuracy %.3f, in-scope accuracy %.3f, OOS recall %.3f"
						+ " (of which the %d unseen-intent questions: %.3f), threshold %.4f%n",
				UNSEEN, all.get("accuracy"), all.get("inScopeAccuracy"), all.get("outOfScopeRecall"), onlyUnseen.size(),
				unseenRecall, threshold);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("withheldIntents", List.copyOf(UNSEEN));
		result.put("threshold", threshold);
		result.put("test", all);
		result.put("unseenIntentRecall", unseenRecall);
		return result;
	}

	private static List<Question> withoutUnseen(List<Question> questions) {
		return questions.stream()
			.map((q) -> (q.expected() != null && UNSEEN.contains(q.expected())) ? new Question(q.text(), null) : q)
			.toList();
	}

	/**
	 * A small FAQ like a real deployment's: the Northwind Fibre sample knowledge base (45
	 * entries, a handful of phrasings each) against its evaluation questions; questions
	 * that documents answer, or nobody should, are out of scope for the router. No val
	 * set: the router's own suggested threshold is used.
	 */
	static Map<String, Object> sampleKnowledgeBase() throws IOException {
		return sampleKnowledgeBase(RouterSettings.defaults(), true);
	}

	static Map<String, Object> sampleKnowledgeBase(RouterSettings settings, boolean print) throws IOException {
		List<String[]> pairs = new ArrayList<>();
		for (String line : Files.readAllLines(Path.of("src/main/resources/sample-kb/faq.jsonl"))) {
			if (!line.isBlank()) {
				JsonNode entry = JSON.readTree(line);
				pairs.add(new String[] { entry.get("id").asString(), entry.get("question").asString() });
				for (JsonNode example : entry.get("examples")) {
					pairs.add(new String[] { entry.get("id").asString(), example.asString() });
				}
			}
		}
		List<Question> questions = new ArrayList<>();
		for (String line : Files.readAllLines(Path.of("docs/eval/sample-kb-questions.jsonl"))) {
			if (!line.isBlank()) {
				JsonNode node = JSON.readTree(line);
				String expected = node.path("expected").asString("escalate");
				questions
					.add(new Question(node.get("question").asString(), "escalate".equals(expected) ? null : expected));
			}
		}
		List<String> texts = new ArrayList<>(pairs.stream().map((p) -> p[1]).toList());
		questions.forEach((q) -> texts.add(q.text()));
		Map<String, float[]> vectors = TestEmbeddings.cached(texts, CACHE);
		List<TrainingExample> examples = pairs.stream()
			.map((p) -> new TrainingExample(p[0], p[1], vectors.get(p[1])))
			.toList();
		long started = System.nanoTime();
		TrainedRouter router = new RouterTrainer(settings).train(examples);
		double seconds = (System.nanoTime() - started) / 1e9;
		List<Evaluation.Outcome> outcomes = outcomes(router, questions, vectors);
		Map<String, Double> metrics = Evaluation.metrics(outcomes, router.suggestedThreshold());
		double best = Evaluation.chooseThreshold(outcomes);
		Map<String, Double> atBest = Evaluation.metrics(outcomes, best);
		if (print) {
			System.out.printf(
					"sample KB with the threshold chosen on its own questions (%.3f, optimistic):"
							+ " accuracy %.3f, in-scope accuracy %.3f, OOS recall %.3f%n",
					best, atBest.get("accuracy"), atBest.get("inScopeAccuracy"), atBest.get("outOfScopeRecall"));
			System.out.printf(
					"sample KB (%d entries, %d phrasings, %d questions): accuracy %.3f, in-scope accuracy %.3f"
							+ " (top-1 %.3f), OOS recall %.3f at the suggested threshold %.3f, trained in %.1f s%n",
					router.labels().size(), examples.size(), questions.size(), metrics.get("accuracy"),
					metrics.get("inScopeAccuracy"), metrics.get("inScopeTop1"), metrics.get("outOfScopeRecall"),
					router.suggestedThreshold(), seconds);
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("entries", router.labels().size());
		result.put("phrasings", examples.size());
		result.put("questions", questions.size());
		result.put("suggestedThreshold", router.suggestedThreshold());
		result.put("test", metrics);
		result.put("bestThresholdInHindsight", best);
		result.put("testAtBestThresholdInHindsight", atBest);
		result.put("checks", router.checks());
		result.put("trainingSeconds", seconds);
		return result;
	}

	private static double predictMicros(TrainedRouter router, List<Question> questions, Map<String, float[]> vectors) {
		for (int round = 0; round < 3; round++) {
			for (Question q : questions) {
				router.predict(q.text(), vectors.get(q.text()));
			}
		}
		long started = System.nanoTime();
		int count = 0;
		for (int round = 0; round < 3; round++) {
			for (Question q : questions) {
				router.predict(q.text(), vectors.get(q.text()));
				count++;
			}
		}
		double micros = (System.nanoTime() - started) / 1e3 / count;
		System.out.printf("predict: %.1f µs per question (%d labels)%n", micros, router.labels().size());
		return micros;
	}

	/**
	 * Training time at 15,000 examples over 150 labels: Bitext phrasings, synthetic
	 * labels.
	 */
	private static Map<String, Object> scale(List<TrainingExample> bitext) {
		List<TrainingExample> examples = new ArrayList<>();
		for (int i = 0; i < 15_000; i++) {
			TrainingExample source = bitext.get(i % bitext.size());
			String text = (i < bitext.size()) ? source.text() : source.text() + " " + (i / bitext.size());
			examples.add(new TrainingExample("faq-" + (i % 150), text, source.vectorView()));
		}
		long started = System.nanoTime();
		TrainedRouter router = new RouterTrainer(RouterSettings.defaults()).train(examples);
		double seconds = (System.nanoTime() - started) / 1e9;
		int bytes = router.serialize().length;
		System.out.printf("training at 15,000 examples / 150 labels: %.1f s, %.1f MB serialized%n", seconds,
				bytes / 1e6);
		Map<String, Object> scale = new LinkedHashMap<>();
		scale.put("examples", examples.size());
		scale.put("labels", 150);
		scale.put("trainingSeconds", seconds);
		scale.put("serializedBytes", bytes);
		return scale;
	}

	static List<Evaluation.Outcome> outcomes(TrainedRouter router, List<Question> questions,
			Map<String, float[]> vectors) {
		List<Evaluation.Outcome> outcomes = new ArrayList<>(questions.size());
		for (Question q : questions) {
			outcomes.add(new Evaluation.Outcome(q.expected(), router.predict(q.text(), vectors.get(q.text()))));
		}
		return outcomes;
	}

	static List<TrainingExample> trainingExamples(Path file) throws IOException {
		List<String[]> pairs = new ArrayList<>();
		for (String line : Files.readAllLines(file)) {
			if (!line.isBlank()) {
				JsonNode entry = JSON.readTree(line);
				for (JsonNode example : entry.get("examples")) {
					pairs.add(new String[] { entry.get("id").asString(), example.asString() });
				}
			}
		}
		Map<String, float[]> vectors = TestEmbeddings.cached(pairs.stream().map((p) -> p[1]).toList(), CACHE);
		return pairs.stream().map((p) -> new TrainingExample(p[0], p[1], vectors.get(p[1]))).toList();
	}

	static List<Question> questions(Path file) throws IOException {
		List<Question> questions = new ArrayList<>();
		for (String line : Files.readAllLines(file)) {
			if (!line.isBlank()) {
				JsonNode node = JSON.readTree(line);
				String expected = node.get("expected").asString();
				questions
					.add(new Question(node.get("question").asString(), "escalate".equals(expected) ? null : expected));
			}
		}
		return questions;
	}

}
