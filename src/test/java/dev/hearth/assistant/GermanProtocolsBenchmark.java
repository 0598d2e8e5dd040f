package dev.hearth.assistant;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.hearth.assistant.router.FaqMatcher;
import dev.hearth.assistant.router.RouterPrediction;
import dev.hearth.assistant.router.RouterSettings;
import dev.hearth.assistant.router.RouterTrainer;
import dev.hearth.assistant.router.TrainedRouter;
import dev.hearth.assistant.router.TrainingExample;
import dev.hearth.knowledge.FaqEntry;

/**
 * German questions against FAQs (issue 11 item 6), before and after {@link LanguageFit}:
 * the live matcher ({@link FaqMatcher} with the router, bundled all-MiniLM-L6-v2) at its
 * own threshold, then the language fit with the question's language detected by
 * {@link LanguageDetection} (no context). Protocols on {@code shared/data}:
 * <ul>
 * <li><b>MASSIVE de → en</b>: 60 intents with at most 80 English training phrasings each;
 * the 2,974 German test questions;</li>
 * <li><b>xSID de → en</b>: 15 intents, the 300 English validation phrasings; the 500
 * German test questions;</li>
 * <li><b>MASSIVE mixed</b> (the sample knowledge base's case): 10 of the 60 intents
 * (seeded) are written in German only (at most 20 phrasings of de-DE dev), the other 50
 * in English; German and English test questions of all 60. "Caught by a German entry" =
 * answered with a German entry of another intent;</li>
 * <li><b>covid-faq de</b>: the 427 German FAQ questions as entries (one phrasing each),
 * the German paraphrases of the similar pairs as questions; non-matching pairs must not
 * be answered with their pair's entry.</li>
 * </ul>
 * Shares of answered right / answered wrong / escalated. Not part of {@code mvn verify}:
 * <pre>
 * mvn -o test -pl src -am -Dtest=GermanProtocolsBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre> Embeddings are cached in {@code target/bench/lang-embeddings*.bin}. Any
 * sentence-transformers model exported to ONNX is measured instead of the bundled one as
 * Hearth loads it by path ({@code hearth.knowledge.embedding.*}, langchain4j's
 * {@code OnnxEmbeddingModel}): {@code -Dbench.model-path=model.onnx
 * -Dbench.tokenizer-path=tokenizer.json -Dbench.pooling=mean|cls}, with
 * {@code -Dbench.model-languages=en,de} for a multilingual one (default {@code en}); the
 * router then trains without the out-of-domain corpus (embedded by MiniLM), as Hearth
 * does. {@code -Dbench.shares=0.25,0.5} compares shares of shared words.
 */
class GermanProtocolsBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, List<String>> CUSTOMER = Map.of("audience", List.of("customer"));

	private static final long SEED = 11;

	record Row(String text, String label) {
	}

	record Question(String text, String expected, String mustNotBe) {
	}

	private final LanguageDetection detection = LanguageDetection.of(List.of("en", "de"), 0.99);

	private Map<String, float[]> cache;

	private dev.langchain4j.model.embedding.EmbeddingModel model;

	private static final String MODEL_PATH = System.getProperty("bench.model-path", "");

	private static final List<String> MODEL_LANGUAGES = List
		.of(System.getProperty("bench.model-languages", "en").split(","));

	private static boolean bundled() {
		return MODEL_PATH.isBlank();
	}

	private static Path cacheFile() {
		return Path.of("target/bench/lang-embeddings"
				+ (bundled() ? "" : "-" + Integer.toHexString(MODEL_PATH.hashCode())) + ".bin");
	}

	@Test
	void germanProtocols() throws IOException {
		Optional<Path> massive = BenchData.folder("massive-en-de");
		Optional<Path> xsid = BenchData.folder("xsid-de-en");
		Optional<Path> covid = BenchData.folder("covid-faq-de-en");
		Assumptions.assumeTrue(massive.isPresent() && xsid.isPresent() && covid.isPresent(),
				"shared/data not found: pass -Dbench.data=/path/to/shared/data");
		this.cache = readCache();
		Map<String, Object> results = new LinkedHashMap<>();
		System.out.println("\n| protocol | questions | before: right / wrong / escalated | after: right / wrong / "
				+ "escalated | caught by a German entry before → after |");
		System.out.println("| --- | --- | --- | --- | --- |");

		List<Row> massiveTrain = capped(jsonl(massive.get().resolve("en-US.train.jsonl"), "utt", "intent"), 80);
		List<Row> massiveDe = jsonl(massive.get().resolve("de-DE.test.jsonl"), "utt", "intent");
		List<Row> massiveEn = jsonl(massive.get().resolve("en-US.test.jsonl"), "utt", "intent");
		Faq english = faq(massiveTrain, Set.of());
		results.put("massive de→en", run("MASSIVE de → en (60 English entries)", english, questions(massiveDe)));

		List<Row> xsidTrain = jsonl(xsid.get().resolve("en.valid.jsonl"), "text", "intent");
		Faq xsidFaq = faq(xsidTrain, Set.of());
		results.put("xsid de→en", run("xSID de → en (15 English entries)", xsidFaq,
				questions(jsonl(xsid.get().resolve("de.test.jsonl"), "text", "intent"))));

		List<String> intents = new ArrayList<>(new LinkedHashSet<>(massiveTrain.stream().map(Row::label).toList()));
		Collections.sort(intents);
		Collections.shuffle(intents, new Random(SEED));
		Set<String> german = Set.copyOf(intents.subList(0, 10));
		List<Row> mixedTrain = new ArrayList<>();
		for (Row row : massiveTrain) {
			if (!german.contains(row.label())) {
				mixedTrain.add(row);
			}
		}
		for (Row row : capped(jsonl(massive.get().resolve("de-DE.dev.jsonl"), "utt", "intent"), 20)) {
			if (german.contains(row.label())) {
				mixedTrain.add(new Row(row.text(), row.label()));
			}
		}
		Faq mixed = faq(mixedTrain, german);
		results.put("massive mixed, de questions",
				run("MASSIVE mixed (50 English + 10 German entries), German questions", mixed, questions(massiveDe)));
		results.put("massive mixed, en questions",
				run("MASSIVE mixed, English questions", mixed, questions(massiveEn)));

		Map<String, String> covidFaq = new LinkedHashMap<>();
		for (CSVRecord row : csv(covid.get().resolve("faq_questions_de.csv"))) {
			covidFaq.put(row.get("faq_id"), row.get("question"));
		}
		List<Row> covidRows = new ArrayList<>();
		covidFaq.forEach((id, question) -> covidRows.add(new Row(question, id)));
		List<Question> covidQuestions = new ArrayList<>();
		for (CSVRecord row : csv(covid.get().resolve("question_pairs_de.csv"))) {
			boolean similar = "1".equals(row.get("similar"));
			covidQuestions.add(new Question(row.get("question_2"), similar ? row.get("faq_id_1") : null,
					similar ? null : row.get("faq_id_1")));
		}
		Faq covidGerman = faqOf(covidRows, (label) -> "de");
		results.put("covid de", run("covid-faq de (427 German entries, one phrasing)", covidGerman, covidQuestions));

		writeCache();
		Path out = Path.of("target/bench/german-protocols" + (bundled() ? "" : "-by-path") + ".json");
		Files.createDirectories(out.getParent());
		JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), results);
	}

	/** An FAQ: its entries, and the matcher trained on their phrasings. */
	record Faq(Map<String, FaqEntry> entries, FaqMatcher matcher) {
	}

	private Faq faq(List<Row> rows, Set<String> germanLabels) {
		return faqOf(rows, (label) -> germanLabels.contains(label) ? "de" : "en");
	}

	private Faq faqOf(List<Row> rows, java.util.function.Function<String, String> language) {
		Map<String, List<String>> phrasings = new LinkedHashMap<>();
		rows.forEach((row) -> phrasings.computeIfAbsent(row.label(), (k) -> new ArrayList<>()).add(row.text()));
		Map<String, FaqEntry> entries = new LinkedHashMap<>();
		phrasings.forEach((label, texts) -> entries.put(label, new FaqEntry(label.replace('/', '_'), texts.get(0),
				texts.subList(1, texts.size()), "answer", language.apply(label), CUSTOMER)));
		List<float[]> vectors = embed(rows.stream().map(Row::text).toList());
		List<TrainingExample> examples = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			examples.add(new TrainingExample(rows.get(i).label(), rows.get(i).text(), vectors.get(i)));
		}
		RouterSettings defaults = RouterSettings.defaults();
		RouterSettings settings = bundled() ? defaults
				: defaults.withBackground(false, defaults.backgroundSimilarityCeiling(), defaults.backgroundWeight());
		TrainedRouter router = new RouterTrainer(settings).train(examples);
		return new Faq(entries, FaqMatcher.of(examples, router, bundled()));
	}

	private static List<Question> questions(List<Row> rows) {
		return rows.stream().map((row) -> new Question(row.text(), row.label(), null)).toList();
	}

	private Map<String, Object> run(String name, Faq faq, List<Question> questions) {
		Map<String, Object> rows = new LinkedHashMap<>();
		for (String share : System.getProperty("bench.shares", String.valueOf(LanguageFit.MIN_SHARED_SHARE))
			.split(",")) {
			rows.put(share, run(name + " [share " + share.substring(0, Math.min(4, share.length())) + "]", faq,
					questions, Double.parseDouble(share)));
		}
		return rows;
	}

	private Map<String, Object> run(String name, Faq faq, List<Question> questions, double share) {
		LanguageFit fit = new LanguageFit(MODEL_LANGUAGES, (id) -> Optional.ofNullable(faq.entries().get(id)),
				List.of("customer"), share);
		double threshold = faq.matcher().suggestedThreshold();
		List<float[]> vectors = embed(questions.stream().map(Question::text).toList());
		int[] before = new int[3];
		int[] after = new int[3];
		int caughtBefore = 0;
		int caughtAfter = 0;
		int nonMatching = 0;
		int nonMatchingBefore = 0;
		int nonMatchingAfter = 0;
		int n = 0;
		for (int i = 0; i < questions.size(); i++) {
			Question question = questions.get(i);
			RouterPrediction prediction = faq.matcher().predict(question.text(), vectors.get(i));
			List<Answer.Candidate> ranked = prediction.ranked()
				.stream()
				.map((label) -> new Answer.Candidate(label.label(), label.probability()))
				.toList();
			Optional<FaqEntry> entry = prediction.inScope(threshold)
					? Optional.ofNullable(faq.entries().get(ranked.get(0).faqId())) : Optional.empty();
			FaqRouting.Routed routed = new FaqRouting.Routed(ranked, prediction.confidence(), entry);
			String language = this.detection.resolve(question.text(), null);
			FaqRouting.Routed fitted = fit.faq(routed, question.text(), language);
			String beforeId = routed.entry().map(this::label).orElse(null);
			String afterId = fitted.entry().map(this::label).orElse(null);
			if (question.expected() == null) {
				nonMatching++;
				nonMatchingBefore += question.mustNotBe().equals(beforeId) ? 1 : 0;
				nonMatchingAfter += question.mustNotBe().equals(afterId) ? 1 : 0;
				continue;
			}
			n++;
			count(before, beforeId, question.expected());
			count(after, afterId, question.expected());
			caughtBefore += caught(routed.entry(), question.expected()) ? 1 : 0;
			caughtAfter += caught(fitted.entry(), question.expected()) ? 1 : 0;
		}
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("questions", n);
		row.put("threshold", threshold);
		row.put("before", shares(before, n));
		row.put("after", shares(after, n));
		row.put("caughtByGermanEntryBefore", caughtBefore / (double) n);
		row.put("caughtByGermanEntryAfter", caughtAfter / (double) n);
		if (nonMatching > 0) {
			row.put("nonMatching", nonMatching);
			row.put("nonMatchingRoutedBefore", nonMatchingBefore / (double) nonMatching);
			row.put("nonMatchingRoutedAfter", nonMatchingAfter / (double) nonMatching);
		}
		System.out.printf(Locale.ROOT, "| %s | %d | %.3f / %.3f / %.3f | %.3f / %.3f / %.3f | %.3f → %.3f |%s%n", name,
				n, before[0] / (double) n, before[1] / (double) n, before[2] / (double) n, after[0] / (double) n,
				after[1] / (double) n, after[2] / (double) n, caughtBefore / (double) n, caughtAfter / (double) n,
				(nonMatching > 0)
						? String.format(Locale.ROOT, " non-matching routed %.3f → %.3f",
								nonMatchingBefore / (double) nonMatching, nonMatchingAfter / (double) nonMatching)
						: "");
		return row;
	}

	/** The intent an entry stands for (ids cannot hold '/'). */
	private String label(FaqEntry entry) {
		return entry.id();
	}

	private static void count(int[] counts, String answered, String expected) {
		if (answered == null) {
			counts[2]++;
		}
		else if (answered.equals(expected.replace('/', '_'))) {
			counts[0]++;
		}
		else {
			counts[1]++;
		}
	}

	private static boolean caught(Optional<FaqEntry> entry, String expected) {
		return entry.isPresent() && "de".equals(entry.get().language())
				&& !entry.get().id().equals(expected.replace('/', '_'));
	}

	private static Map<String, Double> shares(int[] counts, int n) {
		return Map.of("right", counts[0] / (double) n, "wrong", counts[1] / (double) n, "escalated",
				counts[2] / (double) n);
	}

	private synchronized List<float[]> embed(List<String> texts) {
		List<String> missing = texts.stream().filter((t) -> !this.cache.containsKey(t)).distinct().toList();
		if (!missing.isEmpty()) {
			if (this.model == null) {
				this.model = bundled() ? new AllMiniLmL6V2QuantizedEmbeddingModel()
						: new dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel(Path.of(MODEL_PATH),
								Path.of(System.getProperty("bench.tokenizer-path")),
								"cls".equals(System.getProperty("bench.pooling", "mean"))
										? dev.langchain4j.model.embedding.onnx.PoolingMode.CLS
										: dev.langchain4j.model.embedding.onnx.PoolingMode.MEAN);
				System.out.println("embedding model: " + (bundled() ? "bundled all-MiniLM-L6-v2-q" : MODEL_PATH)
						+ ", model languages " + MODEL_LANGUAGES);
			}
			for (int from = 0; from < missing.size(); from += 256) {
				List<String> batch = missing.subList(from, Math.min(missing.size(), from + 256));
				var embedded = this.model.embedAll(batch.stream().map(TextSegment::from).toList()).content();
				for (int i = 0; i < batch.size(); i++) {
					this.cache.put(batch.get(i), embedded.get(i).vector());
				}
			}
		}
		return texts.stream().map(this.cache::get).toList();
	}

	private static Map<String, float[]> readCache() throws IOException {
		Map<String, float[]> cache = new HashMap<>();
		Path file = cacheFile();
		if (Files.exists(file)) {
			try (DataInputStream in = new DataInputStream(
					new java.io.BufferedInputStream(Files.newInputStream(file)))) {
				int count = in.readInt();
				for (int i = 0; i < count; i++) {
					String text = in.readUTF();
					float[] vector = new float[in.readInt()];
					for (int j = 0; j < vector.length; j++) {
						vector[j] = in.readFloat();
					}
					cache.put(text, vector);
				}
			}
		}
		return cache;
	}

	private void writeCache() throws IOException {
		Path file = cacheFile();
		Files.createDirectories(file.getParent());
		try (DataOutputStream out = new DataOutputStream(
				new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
			out.writeInt(this.cache.size());
			for (Map.Entry<String, float[]> entry : this.cache.entrySet()) {
				out.writeUTF(entry.getKey());
				out.writeInt(entry.getValue().length);
				for (float f : entry.getValue()) {
					out.writeFloat(f);
				}
			}
		}
	}

	private static List<Row> jsonl(Path file, String text, String label) throws IOException {
		List<Row> rows = new ArrayList<>();
		for (String line : Files.readAllLines(file)) {
			if (!line.isBlank()) {
				JsonNode node = JSON.readTree(line);
				rows.add(new Row(node.get(text).asString(), node.get(label).asString()));
			}
		}
		return rows;
	}

	private static List<CSVRecord> csv(Path file) throws IOException {
		try (Reader in = Files.newBufferedReader(file)) {
			return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
		}
	}

	/** At most {@code cap} distinct phrasings per label, in a seeded random order. */
	private static List<Row> capped(List<Row> rows, int cap) {
		List<Row> shuffled = new ArrayList<>(rows);
		Collections.shuffle(shuffled, new Random(SEED));
		Map<String, Integer> taken = new HashMap<>();
		Set<String> seen = new java.util.HashSet<>();
		List<Row> result = new ArrayList<>();
		for (Row row : shuffled) {
			if (taken.getOrDefault(row.label(), 0) < cap && seen.add(row.text())) {
				result.add(row);
				taken.merge(row.label(), 1, Integer::sum);
			}
		}
		return result;
	}

}
