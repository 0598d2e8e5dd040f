package dev.hearth.assistant;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.hearth.knowledge.BundledEmbeddings;
import dev.hearth.retrieval.PassageKind;
import dev.hearth.retrieval.SearchHit;

/**
 * Replays the extractive composer and its gates (the name, number and kind-of-fact
 * checks, topic-word coverage 0.4 and the retrievers' agreement: BM25 rank 3 or a span
 * sentence 0.6 similar) on what it was offered in a {@code Doc2dialBenchmark} run (the
 * rows' {@code offered}), for span-choice variants: the span score and a fallback to
 * another passage's span when the chosen one is refused. Questions escalated before
 * composing keep their outcome. Prints answer cited, answer in text and negatives
 * escalated per variant; the first variant (the hand weights, as shipped) must reproduce
 * the run. Run with
 * {@code mvn test -Dtest=SpanReplay -Dreplay.rows=target/bench/doc2dial-dev-questions.json};
 * skipped without {@code replay.rows}.
 */
class SpanReplay {

	private static final int BM25 = SpanWindows.NAMES.indexOf("bm25");

	private static final int VECTOR = SpanWindows.NAMES.indexOf("vector");

	private static final int SIMILARITY = SpanWindows.NAMES.indexOf("passageSimilarity");

	private static final int RARE = SpanWindows.NAMES.indexOf("rareCoverage");

	private static final int AFTER = SpanWindows.NAMES.indexOf("afterPrevious");

	private static final int PREVIOUS = SpanWindows.NAMES.indexOf("previousAnswer");

	private static final int HEADING = SpanWindows.NAMES.indexOf("headingCoverage");

	/**
	 * Each passage's offset after the previous answer's passage among the passages left
	 * (ADR 0092), by identity.
	 */
	private static Map<Passage, Integer> offsets = new java.util.IdentityHashMap<>();

	/** The same with the previous answer's passage holding at least 0.8 of its words. */
	private static Map<Passage, Integer> strictOffsets = new java.util.IdentityHashMap<>();

	private static double strictDocument(SpanWindows.Window w, boolean ownPassage) {
		Integer offset = strictOffsets.get(w.passage());
		return (offset != null && offset != DocumentPosition.ELSEWHERE && (ownPassage || offset != 0)) ? 1 : 0;
	}

	private static double position(SpanWindows.Window w, int min, int max) {
		Integer offset = offsets.get(w.passage());
		return (offset != null && offset != DocumentPosition.ELSEWHERE && offset >= min && offset <= max) ? 1 : 0;
	}

	/** The passages offered for the question being replayed. */
	private static List<Passage> current = List.of();

	/**
	 * The cross-fitted weights for the question being replayed: those of its dialogue's
	 * fold ({@code replay.weights}, written by {@link SpanChoiceFit#crossFit}).
	 */
	private static double[] foldWeights = new double[0];

	/**
	 * The passage the weights in use choose among the passages left, for the narrow form.
	 */
	private static Passage inUsePassage;

	/** One way of choosing the span. */
	record Variant(String name, int maxUnits, ToDoubleFunction<SpanWindows.Window> scorer, int fallbacks,
			Set<String> fallbackOn, double leastScore, boolean widened) {

		Variant(String name, int maxUnits, ToDoubleFunction<SpanWindows.Window> scorer, int fallbacks,
				Set<String> fallbackOn, double leastScore) {
			this(name, maxUnits, scorer, fallbacks, fallbackOn, leastScore, false);
		}

		Variant(String name, int maxUnits, ToDoubleFunction<SpanWindows.Window> scorer, int fallbacks) {
			this(name, maxUnits, scorer, fallbacks, Set.of("checks", "coverage", "agreement"));
		}

		Variant(String name, int maxUnits, ToDoubleFunction<SpanWindows.Window> scorer, int fallbacks,
				Set<String> fallbackOn) {
			this(name, maxUnits, scorer, fallbacks, fallbackOn, Double.NEGATIVE_INFINITY);
		}

	}

