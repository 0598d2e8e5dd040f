package dev.hearth.assistant;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.hearth.knowledge.BundledEmbeddings;
import dev.hearth.retrieval.PassageKind;
import dev.hearth.retrieval.SearchHit;

/**
 * Fits the weights of {@link ExtractiveAnswers}' span score on what the extractive
 * composer was offered in {@code Doc2dialBenchmark -Dbench.split=dev} (the passages of
 * every answerable question, written to the rows as {@code offered}): a conditional logit
 * over the candidate windows of a question ({@link SpanWindows}), the right windows those
 * of the passage that holds the gold span and that cover it (or, when none covers it, all
 * of that passage's windows). Prints, five-fold by dialogue, how often the chosen
 * window's passage holds the gold span and how often the window itself covers it, for the
 * score before (hand weights) and the fitted one, then the weights fitted on all rows.
 * Run with
 * {@code mvn test -Dtest=SpanChoiceFit -Dfit.rows=target/bench/doc2dial-dev-questions.json};
 * skipped without {@code fit.rows}.
 */
class SpanChoiceFit {

	static final double L2 = Double.parseDouble(System.getProperty("fit.l2", "0.01"));

	/**
	 * Whether every window of the gold passage counts as right
	 * ({@code fit.target=passage}), not only those covering the gold span: the fit then
	 * learns the passage, not the span's length.
	 */
	static final boolean PASSAGE_TARGET = "passage".equals(System.getProperty("fit.target"));

	/** One answerable question: its windows and which are right. */
	record Choice(String dialogue, List<double[]> x, boolean[] right, boolean[] passageGold, boolean[] covers) {
	}

	public static void main(String[] args) throws Exception {
		if (System.getProperty("sweep.rows") != null) {
			new SpanChoiceFit().sweep();
		}
		else if (System.getProperty("fit.heldout") != null) {
			new SpanChoiceFit().crossFit();
		}
		else {
			new SpanChoiceFit().fit();
		}
	}

