package dev.hearth.assistant.router;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.json.JsonMapper;

import dev.hearth.assistant.TranslationSupport;
import dev.hearth.assistant.router.SharedData.Labelled;
import dev.hearth.assistant.router.SharedData.Pair;
import dev.hearth.retrieval.AnalyzedTerms;

import static dev.hearth.assistant.router.Protocols.byLabel;
import static dev.hearth.assistant.router.Protocols.capped;
import static dev.hearth.assistant.router.Protocols.shuffled;

/**
 * The FAQ-matching evaluation protocols of issue 11 on the public sets of the shared data
 * folder (see {@link SharedData}; skipped with a message when it is absent):
 * <ol>
 * <li>single phrasing: an FAQ with one phrasing per entry, customers' paraphrases as
 * questions (covid-faq-de-en in English and German, where non-matching pairs must not
 * route; HWU64 and Bitext with one phrasing per intent), answered at the threshold the
 * matcher chooses itself, since there is nothing to calibrate on;</li>
 * <li>held-out intents: trained on 75% of the intents of HWU64, MASSIVE (en) and Bitext;
 * half of the other intents are the validation's out-of-scope questions, the other half
 * the test's (in-domain unknown questions); thresholds chosen on validation;</li>
 * <li>few real-user examples: HWU64 with k = 5 and 10 phrasings per known intent, the
 * matcher's own threshold, MCC (escalate = positive);</li>
 * <li>German questions against English entries: MASSIVE de-DE test and xSID de test
 * against entries trained on English phrasings.</li>
 * </ol>
 * Every protocol runs for every method of {@link #methods()} ({@code matcher}: ADR
 * 0007's, {@code hybrid}: ADR 0009's, {@code margin}: Hearth's now, ADR 0017,
 * {@code accept}: ADR 0017's fitted alternative; {@code -Dbench.grid=answer:terms,...}
 * adds the nearest-phrasing views with other weights,
 * {@code -Dbench.agrid=answer:terms:sentences[:questionTerms],...} the margin-aware
 * decision with other weights). Protocol (a) also asks, per set, the questions of a
 * seeded quarter of entries left out of the FAQ ("unknown answered"), and adds MASSIVE
 * en-US (one train phrasing per intent, the dev questions) as the set to make choices on
 * ({@code massive-dev}), so that covid, HWU64 and Bitext stay unseen;
 * {@code -Dbench.sets=covid-en,...} limits its sets ({@code -Dbench.heldout=hwu64,...}
 * those of (b)) and {@code -Dbench.dump=DIR} writes the acceptance features of every
 * calibration and test question, and every test question's candidates with its terms
 * ({@link CandidateDump}). {@code rare-swap} and {@code rare-escalate}: Hearth's matcher
 * followed by {@link RareWordRerank} (measured and rejected, branch faqnb). The covid
 * entries are matched by their answers too when {@code -Dbench.covidqa=/path/to/COVID-QA}
 * names a checkout of deepset-ai/COVID-QA ({@link SharedData#covidAnswers});
 * {@code -Dbench.errors=true} prints the covid misses.
 * {@code -Dbench.adapters=name:FILE,...} adds one method {@code adapt-<name>} per learned
 * {@link EmbeddingAdapter} (Hearth's matcher with the adapter in the matching, ADR 0029;
 * trained by {@link EmbeddingAdapterTrainer}), {@code -Dbench.adaptall=FILE} maps every
 * vector by one first, the router's features included. Not a unit test: run with
 * {@code mvn -o -q test -Dtest=FaqProtocolsBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (optionally {@code -Dhearth.data=/path/to/shared/data} and
 * {@code -Dbench.methods=router}). Embeddings are cached under {@code target/bench/};
 * results go to {@code target/bench/faq-protocols.json}.
 */
@EnabledIfSystemProperty(named = "test", matches = ".*FaqProtocolsBenchmark.*",
		disabledReason = "a benchmark: run it with -Dtest=FaqProtocolsBenchmark")
class FaqProtocolsBenchmark {

	private static final long SEED = Protocols.SEED;

	/** A way of matching questions to FAQ entries, trained on examples. */
	interface Method {

		Matcher fit(List<TrainingExample> examples, List<EntryAnswer> answers);

	}

	/** A trained matcher and the threshold it chose for itself. */
	interface Matcher {

		RouterPrediction predict(String text, float[] vector);

		double threshold();

		/** The acceptance features of the best entry, or null. */
		default double[] features(String text, float[] vector) {
			return null;
		}

	}

	record Question(String text, String expected) {
	}