	/** One question as offered to the composer. */
	record Row(String id, boolean answerable, String decision, boolean runRight, String gold, String query,
			String previous, List<Passage> passages, Map<Passage, Boolean> gold2) {
	}

	public static void main(String[] args) throws Exception {
		new SpanReplay().replay();
	}

	@Test
	void replay() throws Exception {
		String files = System.getProperty("replay.rows");
		Assumptions.assumeTrue(files != null, "pass -Dreplay.rows=FILE (rows written by Doc2dialBenchmark)");
		JsonMapper json = JsonMapper.builder().build();
		Function<String, float[]> model = BundledEmbeddings.open();
		Map<String, float[]> cache = new HashMap<>();
		Function<String, float[]> embed = (text) -> cache.computeIfAbsent(text, model);
		double[][] folds = null;
		if (System.getProperty("replay.weights") != null) {
			JsonNode fitted = json.readTree(Files.readString(Path.of(System.getProperty("replay.weights"))));
			folds = new double[Doc2dialSplits.FOLDS][];
			for (int k = 0; k < folds.length; k++) {
				folds[k] = new double[fitted.get("folds").get(k).size()];
				for (int i = 0; i < folds[k].length; i++) {
					folds[k][i] = fitted.get("folds").get(k).get(i).asDouble();
				}
			}
		}
		for (String file : files.split(",")) {
			System.out.println("\n=== " + Path.of(file.strip()).getFileName() + " ===");
			replay(json.readTree(Files.readString(Path.of(file.strip()))), folds, embed);
		}
	}

