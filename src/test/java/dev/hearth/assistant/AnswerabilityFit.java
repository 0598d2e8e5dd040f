package dev.hearth.assistant;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fits {@link AnswerabilityModel}'s weights on the spans the benchmarks judged: the rows
 * of {@code Doc2dialBenchmark -Dbench.split=dev} (doc2dial questions from dialogues that
 * the reported split does not use, with generated negatives) and of
 * {@code SampleAnswerBenchmark} on the two development sets, never the held-out or fresh
 * ones. A span is a positive when it would be a right answer, a negative otherwise (a
 * generated negative, an unanswerable sample question, or an answerable question's wrong
 * passage); the sample's rows weigh {@code fit.sampleWeight} (3) each, as they are few
 * and the product's own content. Prints five-fold cross-validated figures (folds by
 * dialogue) of the learned check against the hand rule it replaces (coverage 0.4 and BM25
 * rank 3 or a sentence similarity of 0.6) and hand thresholds tuned on the same training
 * folds; the threshold is the one whose held-out predictions give doc2dial the most
 * answers cited plus negatives escalated while the sample's development sets keep at
 * least as many right document answers as under the hand rule; then the weights fitted on
 * all rows, as configuration. Run with
 * {@code mvn test -Dtest=AnswerabilityFit -Dfit.rows=a.json,b.json}; skipped without
 * {@code fit.rows}.
 */
class AnswerabilityFit {

	static final double L2 = 0.01;

	record Row(String group, boolean answerable, boolean right, double[] x, boolean sample, boolean answeredBefore) {
	}