	static Map<String, Method> methods() {
		Map<String, Method> methods = new LinkedHashMap<>();
		methods.put("router", (examples, answers) -> {
			TrainedRouter router = new RouterTrainer(routerSettings()).train(examples);
			return new Matcher() {
				@Override
				public RouterPrediction predict(String text, float[] vector) {
					return router.predict(text, vector);
				}

				@Override
				public double threshold() {
					return router.suggestedThreshold();
				}
			};
		});
		EntryScores.Weights none = new EntryScores.Weights(0, 0);
		methods.put("nearest",
				(examples, answers) -> matcher(FaqMatcher.of(examples, List.of(), null, corpus(), none, true)));
		// ADR 0007's matcher: nearest phrasing + router, clamped median threshold
		methods.put("matcher", (examples, answers) -> {
			TrainedRouter router = new RouterTrainer(routerSettings()).train(examples);
			return matcher(FaqMatcher.of(examples, List.of(), router, corpus(), none, true));
		});
		// ADR 0009: hybrid scores, the fused score against the median of the left-out
		// entries with the off-domain floor
		methods.put("hybrid", (examples, answers) -> {
			TrainedRouter router = new RouterTrainer(routerSettings()).train(examples);
			return matcher(FaqMatcher.of(examples, answers, List.of(), router, corpus(), EntryScores.Weights.DEFAULT,
					false, FaqMatcher.Decider.FUSED));
		});
		// ADR 0017: Hearth's matcher now (the same ranking, the margin-aware score
		// decides)
		methods.put("margin", (examples, answers) -> {
			TrainedRouter router = new RouterTrainer(routerSettings()).train(examples);
			return matcher(FaqMatcher.of(examples, answers, pseudoQuestions(answers), router, corpus()));
		});
		// ADR 0017's measured alternative: a logistic model fitted on the answers'
		// sentences as pseudo-questions
		methods.put("accept", (examples, answers) -> {
			TrainedRouter router = new RouterTrainer(routerSettings()).train(examples);
			return matcher(FaqMatcher.of(examples, answers, pseudoQuestions(answers), router, corpus(),
					EntryScores.Weights.DEFAULT, false, FaqMatcher.Decider.LEARNED));
		});
		// measured and rejected (branch faqnb): Hearth's matcher, then the rarest word
		// of the question must be in the best entry's text
		// (-Dbench.rareratio=0: the runner-up's least share of the best's score)
		for (RareWordRerank.Mode mode : RareWordRerank.Mode.values()) {
			double ratio = Double.parseDouble(System.getProperty("bench.rareratio", "0"));
			methods.put("rare-" + mode.name().toLowerCase(java.util.Locale.ROOT), (examples, answers) -> {
				TrainedRouter router = new RouterTrainer(routerSettings()).train(examples);
				Matcher inner = matcher(FaqMatcher.of(examples, answers, pseudoQuestions(answers), router, corpus()));
				RareWordRerank rule = new RareWordRerank(examples, answers, mode, ratio);
				return new Matcher() {
					@Override
					public RouterPrediction predict(String text, float[] vector) {
						return rule.apply(text, inner.predict(text, vector));
					}

					@Override
					public double threshold() {
						return inner.threshold();
					}
				};
			});
		}
		methods.put("hybrid-norouter",
				(examples, answers) -> matcher(FaqMatcher.of(examples, answers, null, corpus())));
		for (String pair : System.getProperty("bench.grid", "").split(",")) {
			if (!pair.isBlank()) {
				String[] w = pair.split(":");
				EntryScores.Weights grid = new EntryScores.Weights(Double.parseDouble(w[0]), Double.parseDouble(w[1]));
				methods.put("grid-" + pair,
						(examples, answers) -> matcher(FaqMatcher.of(examples, answers, null, corpus(), grid, false)));
			}
		}
		// ADR 0017's measured alternatives: the margin-aware decision with other weights
		// (answer:terms:sentences[:questionTerms])
		for (String triple : System.getProperty("bench.agrid", "").split(",")) {
			if (!triple.isBlank()) {
				String[] w = triple.split(":");
				EntryScores.Weights grid = new EntryScores.Weights(Double.parseDouble(w[0]), Double.parseDouble(w[1]),
						Double.parseDouble(w[2]), (w.length > 3) ? Double.parseDouble(w[3]) : 0);
				methods.put("grid-margin-" + triple, (examples, answers) -> {
					TrainedRouter router = new RouterTrainer(routerSettings()).train(examples);
					return matcher(FaqMatcher.of(examples, answers, pseudoQuestions(answers), router, corpus(), grid,
							false, FaqMatcher.Decider.MARGIN));
				});
			}
		}
		// the learned embedding adapters to measure (ADR 0029), in the matching only:
		// -Dbench.adapters=name:FILE,...
		for (String named : System.getProperty("bench.adapters", "").split(",")) {
			if (!named.isBlank()) {
				String[] nameFile = named.split(":", 2);
				EmbeddingAdapter adapter = readAdapter(nameFile[1]);
				methods.put("adapt-" + nameFile[0], (examples, answers) -> {
					TrainedRouter router = new RouterTrainer(routerSettings()).train(examples);
					return matcher(FaqMatcher.of(examples, answers, pseudoQuestions(answers), router, corpus(),
							EntryScores.Weights.DEFAULT, false, FaqMatcher.Decider.MARGIN, adapter));
				});
			}
		}
		String only = System.getProperty("bench.methods");
		if (only != null && !only.isBlank()) {
			List<String> wanted = List.of(only.split(","));
			methods.keySet()
				.removeIf((name) -> !wanted.contains(name) && !name.startsWith("grid-") && !name.startsWith("adapt-"));
		}
		return methods;
	}

	/**
	 * The defaults; without the out-of-domain corpus for another model unless it was
	 * embedded by that model ({@link #useOutOfDomainCorpus()}).
	 */
	private static RouterSettings routerSettings() {
		RouterSettings defaults = RouterSettings.defaults();
		return corpus() ? defaults
				: defaults.withBackground(false, defaults.backgroundSimilarityCeiling(), defaults.backgroundWeight());
	}