	/**
	 * The least span score a document answer needs, swept on the rows of a run with the
	 * shipped weights ({@code sweep.rows}): answer cited and negatives escalated if
	 * answers whose best window scores below it were escalated.
	 */
	@Test
	void sweep() throws Exception {
		String file = System.getProperty("sweep.rows");
		Assumptions.assumeTrue(file != null, "pass -Dsweep.rows=FILE (rows of a run with the shipped weights)");
		JsonMapper json = JsonMapper.builder().build();
		List<double[]> answerable = new ArrayList<>();
		List<double[]> negatives = new ArrayList<>();
		StringBuilder scores = new StringBuilder();
		for (JsonNode row : json.readTree(Files.readString(Path.of(file)))) {
			boolean isAnswerable = "answerable".equals(row.get("kind").asString());
			boolean answered = "ANSWERED".equals(row.get("decision").asString());
			boolean right = isAnswerable && "right".equals(row.get("outcome").asString());
			double score = Double.NEGATIVE_INFINITY;
			boolean chosenGold = false;
			if (row.get("offered") != null) {
				List<Passage> passages = new ArrayList<>();
				List<List<ExtractiveAnswers.Unit>> units = new ArrayList<>();
				Map<Passage, Boolean> gold = new java.util.IdentityHashMap<>();
				for (JsonNode p : row.get("offered")) {
					SearchHit hit = new SearchHit("x", "d", "g", PassageKind.DOCUMENT_CHUNK, p.get("source").asString(),
							p.get("title").asString(), p.get("sectionPath").asString(), p.get("passage").asString(),
							"c", "en", Map.of(), 1, p.get("bm25Rank").asInt(), p.get("vectorRank").asInt(),
							(float) p.get("similarity").asDouble());
					passages.add(new Passage(hit, p.get("similarity").asDouble()));
					units.add(ExtractiveAnswers.units(hit.passage(), Locale.ENGLISH));
					gold.put(passages.get(passages.size() - 1), p.get("gold").asBoolean());
				}
				String previous = row.get("previousAnswer").asString();
				String said = AnswerGrade.normalise(previous);
				for (SpanWindows.Window w : SpanWindows.of(row.get("offeredQuery").asString(), null, passages, units, 3,
						previous, (u) -> !said.isEmpty() && said.contains(AnswerGrade.normalise(u.text())), null)) {
					if (w.score(ExtractiveAnswers.FITTED_WEIGHTS) > score) {
						score = w.score(ExtractiveAnswers.FITTED_WEIGHTS);
						chosenGold = gold.get(w.passage());
					}
				}
			}
			scores.append(row.get("id").asString()).append('\t').append(score).append('\n');
			(isAnswerable ? answerable : negatives)
				.add(new double[] { answered ? 1 : 0, right ? 1 : 0, score, chosenGold ? 1 : 0 });
		}
		if (System.getProperty("sweep.scores") != null) {
			Files.writeString(Path.of(System.getProperty("sweep.scores")), scores);
		}
		long gatedGold = answerable.stream().filter((r) -> r[0] == 0 && r[3] == 1).count();
		System.out.printf("%nanswerable escalated whose chosen span is the gold passage's: %d; by score band:%n",
				gatedGold);
		for (double least = 2; least <= 9.01; least += 0.5) {
			double bar = least;
			System.out.printf(Locale.ROOT, "  [%.1f, %.1f): %d escalated gold, %d negatives escalated%n", bar,
					bar + 0.5,
					answerable.stream()
						.filter((r) -> r[0] == 0 && r[3] == 1 && r[2] >= bar && r[2] < bar + 0.5)
						.count(),
					negatives.stream().filter((r) -> r[0] == 0 && r[2] >= bar && r[2] < bar + 0.5).count());
		}
		System.out.printf("%nleast score   answer cited   negatives escalated   (%d answerable, %d negatives)%n",
				answerable.size(), negatives.size());
		for (double least = 2; least <= 9.01; least += 0.25) {
			double bar = least;
			long cited = answerable.stream().filter((r) -> r[1] == 1 && r[2] >= bar).count();
			long escalated = negatives.stream().filter((r) -> r[0] == 0 || r[2] < bar).count();
			System.out.printf(Locale.ROOT, "  %.2f   %.3f   %.3f%n", least, cited / (double) answerable.size(),
					escalated / (double) negatives.size());
		}
	}

	@Test
	void fit() throws Exception {
		String files = System.getProperty("fit.rows");
		Assumptions.assumeTrue(files != null, "pass -Dfit.rows=FILE (rows written by Doc2dialBenchmark)");
		int maxUnits = Integer.getInteger("fit.maxUnits", 3);
		JsonMapper json = JsonMapper.builder().build();
		Function<String, float[]> model = Boolean.getBoolean("fit.units") ? BundledEmbeddings.open() : null;
		Map<String, float[]> cache = new HashMap<>();
		Function<String, float[]> embed = (model == null) ? null : (text) -> cache.computeIfAbsent(text, model);
		List<Choice> choices = new ArrayList<>();
		int[] counts = new int[2];
		for (String file : files.split(",")) {
			choices.addAll(choices(json.readTree(Files.readString(Path.of(file.strip()))), maxUnits, embed, counts));
		}
		int answerable = counts[0];
		int offeredGold = counts[1];
		int f = SpanWindows.NAMES.size();
		System.out.printf("%nanswerable %d, gold passage offered %d, with windows %d, a gold window among them %d%n",
				answerable, offeredGold, choices.size(), choices.stream().filter((c) -> any(c.passageGold())).count());
		double[] before = new double[f];
		before[SpanWindows.NAMES.indexOf("coverage")] = 2.0 / 3;
		before[SpanWindows.NAMES.indexOf("spanCoverage")] = 1.0 / 3;
		before[SpanWindows.NAMES.indexOf("passageSimilarity")] = 0.2;
		before[SpanWindows.NAMES.indexOf("length")] = -0.01;
		report("before (hand weights)", choices, before, answerable);
		String[] subsets = System.getProperty("fit.subsets", "all").split(";");
		for (String subset : subsets) {
			boolean[] use = new boolean[f];
			for (int i = 0; i < f; i++) {
				use[i] = "all".equals(subset) || List.of(subset.split(",")).contains(SpanWindows.NAMES.get(i));
			}
			// five folds by dialogue
			int folds = 5;
			int[] chosenGold = new int[1];
			int[] chosenCovers = new int[1];
			for (int fold = 0; fold < folds; fold++) {
				List<Choice> train = new ArrayList<>();
				List<Choice> test = new ArrayList<>();
				for (Choice c : choices) {
					(Math.floorMod(c.dialogue().hashCode(), folds) == fold ? test : train).add(c);
				}
				double[] w = fit(train, use);
				for (Choice c : test) {
					int best = argmax(c, w);
					chosenGold[0] += c.passageGold()[best] ? 1 : 0;
					chosenCovers[0] += c.covers()[best] ? 1 : 0;
				}
			}
			System.out.printf("held out, features %-60s  passage gold %.3f  window covers gold %.3f%n", subset,
					chosenGold[0] / (double) answerable, chosenCovers[0] / (double) answerable);
			double[] all = fit(choices, use);
			report("fitted on all, " + subset, choices, all, answerable);
			StringBuilder weights = new StringBuilder();
			for (int i = 0; i < f; i++) {
				weights.append(String.format(Locale.ROOT, "%s%.3f", (i > 0) ? "," : "", all[i]));
			}
			System.out.println("  weights (" + String.join(",", SpanWindows.NAMES) + "): " + weights);
		}
	}