	private static void replay(JsonNode fileRows, double[][] folds, Function<String, float[]> embed) {
		List<Row> rows = new ArrayList<>();
		for (JsonNode row : fileRows) {
			boolean answerable = "answerable".equals(row.get("kind").asString());
			List<Passage> passages = new ArrayList<>();
			Map<Passage, Boolean> gold = new java.util.IdentityHashMap<>();
			if (row.get("offered") != null) {
				for (JsonNode p : row.get("offered")) {
					SearchHit hit = new SearchHit("x", "d", "g", PassageKind.DOCUMENT_CHUNK, p.get("source").asString(),
							p.get("title").asString(), p.get("sectionPath").asString(), p.get("passage").asString(),
							(p.get("citation") != null) ? p.get("citation").asString() : "c",
							p.get("language").asString(), Map.of(), 1, p.get("bm25Rank").asInt(),
							p.get("vectorRank").asInt(), (float) p.get("similarity").asDouble());
					Passage passage = new Passage(hit, p.get("similarity").asDouble());
					passages.add(passage);
					gold.put(passage, p.get("gold").asBoolean());
				}
			}
			rows.add(new Row(row.get("id").asString(), answerable, row.get("decision").asString(),
					answerable && "right".equals(row.get("outcome").asString()),
					answerable ? row.get("gold").asString() : null,
					(row.get("offeredQuery") != null) ? row.get("offeredQuery").asString() : null,
					(row.get("previousAnswer") != null) ? row.get("previousAnswer").asString() : "", passages, gold));
		}
		List<Variant> variants = new ArrayList<>();
		double[] hand = ExtractiveAnswers.HAND_WEIGHTS;
		double[] inUse = ExtractiveAnswers.WEIGHTS;
		Set<String> checked = Set.of("checks");
		variants.add(new Variant("hand weights (before)", 3, (w) -> w.score(hand), 0));
		variants.add(new Variant("in use: similarity 1.0, next passage when the checks fail", 3, (w) -> w.score(inUse),
				5, checked));
		variants.add(new Variant("similarity 1.0, no fallback", 3, (w) -> w.score(inUse), 0));
		variants
			.add(new Variant("hand weights, next passage when the checks fail", 3, (w) -> w.score(hand), 5, checked));
		for (double s : new double[] { 0.5, 0.8, 1.5 }) {
			variants.add(new Variant("similarity " + s + ", next passage when the checks fail", 3,
					(w) -> w.score(inUse) + (s - 1.0) * w.features()[SIMILARITY], 5, checked));
		}
		for (int units : new int[] { 2, 4 }) {
			variants.add(new Variant("in use, windows of " + units, units, (w) -> w.score(inUse), 5, checked));
		}
		for (double a : new double[] { 0.1, 0.3 }) {
			variants.add(new Variant("in use + " + a + " x right after the previous answer", 3,
					(w) -> w.score(inUse) + a * w.features()[AFTER], 5, checked));
			variants.add(new Variant("in use + " + a + " x previous answer's share", 3,
					(w) -> w.score(inUse) + a * w.features()[PREVIOUS], 5, checked));
		}
		for (double b : new double[] { 0.05, 0.1 }) {
			variants.add(new Variant("in use + " + b + " x 1/bm25 rank", 3,
					(w) -> w.score(inUse) + b * w.features()[BM25], 5, checked));
		}
		variants.add(new Variant("in use + 0.3 x rare coverage", 3, (w) -> w.score(inUse) + 0.3 * w.features()[RARE], 5,
				checked));
		variants.add(new Variant("in use + 0.2 x heading coverage", 3,
				(w) -> w.score(inUse) + 0.2 * w.features()[HEADING], 5, checked));
		if (folds != null) {
			ToDoubleFunction<SpanWindows.Window> fitted = (w) -> w.score(foldWeights);
			variants.add(new Variant("cross-fitted", 3, fitted, 5, checked));
			variants.add(new Variant("cross-fitted, no fallback", 3, fitted, 0));
			for (double least : new double[] { 3, 4, 5, 5.5, 6, 6.5, 7, 7.5, 8, 9 }) {
				variants.add(new Variant("cross-fitted, least score " + least, 3, fitted, 5, checked, least));
			}
			variants.add(new Variant("in use chooses the passage, cross-fitted the window within it", 3,
					(w) -> ((w.passage() == inUsePassage) ? 1000 : 0) + w.score(foldWeights), 5, checked));
			variants.add(new Variant("in use, widened by the fitted window weights (all rows; ADR 0087)", 3,
					(w) -> w.score(inUse), 5, checked, Double.NEGATIVE_INFINITY, true));
			for (double lambda : new double[] { 0.01, 0.03, 0.1, 0.3 }) {
				variants.add(new Variant("in use + " + lambda + " x cross-fitted", 3,
						(w) -> w.score(inUse) + lambda * w.score(foldWeights), 5, checked));
			}
		}
		// the weights before ADR 0092 (without the conversation's document), and the
		// passages placed from a previous answer's passage holding 0.6 of its words
		double[] before = Arrays.copyOf(inUse, 15);
		for (double b : new double[] { 0.05, 0.1, 0.2, 0.3, 0.5 }) {
			variants.add(new Variant("before ADR 0092 + " + b + " x 1-2 passages after the previous answer's", 3,
					(w) -> w.score(before) + b * position(w, 1, 2), 5, checked));
			variants.add(new Variant("before ADR 0092 + " + b + " x the next passage after the previous answer's", 3,
					(w) -> w.score(before) + b * position(w, 1, 1), 5, checked));
			variants.add(new Variant("before ADR 0092 + " + b + " x the previous answer's passage or 1-2 after", 3,
					(w) -> w.score(before) + b * position(w, 0, 2), 5, checked));
			variants.add(new Variant("before ADR 0092 + " + b + " x the previous answer's passage", 3,
					(w) -> w.score(before) + b * position(w, 0, 0), 5, checked));
			variants.add(new Variant("before ADR 0092 + " + b + " x the previous answer's document", 3,
					(w) -> w.score(before) + b * position(w, -1000, 1000), 5, checked));
			variants.add(new Variant("before ADR 0092 + " + b + " x 0-3 after, - before", 3,
					(w) -> w.score(before) + b * position(w, 0, 3) - b * position(w, -1000, -1), 5, checked));
		}
		variants.add(new Variant("[pos] without the document prior", 3, (w) -> w.score(before), 5, checked));
		for (double b : new double[] { 0.1, 0.2, 0.3 }) {
			variants.add(new Variant("[pos] " + b + " x document, share 0.6", 3,
					(w) -> w.score(before) + b * position(w, -1000, 1000), 5, checked));
			variants.add(new Variant("[pos] " + b + " x document but its passage, share 0.6", 3,
					(w) -> w.score(before) + b * position(w, -1000, 1000) - b * position(w, 0, 0), 5, checked));
			variants.add(new Variant("[pos] " + b + " x document, share 0.8", 3,
					(w) -> w.score(before) + b * strictDocument(w, true), 5, checked));
			variants.add(new Variant("[pos] " + b + " x document but its passage, share 0.8", 3,
					(w) -> w.score(before) + b * strictDocument(w, false), 5, checked));
		}
		for (double b : new double[] { 0.2, 0.3, 0.5, 0.8 }) {
			variants.add(new Variant("[pos] " + b + " x document x span coverage, share 0.8", 3,
					(w) -> w.score(before) + b * strictDocument(w, true) * w.features()[1], 5, checked));
			variants.add(new Variant("[pos] " + b + " x document x span coverage, share 0.6", 3,
					(w) -> w.score(before) + b * position(w, -1000, 1000) * w.features()[1], 5, checked));
		}
		positionDiagnosis(rows);
		String only = System.getProperty("replay.variants");
		Answerability checks = new Answerability(0);
		Answerability answerability = new Answerability(0.4);
		EvidenceAgreement agreement = new EvidenceAgreement(embed, 3, 0.6);
		for (Variant variant : variants) {
			if (only != null && !variant.name().contains(only)) {
				continue;
			}
			int answerableN = 0;
			int negatives = 0;
			int cited = 0;
			int inText = 0;
			int escalated = 0;
			int answered = 0;
			int changed = 0;
			Map<String, Integer> outcomes = new LinkedHashMap<>();
			for (Row row : rows) {
				boolean answeredHere;
				boolean right = false;
				boolean text = false;
				if (row.passages().isEmpty()) {
					answeredHere = "ANSWERED".equals(row.decision());
					right = row.runRight();
				}
				else {
					float[] vector = embed.apply(row.query());
					current = row.passages();
					if (folds != null) {
						foldWeights = folds[Doc2dialSplits.fold(Doc2dialSplits.dialogueOfId(row.id()))];
					}
					Outcome outcome = compose(row, vector, variant, checks, answerability, agreement, embed);
					answeredHere = outcome.answered();
					if (answeredHere && row.answerable()) {
						right = row.gold2().get(outcome.passage());
						text = Doc2dialBenchmark.covers(outcome.text(), row.gold());
					}
					outcomes.merge(outcome.why(), 1, Integer::sum);
					changed += (answeredHere != "ANSWERED".equals(row.decision())) ? 1 : 0;
				}
				if (row.answerable()) {
					answerableN++;
					cited += right ? 1 : 0;
					inText += text ? 1 : 0;
					answered += answeredHere ? 1 : 0;
					if (right != row.runRight() && System.getProperty("replay.show") != null) {
						System.out.printf("  %s %s %s%n", right ? "+" : "-", row.id(), row.query());
					}
				}
				else {
					negatives++;
					escalated += answeredHere ? 0 : 1;
				}
			}
			System.out.printf(Locale.ROOT,
					"%-55s cited %.3f  in text %.3f  negatives escalated %.3f  answered %.3f  (decisions changed %d)%n",
					variant.name(), cited / (double) answerableN, inText / (double) answerableN,
					escalated / (double) negatives, answered / (double) answerableN, changed);
			System.out.println("    " + outcomes);
		}
	}