	/** Whether the out-of-domain corpus is embedded by the benchmark's model. */
	static boolean corpus() {
		return TestEmbeddings.bundledModel() || OutOfDomainCorpus.override != null;
	}

	/**
	 * For a model other than the bundled one, the out-of-domain corpus embedded by it
	 * (cached in {@code target/bench/ood-<model>.bin}) replaces the bundled MiniLM
	 * vectors, so that the router's background class and the calibration's off-domain
	 * floor are available to every model ({@code -Dbench.ood=false}: without, as measured
	 * before).
	 */
	static void useOutOfDomainCorpus() throws IOException {
		OutOfDomainCorpus.override = null;
		center = null;
		if (!TestEmbeddings.bundledModel() && Boolean.parseBoolean(System.getProperty("bench.ood", "true"))) {
			List<String> questions = OutOfDomainCorpus.questions(OutOfDomainCorpus.textBytes());
			Map<String, float[]> vectors = TestEmbeddings.cachedFor(questions, "target/bench/ood");
			float[][] rows = new float[questions.size()][];
			for (int i = 0; i < rows.length; i++) {
				rows[i] = vectors.get(questions.get(i)).clone();
				VectorMath.normalize(rows[i]);
			}
			OutOfDomainCorpus.override = new OutOfDomainCorpus.Corpus(questions, rows);
		}
		adaptAll = null;
		if (System.getProperty("bench.adaptall") != null) {
			adaptAll = readAdapter(System.getProperty("bench.adaptall"));
			OutOfDomainCorpus.Corpus corpus = OutOfDomainCorpus.get();
			float[][] rows = new float[corpus.vectors().length][];
			for (int i = 0; i < rows.length; i++) {
				rows[i] = adaptAll.apply(corpus.vectors()[i]);
			}
			OutOfDomainCorpus.override = new OutOfDomainCorpus.Corpus(corpus.questions(), rows);
		}
		if (Boolean.getBoolean("bench.center") && corpus()) {
			OutOfDomainCorpus.Corpus corpus = OutOfDomainCorpus.get();
			float[] mean = new float[corpus.dimensions()];
			for (float[] v : corpus.vectors()) {
				for (int d = 0; d < mean.length; d++) {
					mean[d] += v[d] / corpus.vectors().length;
				}
			}
			center = mean;
			float[][] rows = new float[corpus.vectors().length][];
			for (int i = 0; i < rows.length; i++) {
				rows[i] = centered(corpus.vectors()[i]);
			}
			OutOfDomainCorpus.override = new OutOfDomainCorpus.Corpus(corpus.questions(), rows);
		}
	}