	/**
	 * The answerable questions of a benchmark run's rows as choices among their windows;
	 * {@code counts} gains the answerable questions and those offered the gold passage.
	 */
	static List<Choice> choices(JsonNode rows, int maxUnits, Function<String, float[]> embed, int[] counts) {
		List<Choice> choices = new ArrayList<>();
		for (JsonNode row : rows) {
			if (!"answerable".equals(row.get("kind").asString())) {
				continue;
			}
			counts[0]++;
			if (row.get("offered") == null) {
				continue;
			}
			String query = row.get("offeredQuery").asString();
			String gold = row.get("gold").asString();
			String previous = row.get("previousAnswer").asString();
			List<Passage> passages = new ArrayList<>();
			List<List<ExtractiveAnswers.Unit>> units = new ArrayList<>();
			Map<Passage, Boolean> gole = new java.util.IdentityHashMap<>();
			boolean anyGold = false;
			for (JsonNode p : row.get("offered")) {
				SearchHit hit = new SearchHit("x", "d", "g", PassageKind.DOCUMENT_CHUNK, p.get("source").asString(),
						p.get("title").asString(), p.get("sectionPath").asString(), p.get("passage").asString(), "c",
						"en", Map.of(), 1, p.get("bm25Rank").asInt(), p.get("vectorRank").asInt(),
						(float) p.get("similarity").asDouble());
				Passage passage = new Passage(hit, p.get("similarity").asDouble());
				passages.add(passage);
				units.add(ExtractiveAnswers.units(hit.passage(), Locale.ENGLISH));
				gole.put(passage, p.get("gold").asBoolean());
				anyGold |= p.get("gold").asBoolean();
			}
			counts[1] += anyGold ? 1 : 0;
			String said = AnswerGrade.normalise(previous);
			List<SpanWindows.Window> windows = SpanWindows.of(query, (embed != null) ? embed.apply(query) : null,
					passages, units, maxUnits, previous,
					(u) -> !said.isEmpty() && said.contains(AnswerGrade.normalise(u.text())), embed);
			if (windows.isEmpty()) {
				continue;
			}
			int n = windows.size();
			boolean[] passageGold = new boolean[n];
			boolean[] covers = new boolean[n];
			boolean[] right = new boolean[n];
			boolean anyCover = false;
			List<double[]> x = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				SpanWindows.Window w = windows.get(i);
				passageGold[i] = gole.get(w.passage());
				StringBuilder text = new StringBuilder(ExtractiveAnswers.heading(w.passage().hit().sectionPath()));
				for (int u = w.from(); u <= w.to(); u++) {
					text.append(' ').append(w.units().get(u).text());
				}
				covers[i] = passageGold[i] && Doc2dialBenchmark.covers(text.toString(), gold);
				anyCover |= covers[i];
				x.add(w.features());
			}
			for (int i = 0; i < n; i++) {
				right[i] = (anyCover && !PASSAGE_TARGET) ? covers[i] : passageGold[i];
			}
			choices
				.add(new Choice(Doc2dialSplits.dialogueOfId(row.get("id").asString()), x, right, passageGold, covers));
		}
		return choices;
	}

	/**
	 * Cross-fitted by dialogue ({@link Doc2dialSplits#fold}): the weights judging the
	 * development questions ({@code fit.heldout}) of fold k are fitted on the rows of
	 * {@code fit.rows} and {@code fit.heldout} whose dialogue is in another fold, so no
	 * development question is judged by weights fitted on its own dialogue and nothing of
	 * a reported question's dialogue is in any row. Prints how often the chosen window's
	 * passage holds the gold span and how often the window covers it, for the hand
	 * weights, the weights in use and the cross-fitted ones; writes the five fold weights
	 * and the weights fitted on all rows to {@code fit.out} (for {@link SpanReplay}).
	 * Skipped without {@code fit.heldout}.
	 */
	@Test
	void crossFit() throws Exception {
		String heldout = System.getProperty("fit.heldout");
		Assumptions.assumeTrue(heldout != null, "pass -Dfit.heldout=FILE -Dfit.rows=FILES (rows of Doc2dialBenchmark)");
		JsonMapper json = JsonMapper.builder().build();
		int[] devCounts = new int[2];
		List<Choice> dev = choices(json.readTree(Files.readString(Path.of(heldout))), 3, null, devCounts);
		List<Choice> all = new ArrayList<>(dev);
		int[] trainCounts = new int[2];
		for (String file : System.getProperty("fit.rows", "").split(",")) {
			if (!file.isBlank()) {
				all.addAll(choices(json.readTree(Files.readString(Path.of(file.strip()))), 3, null, trainCounts));
			}
		}
		int f = SpanWindows.NAMES.size();
		boolean[] use = new boolean[f];
		java.util.Arrays.fill(use, true);
		use[SpanWindows.NAMES.indexOf("unitSimilarity")] = false;
		System.out.printf(
				"%ndevelopment: answerable %d, gold offered %d, with windows %d; training rows: answerable %d,"
						+ " gold offered %d; all choices %d%n",
				devCounts[0], devCounts[1], dev.size(), trainCounts[0], trainCounts[1], all.size());
		report("development, hand weights", dev, ExtractiveAnswers.HAND_WEIGHTS, devCounts[0]);
		report("development, weights in use (ADR 0041)", dev, ExtractiveAnswers.WEIGHTS, devCounts[0]);
		report("development, ADR 0031's fitted weights", dev, ExtractiveAnswers.FITTED_WEIGHTS, devCounts[0]);
		StringBuilder out = new StringBuilder("{\"folds\": [");
		int gold = 0;
		int covers = 0;
		int goldDevOnly = 0;
		int coversDevOnly = 0;
		for (int fold = 0; fold < Doc2dialSplits.FOLDS; fold++) {
			int k = fold;
			List<Choice> train = all.stream().filter((c) -> Doc2dialSplits.fold(c.dialogue()) != k).toList();
			List<Choice> devOnly = dev.stream().filter((c) -> Doc2dialSplits.fold(c.dialogue()) != k).toList();
			double[] w = fit(train, use);
			double[] wDev = fit(devOnly, use);
			for (Choice c : dev) {
				if (Doc2dialSplits.fold(c.dialogue()) == k) {
					gold += c.passageGold()[argmax(c, w)] ? 1 : 0;
					covers += c.covers()[argmax(c, w)] ? 1 : 0;
					goldDevOnly += c.passageGold()[argmax(c, wDev)] ? 1 : 0;
					coversDevOnly += c.covers()[argmax(c, wDev)] ? 1 : 0;
				}
			}
			out.append((fold > 0) ? ", " : "").append(array(w));
		}
		System.out.printf("%-70s passage gold %.3f  window covers gold %.3f%n",
				"development, cross-fitted on the other folds' development rows only",
				goldDevOnly / (double) devCounts[0], coversDevOnly / (double) devCounts[0]);
		System.out.printf("%-70s passage gold %.3f  window covers gold %.3f%n",
				"development, cross-fitted on the other folds' training + development rows",
				gold / (double) devCounts[0], covers / (double) devCounts[0]);
		double[] w = fit(all, use);
		report("development, fitted on all rows (in sample)", dev, w, devCounts[0]);
		System.out.println("  weights (" + String.join(",", SpanWindows.NAMES) + "): " + array(w));
		out.append("], \"all\": ").append(array(w)).append("}\n");
		if (System.getProperty("fit.out") != null) {
			Files.writeString(Path.of(System.getProperty("fit.out")), out);
		}
	}

	private static String array(double[] w) {
		StringBuilder s = new StringBuilder("[");
		for (int i = 0; i < w.length; i++) {
			s.append(String.format(Locale.ROOT, "%s%.4f", (i > 0) ? ", " : "", w[i]));
		}
		return s.append(']').toString();
	}

	private static boolean any(boolean[] values) {
		for (boolean v : values) {
			if (v) {
				return true;
			}
		}
		return false;
	}

	private static void report(String name, List<Choice> choices, double[] w, int answerable) {
		int gold = 0;
		int covers = 0;
		for (Choice c : choices) {
			int best = argmax(c, w);
			gold += c.passageGold()[best] ? 1 : 0;
			covers += c.covers()[best] ? 1 : 0;
		}
		System.out.printf("%-70s passage gold %.3f  window covers gold %.3f%n", name, gold / (double) answerable,
				covers / (double) answerable);
	}

	private static int argmax(Choice c, double[] w) {
		int best = 0;
		double bestScore = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < c.x().size(); i++) {
			double s = dot(c.x().get(i), w);
			if (s > bestScore) {
				bestScore = s;
				best = i;
			}
		}
		return best;
	}

	private static double dot(double[] x, double[] w) {
		double s = 0;
		for (int i = 0; i < w.length; i++) {
			s += x[i] * w[i];
		}
		return s;
	}

	/**
	 * Conditional logit: maximises the log of the probability mass on the right windows,
	 * L2-regularised, by gradient ascent with a step that adapts.
	 */
	static double[] fit(List<Choice> choices, boolean[] use) {
		int f = use.length;
		double[] w = new double[f];
		double step = 0.5;
		double previous = Double.NEGATIVE_INFINITY;
		for (int iteration = 0; iteration < 3000; iteration++) {
			double[] gradient = new double[f];
			double objective = 0;
			int counted = 0;
			for (Choice c : choices) {
				if (!any(c.right())) {
					continue;
				}
				counted++;
				int n = c.x().size();
				double[] s = new double[n];
				double max = Double.NEGATIVE_INFINITY;
				for (int i = 0; i < n; i++) {
					s[i] = dot(c.x().get(i), w);
					max = Math.max(max, s[i]);
				}
				double all = 0;
				double right = 0;
				for (int i = 0; i < n; i++) {
					double e = Math.exp(s[i] - max);
					all += e;
					right += c.right()[i] ? e : 0;
				}
				objective += Math.log(right / all);
				for (int i = 0; i < n; i++) {
					double e = Math.exp(s[i] - max);
					double pAll = e / all;
					double pRight = c.right()[i] ? e / right : 0;
					for (int k = 0; k < f; k++) {
						gradient[k] += (pRight - pAll) * c.x().get(i)[k];
					}
				}
			}
			objective /= Math.max(1, counted);
			double penalty = 0;
			for (int k = 0; k < f; k++) {
				penalty += L2 * w[k] * w[k];
			}
			objective -= penalty;
			if (objective < previous) {
				step /= 2;
			}
			else {
				step *= 1.05;
			}
			previous = objective;
			for (int k = 0; k < f; k++) {
				if (use[k]) {
					w[k] += step * (gradient[k] / Math.max(1, counted) - 2 * L2 * w[k]);
				}
			}
		}
		return w;
	}

}