	/**
	 * How far the gold passage and the other offered passages lie after the previous
	 * answer's passage (answerable rows whose previous answer is found in an offered
	 * passage).
	 */
	private static void positionDiagnosis(List<Row> rows) {
		Map<String, int[]> byOffset = new java.util.TreeMap<>();
		int anchored = 0;
		int withPrevious = 0;
		for (Row row : rows) {
			if (!row.answerable() || row.passages().isEmpty()) {
				continue;
			}
			withPrevious += row.previous().isBlank() ? 0 : 1;
			int[] at = DocumentPosition.offsets(row.passages(), row.previous(), 0.6);
			boolean any = false;
			for (int i = 0; i < at.length; i++) {
				any |= at[i] == 0;
				String key = (at[i] == DocumentPosition.ELSEWHERE) ? "elsewhere"
						: String.format(Locale.ROOT, "%+03d", Math.max(-9, Math.min(9, at[i])));
				int[] n = byOffset.computeIfAbsent(key, (k) -> new int[2]);
				n[0]++;
				n[1] += row.gold2().get(row.passages().get(i)) ? 1 : 0;
			}
			anchored += any ? 1 : 0;
		}
		System.out.printf("answerable rows with a previous answer %d, found in an offered passage %d%n", withPrevious,
				anchored);
		byOffset.forEach((k, n) -> System.out.printf("  offset %-9s passages %4d  gold %4d  (%.2f)%n", k, n[0], n[1],
				n[1] / (double) Math.max(1, n[0])));
	}