	@Test
	void fit() throws Exception {
		String files = System.getProperty("fit.rows");
		Assumptions.assumeTrue(files != null, "pass -Dfit.rows=FILE,FILE (rows written by the benchmarks)");
		double sampleWeight = Double.parseDouble(System.getProperty("fit.sampleWeight", "3"));
		JsonMapper json = JsonMapper.builder().build();
		List<Row> rows = new ArrayList<>();
		int[] totals = new int[2];
		for (String file : files.split(",")) {
			for (JsonNode row : json.readTree(Files.readString(Path.of(file.strip())))) {
				boolean answerable = "answerable".equals(row.get("kind").asString());
				String id = row.get("id").asString();
				boolean sample = id.contains(":");
				if (!sample) {
					totals[answerable ? 0 : 1]++;
				}
				if (!row.get("judged").asBoolean()) {
					continue;
				}
				double[] x = new double[SpanFeatures.NAMES.size()];
				for (int i = 0; i < x.length; i++) {
					x[i] = row.get("features").get(SpanFeatures.NAMES.get(i)).asDouble();
				}
				String group = id.contains("_") ? id.substring(0, id.lastIndexOf('_')) : id;
				rows.add(new Row(group, answerable, row.get("judgedRight").asBoolean(), x, sample,
						row.get("judgedAnswers").asBoolean()));
			}
		}
		List<Row> doc2dial = rows.stream().filter((r) -> !r.sample()).toList();
		List<Row> sample = rows.stream().filter(Row::sample).toList();
		System.out.printf(
				"%ndoc2dial: %d answerable and %d unanswerable questions, %d judged spans (%d right); "
						+ "sample: %d judged spans (%d right)%n",
				totals[0], totals[1], doc2dial.size(), doc2dial.stream().filter(Row::right).count(), sample.size(),
				sample.stream().filter(Row::right).count());
		// five folds by dialogue: every span gets a probability from a model that did not
		// see its dialogue
		int folds = 5;
		Map<Row, Double> heldOut = new IdentityHashMap<>();
		int[] tuned = new int[2];
		for (int fold = 0; fold < folds; fold++) {
			int f = fold;
			List<Row> train = rows.stream().filter((r) -> Math.floorMod(r.group().hashCode(), folds) != f).toList();
			List<Row> test = rows.stream().filter((r) -> Math.floorMod(r.group().hashCode(), folds) == f).toList();
			double[] w = fit(train, sampleWeight);
			test.forEach((r) -> heldOut.put(r, probability(w, r.x())));
			double[] hand = bestHand(train.stream().filter((r) -> !r.sample()).toList(), totals);
			add(tuned, test.stream().filter((r) -> !r.sample()).toList(), (x) -> hand(hand, x));
		}
		long sampleRightBefore = sample.stream().filter((r) -> r.right() && r.answeredBefore()).count();
		long sampleWrongBefore = sample.stream().filter((r) -> !r.right() && r.answeredBefore()).count();
		int[] rule = new int[2];
		add(rule, doc2dial, AnswerabilityFit::handRule);
		System.out.println("held-out folds: doc2dial answer cited / unanswerable escalated (of all questions); "
				+ "sample development sets: right document spans shown, wrong ones shown");
		System.out.printf(Locale.ROOT, "  %-52s %s; sample %d, %d%n",
				"hand rule (coverage 0.4, BM25 rank 3 or sentence 0.6)", rates(rule, doc2dial, totals),
				sampleRightBefore, sampleWrongBefore);
		System.out.printf(Locale.ROOT, "  %-52s %s%n", "hand thresholds tuned on the training folds",
				rates(tuned, doc2dial, totals));
		// the model that ships, and the right spans it keeps on each development set
		double[] w = fit(rows, sampleWeight);
		Map<String, List<Row>> sets = new java.util.TreeMap<>();
		sample.forEach(
				(r) -> sets.computeIfAbsent(r.group().substring(0, r.group().indexOf(':')), (key) -> new ArrayList<>())
					.add(r));
		double chosen = Double.NaN;
		double bestScore = -1;
		for (double t = 0.1; t <= 0.6001; t += 0.025) {
			double threshold = t;
			int[] counts = new int[2];
			add(counts, doc2dial, heldOut, threshold);
			long right = sample.stream().filter((r) -> r.right() && heldOut.get(r) >= threshold).count();
			long wrong = sample.stream().filter((r) -> !r.right() && heldOut.get(r) >= threshold).count();
			System.out.printf(Locale.ROOT, "  logistic regression, threshold %.3f %20s %s; sample %d, %d%n", t, "",
					rates(counts, doc2dial, totals), right, wrong);
			double score = counts[0] / (double) totals[0]
					+ (totals[1] - negatives(doc2dial) + counts[1]) / (double) totals[1];
			boolean everySetKept = sets.values()
				.stream()
				.allMatch((set) -> set.stream()
					.filter((r) -> r.right() && probability(w, r.x()) >= threshold)
					.count() >= set.stream().filter((r) -> r.right() && r.answeredBefore()).count());
			// the threshold that serves doc2dial best without fewer right answers on the
			// sample: held out, and on each development set with the weights that ship
			if (right >= sampleRightBefore && everySetKept && score > bestScore) {
				bestScore = score;
				chosen = t;
			}
		}
		System.out.printf(Locale.ROOT, "fitted on all rows (sample rows weighted %.1f), threshold %.3f%n", sampleWeight,
				chosen);
		StringBuilder weights = new StringBuilder();
		for (int i = 0; i < SpanFeatures.NAMES.size(); i++) {
			weights.append((i > 0) ? ", " : "").append(String.format(Locale.ROOT, "%.3f", w[i + 1]));
			System.out.printf(Locale.ROOT, "  %-20s %8.3f%n", SpanFeatures.NAMES.get(i), w[i + 1]);
		}
		System.out.printf(Locale.ROOT, "  %-20s %8.3f%n", "bias", w[0]);
		System.out.printf(Locale.ROOT, "weights: [%s]  bias: %.3f  threshold: %.3f%n", weights, w[0], chosen);
	}

	private static long negatives(List<Row> rows) {
		return rows.stream().filter((r) -> !r.answerable()).count();
	}

	private static String rates(int[] counts, List<Row> rows, int[] totals) {
		double escalated = (totals[1] - negatives(rows) + counts[1]) / (double) totals[1];
		return String.format(Locale.ROOT, "%.3f / %.3f", counts[0] / (double) totals[0], escalated);
	}

	private static void add(int[] counts, List<Row> rows, Map<Row, Double> probabilities, double threshold) {
		add(counts, rows.stream().filter((r) -> probabilities.get(r) >= threshold).toList(), (x) -> true);
		counts[1] += rows.stream().filter((r) -> !r.answerable() && probabilities.get(r) < threshold).count();
	}