	private static EmbeddingAdapter readAdapter(String file) {
		try {
			return EmbeddingAdapter.deserialize(Files.readAllBytes(Path.of(file)));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * With {@code -Dbench.adaptall=FILE}: every vector the benchmark hands over
	 * (phrasings, questions, answers, the out-of-domain corpus) is mapped by the adapter
	 * first, so the router's features are adapted too.
	 */
	private static EmbeddingAdapter adaptAll;

	/**
	 * With {@code -Dbench.center=true}: the mean of the out-of-domain corpus's vectors,
	 * subtracted from every vector (then normalised again), a common direction that makes
	 * all cosines alike.
	 */
	private static float[] center;

	private static float[] centered(float[] vector) {
		if (center == null || vector == null) {
			return vector;
		}
		float[] v = VectorMath.normalize(vector.clone());
		for (int d = 0; d < v.length; d++) {
			v[d] -= center[d];
		}
		return VectorMath.normalize(v);
	}

	private static Map<String, float[]> centered(Map<String, float[]> vectors) {
		if (adaptAll != null) {
			Map<String, float[]> adapted = new LinkedHashMap<>();
			vectors.forEach((text, v) -> adapted.put(text, adaptAll.apply(v)));
			vectors = adapted;
		}
		if (center == null) {
			return vectors;
		}
		Map<String, float[]> result = new LinkedHashMap<>();
		vectors.forEach((text, v) -> result.put(text, centered(v)));
		return result;
	}

	/** The answers' sentences ({@link AnswerSentences}), embedded (cached). */
	static List<PseudoQuestion> pseudoQuestions(List<EntryAnswer> answers) {
		List<String[]> pairs = new ArrayList<>();
		for (EntryAnswer answer : answers) {
			for (String sentence : AnswerSentences.of(answer.text(), answer.language())) {
				pairs.add(new String[] { answer.label(), sentence });
			}
		}
		if (pairs.isEmpty()) {
			return List.of();
		}
		try {
			Map<String, float[]> vectors = centered(
					TestEmbeddings.cachedFor(map(pairs, (p) -> p[1]), "target/bench/faq-pseudo"));
			return map(pairs, (p) -> new PseudoQuestion(p[0], p[1], vectors.get(p[1])));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static Matcher matcher(FaqMatcher matcher) {
		Map<String, Double> shown = new TreeMap<>(matcher.checks());
		shown.keySet().removeIf((key) -> key.startsWith("accept."));
		System.out.println("  calibration: " + shown);
		return new Matcher() {
			@Override
			public RouterPrediction predict(String text, float[] vector) {
				return matcher.predict(text, vector);
			}

			@Override
			public double threshold() {
				return matcher.suggestedThreshold();
			}

			@Override
			public double[] features(String text, float[] vector) {
				return matcher.features(text, vector);
			}
		};
	}

	/** With {@code -Dbench.dump=DIR}: per set, every question's features for study. */
	private static final StringBuilder DUMP = new StringBuilder();

	private static void dump(String kind, double[] features) {
		if (System.getProperty("bench.dump") != null && features != null) {
			StringBuilder line = new StringBuilder(kind);
			for (double f : features) {
				line.append(',').append(f);
			}
			DUMP.append(line).append('\n');
		}
	}

	private static void flushDump(String set) throws IOException {
		String dir = System.getProperty("bench.dump");
		if (dir != null) {
			Files.createDirectories(Path.of(dir));
			Files.writeString(Path.of(dir, set + ".csv"), DUMP.toString());
		}
		DUMP.setLength(0);
	}

	private final Map<String, Object> results = new LinkedHashMap<>();

	private Map<String, float[]> vectors;

	@Test
	void protocols() throws IOException {
		Optional<SharedData> located = SharedData.locate();
		Assumptions.assumeTrue(located.isPresent(),
				"the shared data folder was not found: pass -Dhearth.data=/path/to/shared/data");
		SharedData data = located.get();
		useOutOfDomainCorpus();
		try {
			run(data);
		}
		finally {
			OutOfDomainCorpus.override = null;
			center = null;
			adaptAll = null;
		}
	}

	private void run(SharedData data) throws IOException {
		System.out.println("shared data: " + data.root() + ", embedding model: " + TestEmbeddings.modelName()
				+ ", out-of-domain corpus: " + (corpus() ? "yes" : "no"));
		String protocols = System.getProperty("bench.protocols", "single,heldout,fewshot,crosslingual");
		for (Map.Entry<String, Method> method : methods().entrySet()) {
			System.out.printf("%n===== method: %s =====%n", method.getKey());
			Map<String, Object> result = new LinkedHashMap<>();
			if (protocols.contains("single")) {
				result.put("singlePhrasing", singlePhrasing(data, method.getValue()));
			}
			if (protocols.contains("heldout")) {
				result.put("heldOutIntents", heldOutIntents(data, method.getValue()));
			}
			if (protocols.contains("fewshot")) {
				result.put("fewShot", fewShot(data, method.getValue()));
			}
			if (protocols.contains("crosslingual")) {
				result.put("crossLingual", crossLingual(data, method.getValue()));
			}
			this.results.put(method.getKey(), result);
		}
		Files.createDirectories(Path.of("target/bench"));
		Files.writeString(
				Path.of("target/bench/faq-protocols-" + System.getProperty("bench.methods", "all").replace(',', '_')
						+ "-" + TestEmbeddings.modelName() + ".json"),
				JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(this.results));
	}

	// (a) one phrasing per entry

	private Map<String, Object> singlePhrasing(SharedData data, Method method) throws IOException {
		Map<String, Object> result = new LinkedHashMap<>();
		for (String language : List.of("en", "de")) {
			if (!wanted("covid-" + language)) {
				continue;
			}
			Map<String, String> faq = data.covidFaq(language);
			List<Pair> pairs = data.covidPairs(language);
			List<String> texts = new ArrayList<>(faq.values());
			pairs.forEach((p) -> texts.add(p.question()));
			Map<String, String> answerTexts = data.covidAnswers(language, faq);
			Map<String, String> leads = new LinkedHashMap<>();
			answerTexts.forEach((id, answer) -> leads.put(id, lead(answer, language)));
			texts.addAll(leads.values());
			Map<String, float[]> vectors = embed("covid-" + language, texts);
			List<TrainingExample> examples = new ArrayList<>();
			faq.forEach((id, question) -> examples.add(new TrainingExample(id, question, vectors.get(question))));
			List<EntryAnswer> answers = new ArrayList<>();
			answerTexts.forEach((id, answer) -> answers.add(new EntryAnswer(id, answer, language,
					leads.get(id).isEmpty() ? null : vectors.get(leads.get(id)))));
			System.out.println("  covid-" + language + ": " + answers.size() + " answers");
			DUMP.setLength(0);
			AcceptanceCalibration.samples = (kind, f) -> dump("cal-" + kind, f);
			Matcher matcher = method.fit(examples, answers);
			AcceptanceCalibration.samples = null;
			List<Question> similar = pairs.stream()
				.filter(Pair::similar)
				.map((p) -> new Question(p.question(), p.faqId()))
				.toList();
			List<Evaluation.Outcome> asked = outcomes(matcher, similar, vectors);
			CandidateDump candidates = new CandidateDump(examples, answers);
			for (Question q : similar) {
				RouterPrediction p = matcher.predict(q.text(), vectors.get(q.text()));
				dump(p.ranked().get(0).label().equals(q.expected()) ? "test-right" : "test-wrong",
						matcher.features(q.text(), vectors.get(q.text())));
				candidates.add("test", q, p, matcher.threshold(), language);
			}
			candidates.flush("covid-" + language);
			Map<String, Double> metrics = Evaluation.metrics(asked, matcher.threshold());
			if (Boolean.getBoolean("bench.errors")) {
				for (Question q : similar) {
					RouterPrediction p = matcher.predict(q.text(), vectors.get(q.text()));
					String top = p.ranked().get(0).label();
					if (!top.equals(q.expected())) {
						System.out.printf("MISS %s%n   want %s%n   got  %s (%.3f)%n", q.text(), faq.get(q.expected()),
								faq.get(top), p.confidence());
					}
				}
			}
			int misrouted = 0;
			int dissimilar = 0;
			for (Pair pair : pairs) {
				if (!pair.similar()) {
					dissimilar++;
					RouterPrediction prediction = matcher.predict(pair.question(), vectors.get(pair.question()));
					misrouted += (prediction.inScope(matcher.threshold())
							&& prediction.ranked().get(0).label().equals(pair.faqId())) ? 1 : 0;
				}
			}
			Map<String, Object> row = row(metrics, matcher.threshold());
			row.put("answeredWrong", answeredWrong(asked, matcher.threshold()));
			row.put("nonMatchingRoutedToPairEntry", ratio(misrouted, dissimilar));
			row.put("unknownAnswered", unknownAnswered(examples, answers, similar, vectors, method));
			flushDump("covid-" + language);
			print("single", "covid-" + language + " (" + faq.size() + " entries)", row);
			result.put("covid-" + language, row);
		}
		if (wanted("hwu64")) {
			result.put("hwu64", singleOf("hwu64", data.hwu64("train"), data.hwu64("test"), method));
		}
		if (wanted("massive-dev")) {
			// the development set: choices are made here, not on the sets reported
			result.put("massive-dev",
					singleOf("massive-dev", data.massive("en-US.train"), data.massive("en-US.dev"), method));
		}
		if (!wanted("bitext")) {
			return result;
		}
		List<Labelled> bitext = capped(data.bitext(), 21);
		Map<String, List<Labelled>> byIntent = byLabel(bitext);
		List<Labelled> pool = new ArrayList<>();
		List<Labelled> questions = new ArrayList<>();
		byIntent.forEach((label, rows) -> {
			pool.add(rows.get(0));
			questions.addAll(rows.subList(1, rows.size()));
		});
		result.put("bitext", singleOf("bitext", pool, questions, method));
		return result;
	}

	/** Whether {@code -Dbench.sets} (default: all) names the set of protocol (a). */
	private static boolean wanted(String set) {
		String sets = System.getProperty("bench.sets", "");
		return sets.isBlank() || List.of(sets.split(",")).contains(set);
	}

	private Map<String, Object> singleOf(String name, List<Labelled> pool, List<Labelled> questions, Method method)
			throws IOException {
		Map<String, List<Labelled>> byIntent = byLabel(shuffled(pool, SEED));
		List<String> texts = new ArrayList<>();
		byIntent.values().forEach((rows) -> texts.add(rows.get(0).text()));
		questions.forEach((q) -> texts.add(q.text()));
		Map<String, float[]> vectors = embed(name + "-single", texts);
		List<TrainingExample> examples = new ArrayList<>();
		byIntent.forEach((label, rows) -> examples
			.add(new TrainingExample(label, rows.get(0).text(), vectors.get(rows.get(0).text()))));
		DUMP.setLength(0);
		AcceptanceCalibration.samples = (kind, f) -> dump("cal-" + kind, f);
		Matcher matcher = method.fit(examples, List.of());
		AcceptanceCalibration.samples = null;
		List<Question> asked = questions.stream().map((q) -> new Question(q.text(), q.label())).toList();
		List<Evaluation.Outcome> outcomes = outcomes(matcher, asked, vectors);
		CandidateDump candidates = new CandidateDump(examples, List.of());
		for (Question q : asked) {
			RouterPrediction p = matcher.predict(q.text(), vectors.get(q.text()));
			dump(p.ranked().get(0).label().equals(q.expected()) ? "test-right" : "test-wrong",
					matcher.features(q.text(), vectors.get(q.text())));
			candidates.add("test", q, p, matcher.threshold(), "en");
		}
		candidates.flush(name);
		Map<String, Object> row = row(Evaluation.metrics(outcomes, matcher.threshold()), matcher.threshold());
		row.put("answeredWrong", answeredWrong(outcomes, matcher.threshold()));
		row.put("unknownAnswered", unknownAnswered(examples, List.of(), asked, vectors, method));
		flushDump(name);
		print("single", name + " (" + examples.size() + " entries)", row);
		return row;
	}

	/**
	 * In-domain unknown questions: the FAQ without a seeded quarter of its entries, asked
	 * those entries' questions; the share answered (each with a wrong entry).
	 */
	private static double unknownAnswered(List<TrainingExample> examples, List<EntryAnswer> answers,
			List<Question> questions, Map<String, float[]> vectors, Method method) {
		List<String> labels = new ArrayList<>(new java.util.TreeSet<>(map(examples, TrainingExample::label)));
		Collections.shuffle(labels, new Random(SEED));
		java.util.Set<String> unknown = new java.util.HashSet<>(labels.subList(0, labels.size() / 4));
		Matcher matcher = method.fit(examples.stream().filter((e) -> !unknown.contains(e.label())).toList(),
				answers.stream().filter((a) -> !unknown.contains(a.label())).toList());
		int asked = 0;
		int answered = 0;
		for (Question q : questions) {
			if (unknown.contains(q.expected())) {
				asked++;
				answered += matcher.predict(q.text(), vectors.get(q.text())).inScope(matcher.threshold()) ? 1 : 0;
				dump("unknown", matcher.features(q.text(), vectors.get(q.text())));
			}
		}
		return ratio(answered, asked);
	}

	// (b) held-out intents

	private Map<String, Object> heldOutIntents(SharedData data, Method method) throws IOException {
		Map<String, Object> result = new LinkedHashMap<>();
		String only = System.getProperty("bench.heldout", "");
		for (Protocols.HeldOut set : Protocols.heldOutSets(data)) {
			if (!only.isBlank() && !List.of(only.split(",")).contains(set.name())) {
				continue;
			}
			result.put(set.name().equals("massive") ? "massive-en" : set.name(), heldOut(set, method));
		}
		return result;
	}

	private Map<String, Object> heldOut(Protocols.HeldOut set, Method method) throws IOException {
		String name = set.name();
		int known = set.known().size();
		Map<String, float[]> vectors = embed(name + "-heldout", set.texts());
		List<TrainingExample> examples = set.knownTrain()
			.stream()
			.map((r) -> new TrainingExample(r.label(), r.text(), vectors.get(r.text())))
			.toList();
		Matcher matcher = method.fit(examples, List.of());
		List<Question> valQuestions = set.valQuestions()
			.stream()
			.map((r) -> new Question(r.text(), set.expected(r)))
			.toList();
		List<Question> testQuestions = set.testQuestions()
			.stream()
			.map((r) -> new Question(r.text(), set.expected(r)))
			.toList();
		List<Evaluation.Outcome> valOutcomes = outcomes(matcher, valQuestions, vectors);
		List<Evaluation.Outcome> testOutcomes = outcomes(matcher, testQuestions, vectors);
		CandidateDump candidates = new CandidateDump(examples, List.of());
		for (Question q : valQuestions) {
			candidates.add("val", q, matcher.predict(q.text(), vectors.get(q.text())), matcher.threshold(), "en");
		}
		for (Question q : testQuestions) {
			candidates.add("test", q, matcher.predict(q.text(), vectors.get(q.text())), matcher.threshold(), "en");
		}
		candidates.flush(name + "-heldout");
		double best = Evaluation.chooseThreshold(valOutcomes);
		double at90 = thresholdForInScopeAccuracy(valOutcomes, 0.90);
		double top1 = Evaluation.metrics(valOutcomes, 0).get("inScopeTop1");
		double atRelative = thresholdForInScopeAccuracy(valOutcomes, 0.95 * top1);
		Map<String, Object> rows = new LinkedHashMap<>();
		rows.put("intents", Map.of("known", known, "unknownVal", set.valUnknown().size(), "unknownTest",
				set.intents() - known - set.valUnknown().size()));
		rows.put("bestAccuracyOnVal", row(Evaluation.metrics(testOutcomes, best), best));
		rows.put("inScopeAccuracy90OnVal", row(Evaluation.metrics(testOutcomes, at90), at90));
		rows.put("inScopeAccuracy95PctOfTop1OnVal", row(Evaluation.metrics(testOutcomes, atRelative), atRelative));
		rows.put("ownThreshold", row(Evaluation.metrics(testOutcomes, matcher.threshold()), matcher.threshold()));
		for (String key : List.of("bestAccuracyOnVal", "inScopeAccuracy90OnVal", "inScopeAccuracy95PctOfTop1OnVal",
				"ownThreshold")) {
			print("heldout", name + " " + key, castRow(rows.get(key)));
		}
		return rows;
	}

	/**
	 * The lowest threshold whose validation in-scope accuracy (answered right / in scope)
	 * still reaches the target: the most out-of-scope questions caught at that accuracy.
	 */
	static double thresholdForInScopeAccuracy(List<Evaluation.Outcome> outcomes, double target) {
		List<Double> confidences = outcomes.stream().map((o) -> o.prediction().confidence()).sorted().toList();
		double chosen = 0;
		for (double candidate : confidences) {
			if (Evaluation.metrics(outcomes, candidate).get("inScopeAccuracy") >= target) {
				chosen = candidate;
			}
			else {
				break;
			}
		}
		return chosen;
	}

	// (c) few real-user examples

	private Map<String, Object> fewShot(SharedData data, Method method) throws IOException {
		Map<String, Object> result = new LinkedHashMap<>();
		for (Protocols.FewShot set : Protocols.fewShot(data)) {
			int k = set.k();
			List<Labelled> chosen = set.chosen();
			List<Labelled> test = set.test();
			Map<String, float[]> vectors = embed("hwu64-fewshot", set.texts());
			Matcher matcher = method.fit(chosen.stream()
				.map((r) -> new TrainingExample(r.label(), r.text(), vectors.get(r.text())))
				.toList(), List.of());
			List<Question> questions = test.stream().map((r) -> new Question(r.text(), set.expected(r))).toList();
			Map<String, Object> row = row(
					Evaluation.metrics(outcomes(matcher, questions, vectors), matcher.threshold()),
					matcher.threshold());
			print("fewshot", "hwu64 k=" + k, row);
			result.put("hwu64-k" + k, row);
		}
		return result;
	}

	// (d) German questions, English entries

	private Map<String, Object> crossLingual(SharedData data, Method method) throws IOException {
		Map<String, Object> result = new LinkedHashMap<>();
		List<Labelled> massiveTrain = capped(data.massive("en-US.train"), 80);
		result.putAll(crossOf("massive", massiveTrain,
				Map.of("en-US.test", data.massive("en-US.test"), "de-DE.test", data.massive("de-DE.test")), method));
		result.putAll(crossOf("xsid", data.xsid("en.valid"),
				Map.of("en.test", data.xsid("en.test"), "de.test", data.xsid("de.test")), method));
		return result;
	}

	private Map<String, Object> crossOf(String name, List<Labelled> train, Map<String, List<Labelled>> tests,
			Method method) throws IOException {
		List<String> texts = new ArrayList<>();
		train.forEach((r) -> texts.add(r.text()));
		tests.values().forEach((rows) -> rows.forEach((r) -> texts.add(r.text())));
		Map<String, float[]> vectors = embed(name + "-cross", texts);
		Matcher matcher = method.fit(
				train.stream().map((r) -> new TrainingExample(r.label(), r.text(), vectors.get(r.text()))).toList(),
				List.of());
		Map<String, Object> result = new LinkedHashMap<>();
		Function<String, Optional<String>> translator = translator(train);
		for (Map.Entry<String, List<Labelled>> test : new TreeMap<>(tests).entrySet()) {
			List<Question> questions = test.getValue().stream().map((r) -> new Question(r.text(), r.label())).toList();
			Map<String, Object> row = row(
					Evaluation.metrics(outcomes(matcher, questions, vectors), matcher.threshold()),
					matcher.threshold());
			print("crossling", name + " " + test.getKey(), row);
			result.put(name + "-" + test.getKey(), row);
			if (translator != null && test.getKey().startsWith("de")) {
				Map<String, Object> translated = row(Evaluation.metrics(
						translatedOutcomes(name + "-" + test.getKey(), matcher, questions, vectors, translator),
						matcher.threshold()), matcher.threshold());
				print("crossling", name + " " + test.getKey() + " translated", translated);
				result.put(name + "-" + test.getKey() + "-translated", translated);
			}
		}
		return result;
	}

	/**
	 * Hearth's translation of German questions (ADR 0069) with the dictionary of
	 * {@code -Dbench.dictionary} (default Debian's {@code /usr/share/trans/de-en}), each
	 * word's sense chosen by the training phrasings as the knowledge base; {@code null}
	 * without the file.
	 */
	private static Function<String, Optional<String>> translator(List<Labelled> train) {
		Path file = Path.of(System.getProperty("bench.dictionary", "/usr/share/trans/de-en"));
		if (!Files.isReadable(file)) {
			return null;
		}
		// not closed: the translator uses it for as long as the benchmark runs
		EnglishAnalyzer english = new EnglishAnalyzer();
		Map<String, BitSet> postings = new HashMap<>();
		List<List<String>> analysed = new ArrayList<>();
		for (int i = 0; i < train.size(); i++) {
			List<String> terms = AnalyzedTerms.of(english, "text", train.get(i).text());
			analysed.add(terms);
			for (String term : terms) {
				postings.computeIfAbsent(term, (t) -> new BitSet()).set(i);
			}
		}
		ToIntFunction<String> phrases = (phrase) -> {
			List<String> terms = AnalyzedTerms.of(english, "text", phrase);
			if (terms.isEmpty()) {
				return 0;
			}
			int count = 0;
			for (List<String> text : analysed) {
				if (Collections.indexOfSubList(text, terms) >= 0) {
					count++;
				}
			}
			return count;
		};
		return TranslationSupport.translator(file, (phrase) -> {
			BitSet together = null;
			for (String term : AnalyzedTerms.of(english, "text", phrase)) {
				BitSet holding = postings.get(term);
				if (holding == null) {
					return 0;
				}
				if (together == null) {
					together = (BitSet) holding.clone();
				}
				else {
					together.and(holding);
				}
			}
			return (together != null) ? together.cardinality() : 0;
		}, phrases);
	}

	/**
	 * As Hearth answers a German question: as asked, and when that escalates, translated
	 * word by word.
	 */
	private List<Evaluation.Outcome> translatedOutcomes(String name, Matcher matcher, List<Question> questions,
			Map<String, float[]> vectors, Function<String, Optional<String>> translator) throws IOException {
		Map<String, String> translations = new LinkedHashMap<>();
		for (Question q : questions) {
			translator.apply(q.text()).ifPresent((t) -> translations.put(q.text(), t));
		}
		Map<String, float[]> translatedVectors = embed(name + "-translated",
				translations.values().stream().distinct().toList());
		List<Evaluation.Outcome> outcomes = new ArrayList<>(questions.size());
		int shown = 0;
		for (Question q : questions) {
			RouterPrediction prediction = matcher.predict(q.text(), vectors.get(q.text()));
			String translated = translations.get(q.text());
			if (!prediction.inScope(matcher.threshold()) && translated != null) {
				prediction = matcher.predict(translated, translatedVectors.get(translated));
			}
			if (shown++ < 15) {
				System.out.println("translated: " + q.text() + " => " + translated);
			}
			outcomes.add(new Evaluation.Outcome(q.expected(), prediction));
		}
		return outcomes;
	}

	// helpers

	/**
	 * The text embedded for an answer: its lead ({@code -Dbench.lead=lead}, as Hearth
	 * does), the whole answer ({@code full}) or nothing ({@code none}).
	 */
	private static String lead(String answer, String language) {
		return switch (System.getProperty("bench.lead", "lead")) {
			case "full" -> answer;
			case "none" -> "";
			default -> AnswerLead.of(answer, language);
		};
	}

	private Map<String, float[]> embed(String name, List<String> texts) throws IOException {
		return centered(TestEmbeddings.cachedFor(texts, "target/bench/faq-" + name));
	}

	static List<Evaluation.Outcome> outcomes(Matcher matcher, List<Question> questions, Map<String, float[]> vectors) {
		List<Evaluation.Outcome> outcomes = new ArrayList<>(questions.size());
		for (Question q : questions) {
			outcomes.add(new Evaluation.Outcome(q.expected(), matcher.predict(q.text(), vectors.get(q.text()))));
		}
		return outcomes;
	}

	/** Questions answered with another entry than theirs (or answered out of scope). */
	private static double answeredWrong(List<Evaluation.Outcome> outcomes, double threshold) {
		int wrong = 0;
		for (Evaluation.Outcome outcome : outcomes) {
			RouterPrediction p = outcome.prediction();
			if (p.inScope(threshold) && !p.ranked().get(0).label().equals(outcome.expected())) {
				wrong++;
			}
		}
		return ratio(wrong, outcomes.size());
	}

	private static Map<String, Object> row(Map<String, Double> metrics, double threshold) {
		Map<String, Object> row = new LinkedHashMap<>();
		for (String key : List.of("accuracy", "inScopeAccuracy", "inScopeTop1", "outOfScopeRecall", "mcc", "mrr")) {
			row.put(key, round(metrics.get(key)));
		}
		row.put("threshold", round(threshold));
		return row;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> castRow(Object row) {
		return (Map<String, Object>) row;
	}

	private static void print(String protocol, String what, Map<String, Object> row) {
		System.out.printf("%-10s %-34s %s%n", protocol, what, row);
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

	private static double ratio(int count, int total) {
		return (total == 0) ? 0 : round(count / (double) total);
	}

	static <T, R> List<R> map(List<T> list, Function<T, R> f) {
		return list.stream().map(f).toList();
	}

	/**
	 * With {@code -Dbench.dump=DIR}: per set, every test question with its five best
	 * entries, their scores and which of the question's analysed terms each entry's
	 * phrasings and answer hold, with the terms' document frequencies over the entries
	 * (for studying ranking rules offline, {@code DIR/<set>-candidates.jsonl}).
	 */
	static final class CandidateDump {

		private final Map<String, java.util.Set<String>> terms = new LinkedHashMap<>();

		private final Map<String, Integer> df = new HashMap<>();

		/** Per entry, its answer's terms alone. */
		private final Map<String, java.util.Set<String>> answerTerms = new HashMap<>();

		private final StringBuilder out = new StringBuilder();

		CandidateDump(List<TrainingExample> examples, List<EntryAnswer> answers) {
			Map<String, String> language = new HashMap<>();
			answers.forEach((a) -> language.put(a.label(), a.language()));
			for (TrainingExample e : examples) {
				this.terms.computeIfAbsent(e.label(), (l) -> new java.util.HashSet<>())
					.addAll(EntryTerms.terms(EntryTerms.key(language.get(e.label())), e.text()));
			}
			for (EntryAnswer a : answers) {
				this.answerTerms.put(a.label(),
						new java.util.HashSet<>(EntryTerms.terms(EntryTerms.key(a.language()), a.text())));
				if (this.terms.containsKey(a.label())) {
					this.terms.get(a.label()).addAll(EntryTerms.terms(EntryTerms.key(a.language()), a.text()));
				}
			}
			this.terms.values().forEach((set) -> set.forEach((t) -> this.df.merge(t, 1, Integer::sum)));
		}

		void add(String kind, Question q, RouterPrediction p, double threshold, String language) {
			if (System.getProperty("bench.dump") == null) {
				return;
			}
			List<String> qt = new ArrayList<>(
					new java.util.LinkedHashSet<>(EntryTerms.terms(EntryTerms.key(language), q.text())));
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("kind", kind);
			row.put("q", q.text());
			row.put("expected", q.expected());
			row.put("confidence", p.confidence());
			row.put("threshold", threshold);
			row.put("entries", this.terms.size());
			Map<String, Integer> dfs = new LinkedHashMap<>();
			qt.forEach((t) -> dfs.put(t, this.df.getOrDefault(t, 0)));
			row.put("terms", dfs);
			row.put("expectedHas", has(q.expected(), qt));
			List<Map<String, Object>> ranked = new ArrayList<>();
			for (ScoredLabel c : p.ranked()) {
				Map<String, Object> r = new LinkedHashMap<>();
				r.put("label", c.label());
				r.put("score", c.probability());
				r.put("has", has(c.label(), qt));
				java.util.Set<String> answer = this.answerTerms.getOrDefault(c.label(), java.util.Set.of());
				r.put("hasAnswer", qt.stream().filter(answer::contains).toList());
				ranked.add(r);
			}
			row.put("ranked", ranked);
			this.out.append(JsonMapper.builder().build().writeValueAsString(row)).append('\n');
		}

		private List<String> has(String label, List<String> qt) {
			java.util.Set<String> entry = this.terms.getOrDefault(label, java.util.Set.of());
			return qt.stream().filter(entry::contains).toList();
		}

		void flush(String set) throws IOException {
			String dir = System.getProperty("bench.dump");
			if (dir != null) {
				Files.createDirectories(Path.of(dir));
				Files.writeString(Path.of(dir, set + "-candidates.jsonl"), this.out.toString());
				Files.writeString(Path.of(dir, set + "-entries.json"),
						JsonMapper.builder().build().writeValueAsString(this.terms));
			}
			this.out.setLength(0);
		}

	}

}