	record Outcome(boolean answered, Passage passage, String text, String why) {
	}

	private static Outcome compose(Row row, float[] vector, Variant variant, Answerability checks,
			Answerability answerability, EvidenceAgreement agreement, Function<String, float[]> embed) {
		List<Passage> offered = row.passages();
		List<Passage> left = new ArrayList<>(offered);
		Set<String> common = FaqAnswers.common(offered);
		String why = "no span";
		for (int attempt = 0; attempt <= variant.fallbacks() && !left.isEmpty(); attempt++) {
			offsets = new java.util.IdentityHashMap<>();
			int[] at = DocumentPosition.offsets(left, row.previous(), 0.6);
			for (int i = 0; i < at.length; i++) {
				offsets.put(left.get(i), at[i]);
			}
			strictOffsets = new java.util.IdentityHashMap<>();
			int[] strict = DocumentPosition.offsets(left, row.previous(), 0.8);
			for (int i = 0; i < strict.length; i++) {
				strictOffsets.put(left.get(i), strict[i]);
			}
			ExtractiveAnswers.Composed inUse = ExtractiveAnswers.compose(row.query(), vector, left, variant.maxUnits(),
					Locale.ENGLISH, row.previous(), null, ExtractiveAnswers.WEIGHTS);
			inUsePassage = (inUse.span() == null) ? null : inUse.span().passage();
			ExtractiveAnswers.Composed composed = ExtractiveAnswers.compose(row.query(), vector, left,
					variant.maxUnits(), Locale.ENGLISH, row.previous(), null, variant.scorer(),
					variant.widened() ? (w) -> w.score(ExtractiveAnswers.WINDOW_WEIGHTS) : null);
			if (composed.text().isBlank()) {
				return new Outcome(false, null, "", (attempt == 0) ? "no span" : why);
			}
			if (composed.score() < variant.leastScore()) {
				return new Outcome(false, null, "", "least score");
			}
			ExtractiveAnswers.Span span = composed.span();
			if (dev.hearth.knowledge.PlantedInstructions.find(composed.text()).isPresent()) {
				return new Outcome(false, null, "", "planted");
			}
			if (!checks.judge(row.query(), span.context(), span.text(), common).answers()) {
				why = "checks";
			}
			else if (!answerability.judge(row.query(), span.context(), span.text(), common).answers()) {
				why = "coverage";
			}
			else if (!agreement.agrees(vector, span.passage(), span.text())) {
				why = "agreement";
			}
			else {
				return new Outcome(true, span.passage(), composed.text(), (attempt == 0) ? "answered" : "fallback");
			}
			if (!variant.fallbackOn().contains(why)) {
				break;
			}
			left.remove(span.passage());
		}
		return new Outcome(false, null, "", why);
	}

}