	/** Counts right answers given (0) and negatives refused (1) on the rows. */
	private static void add(int[] counts, List<Row> rows, java.util.function.Predicate<double[]> answers) {
		for (Row row : rows) {
			boolean answered = answers.test(row.x());
			counts[0] += (answered && row.right()) ? 1 : 0;
			counts[1] += (!row.answerable() && !answered) ? 1 : 0;
		}
	}

	static boolean handRule(double[] x) {
		return x[4] >= 0.4 && (x[0] >= 1.0 / 3 || x[3] >= 0.6);
	}

	private static boolean hand(double[] t, double[] x) {
		return x[4] >= t[0] && (x[0] >= t[1] || x[3] >= t[2]);
	}

	/** Coverage, BM25 rank and sentence similarity thresholds with the best score. */
	private static double[] bestHand(List<Row> rows, int[] totals) {
		double[] best = null;
		double bestScore = -1;
		for (double coverage : new double[] { 0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8 }) {
			for (int rank : new int[] { 1, 2, 3, 4, 5, 8 }) {
				for (double sentence = 0.4; sentence <= 0.9; sentence += 0.05) {
					double[] t = { coverage, 1.0 / rank - 1e-9, sentence };
					int[] counts = new int[2];
					add(counts, rows, (x) -> hand(t, x));
					double score = counts[0] / (double) totals[0] + counts[1] / (double) totals[1];
					if (score > bestScore) {
						bestScore = score;
						best = t;
					}
				}
			}
		}
		return best;
	}

	static double probability(double[] w, double[] x) {
		double z = w[0];
		for (int i = 0; i < x.length; i++) {
			z += w[i + 1] * x[i];
		}
		return 1 / (1 + Math.exp(-z));
	}

	/** L2-regularised logistic regression by Newton's method; w[0] is the bias. */
	static double[] fit(List<Row> rows, double sampleWeight) {
		int d = SpanFeatures.NAMES.size() + 1;
		double[] w = new double[d];
		for (int iteration = 0; iteration < 50; iteration++) {
			double[] gradient = new double[d];
			double[][] hessian = new double[d][d];
			for (Row row : rows) {
				double[] x = new double[d];
				x[0] = 1;
				System.arraycopy(row.x(), 0, x, 1, d - 1);
				double p = probability(w, row.x());
				double y = row.right() ? 1 : 0;
				double weight = row.sample() ? sampleWeight : 1;
				for (int i = 0; i < d; i++) {
					gradient[i] += weight * (p - y) * x[i];
					for (int j = 0; j < d; j++) {
						hessian[i][j] += weight * p * (1 - p) * x[i] * x[j];
					}
				}
			}
			for (int i = 1; i < d; i++) {
				gradient[i] += L2 * w[i];
				hessian[i][i] += L2;
			}
			for (int i = 0; i < d; i++) {
				hessian[i][i] += 1e-9;
			}
			double[] step = solve(hessian, gradient);
			double change = 0;
			for (int i = 0; i < d; i++) {
				w[i] -= step[i];
				change = Math.max(change, Math.abs(step[i]));
			}
			if (change < 1e-8) {
				break;
			}
		}
		return w;
	}

	private static double[] solve(double[][] a, double[] b) {
		int n = b.length;
		double[][] m = new double[n][];
		for (int i = 0; i < n; i++) {
			m[i] = Arrays.copyOf(a[i], n + 1);
			m[i][n] = b[i];
		}
		for (int c = 0; c < n; c++) {
			int pivot = c;
			for (int r = c + 1; r < n; r++) {
				if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
					pivot = r;
				}
			}
			double[] swap = m[c];
			m[c] = m[pivot];
			m[pivot] = swap;
			for (int r = 0; r < n; r++) {
				if (r != c) {
					double factor = m[r][c] / m[c][c];
					for (int k = c; k <= n; k++) {
						m[r][k] -= factor * m[c][k];
					}
				}
			}
		}
		double[] x = new double[n];
		for (int i = 0; i < n; i++) {
			x[i] = m[i][n] / m[i][i];
		}
		return x;
	}

}
