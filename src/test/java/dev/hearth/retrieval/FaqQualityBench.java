package dev.hearth.retrieval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.hearth.retrieval.BitextData.Split;
import dev.hearth.retrieval.BitextData.Utterance;
import dev.hearth.retrieval.HybridSearcher.Retrieved;
import dev.hearth.retrieval.ScoreFusion.Normalisation;

/**
 * Retrieval quality on the Bitext split: held-out utterances are queries, the other
 * utterances of each intent are the phrasings of one FAQ entry, and a query succeeds when
 * its intent is among the top groups. The linear blend is tuned on the development
 * queries and every mode is then measured on the test queries. For the benchmark only.
 */
final class FaqQualityBench {

	static final int TOP = 5;

	static final int SPARSE_PHRASINGS = 10;

	private final List<Utterance> data;

	private final float[][] vectors;

	private final Path directory;

	private final String modelId;

	private final BenchReport report;

	FaqQualityBench(List<Utterance> data, float[][] vectors, Path directory, String modelId, BenchReport report) {
		this.data = data;
		this.vectors = vectors;
		this.directory = directory;
		this.modelId = modelId;
		this.report = report;
	}

	/** Ranks of the right group for each query (0 when missing), summarised. */
	record Metrics(double recallAt1, double recallAt5, double mrrAt5, int queries) {

		static Metrics of(int[] ranks) {
			double at1 = 0;
			double at5 = 0;
			double reciprocal = 0;
			for (int rank : ranks) {
				at1 += (rank == 1) ? 1 : 0;
				at5 += (rank >= 1 && rank <= TOP) ? 1 : 0;
				reciprocal += (rank >= 1 && rank <= TOP) ? 1.0 / rank : 0;
			}
			return new Metrics(at1 / ranks.length, at5 / ranks.length, reciprocal / ranks.length, ranks.length);
		}

		Map<String, Object> toJson() {
			return Map.of("recall_at_1", BenchReport.round(this.recallAt1), "recall_at_5",
					BenchReport.round(this.recallAt5), "mrr_at_5", BenchReport.round(this.mrrAt5), "queries",
					this.queries);
		}

	}

	Map<String, Object> run(long seed, int heldOutCap) throws IOException {
		Split split = BitextData.split(this.data, seed, heldOutCap);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("seed", seed);
		json.put("intents", split.faqByIntent().size());
		json.put("held_out_per_intent", "min(" + heldOutCap + ", n/5) each for dev and test");
		json.put("dev_queries", split.dev().size());
		json.put("test_queries", split.test().size());
		try (PassageIndex index = PassageIndex.open(this.directory, this.vectors[0].length)) {
			Map<String, Double> devMrr = new LinkedHashMap<>();
			index.rebuild(faqPassages(split, Integer.MAX_VALUE).iterator(), 1, this.modelId);
			json.put("faq_phrasings_full", index.size());
			json.put("linear_sweep_dev_full", sweep(index, split, "full FAQ", devMrr));
			Map<String, int[]> fullRanks = new LinkedHashMap<>();
			this.report.line("");
			this.report.line("FAQ recall on Bitext, %d test queries, %d intents, full FAQ: %d phrasings",
					split.test().size(), split.faqByIntent().size(), index.size());
			json.put("test_full", evaluateModes(index, split.test(), fullRanks));

			index.rebuild(faqPassages(split, SPARSE_PHRASINGS).iterator(), 2, this.modelId);
			json.put("faq_phrasings_sparse", index.size());
			json.put("linear_sweep_dev_sparse", sweep(index, split, "sparse FAQ", devMrr));
			String best = devMrr.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
			this.report.line("  best linear over both dev regimes (sum of MRR@5): %s; configured: %s w=%.2f", best,
					ScoreFusion.LINEAR_NORMALISATION, ScoreFusion.LINEAR_BM25_WEIGHT);
			json.put("linear_best_dev_both", best);
			json.put("linear_configured", ScoreFusion.LINEAR_NORMALISATION + " w=" + ScoreFusion.LINEAR_BM25_WEIGHT);
			Map<String, int[]> sparseRanks = new LinkedHashMap<>();
			this.report.line("");
			this.report.line("FAQ recall on Bitext, same test queries, sparse FAQ: %d phrasings per intent (%d)",
					SPARSE_PHRASINGS, index.size());
			json.put("test_sparse", evaluateModes(index, split.test(), sparseRanks));
			this.report.line("");
			json.put("sign_test_linear_vs_rrf",
					Map.of("full", signTest("full FAQ", fullRanks), "sparse", signTest("sparse FAQ", sparseRanks)));
		}
		return json;
	}

	private Map<String, Object> sweep(PassageIndex index, Split split, String label, Map<String, Double> devMrr)
			throws IOException {
		List<Retrieved> retrieved = new ArrayList<>();
		for (int i : split.dev()) {
			retrieved.add(index.searcher()
				.retrieve(new PassageQuery(this.data.get(i).text(), this.vectors[i], TOP, Map.of(), Fusion.RRF)));
		}
		List<Integer> dev = split.dev();
		Map<String, Object> json = new LinkedHashMap<>();
		List<Map<String, Object>> grid = new ArrayList<>();
		String best = null;
		Metrics bestMetrics = null;
		this.report.line("");
		this.report.line("Linear blend sweep, %s, %d dev queries: MRR@5 / recall@5 by BM25 weight w", label,
				dev.size());
		StringBuilder header = new StringBuilder(String.format("  %-8s", "norm"));
		for (int step = 0; step <= 10; step++) {
			header.append(String.format(" %11.1f", step / 10.0));
		}
		this.report.line("%s", header);
		for (Normalisation normalisation : Normalisation.values()) {
			StringBuilder row = new StringBuilder(String.format("  %-8s", normalisation));
			for (int step = 0; step <= 20; step++) {
				float weight = step / 20f;
				Metrics metrics = evaluate(retrieved, dev, (r) -> ScoreFusion
					.collapse(ScoreFusion.linear(r.bm25(), r.vector(), weight, normalisation), TOP));
				grid.add(Map.of("normalisation", normalisation.name(), "bm25_weight", weight, "mrr_at_5",
						BenchReport.round(metrics.mrrAt5()), "recall_at_5", BenchReport.round(metrics.recallAt5())));
				String config = normalisation + " w=" + weight;
				devMrr.merge(config, metrics.mrrAt5(), Double::sum);
				if (bestMetrics == null || metrics.mrrAt5() > bestMetrics.mrrAt5()) {
					best = config;
					bestMetrics = metrics;
				}
				if (step % 2 == 0) {
					row.append(String.format(" %5.3f/%5.3f", metrics.mrrAt5(), metrics.recallAt5()));
				}
			}
			this.report.line("%s", row);
		}
		Metrics rrf = evaluate(retrieved, dev,
				(r) -> ScoreFusion.collapse(ScoreFusion.rrf(r.bm25(), r.vector(), ScoreFusion.RRF_K), TOP));
		this.report.line("  best: %s (MRR@5 %.4f, recall@5 %.4f); RRF: MRR@5 %.4f, recall@5 %.4f", best,
				bestMetrics.mrrAt5(), bestMetrics.recallAt5(), rrf.mrrAt5(), rrf.recallAt5());
		json.put("best", best);
		json.put("best_metrics", bestMetrics.toJson());
		json.put("rrf", rrf.toJson());
		json.put("grid", grid);
		return json;
	}

	private Map<String, Object> evaluateModes(PassageIndex index, List<Integer> queries, Map<String, int[]> ranksByMode)
			throws IOException {
		Map<String, Object> json = new LinkedHashMap<>();
		this.report.line("  %-12s %9s %9s %9s", "mode", "recall@1", "recall@5", "MRR@5");
		for (Fusion fusion : List.of(Fusion.BM25_ONLY, Fusion.VECTOR_ONLY, Fusion.RRF, Fusion.LINEAR)) {
			int[] ranks = new int[queries.size()];
			for (int q = 0; q < ranks.length; q++) {
				int i = queries.get(q);
				List<SearchHit> hits = index.searcher()
					.search(new PassageQuery(this.data.get(i).text(), this.vectors[i], TOP, Map.of(), fusion));
				ranks[q] = rank(hits.stream().map(SearchHit::groupKey).toList(), i);
			}
			ranksByMode.put(fusion.name(), ranks);
			Metrics metrics = Metrics.of(ranks);
			this.report.line("  %-12s %9.4f %9.4f %9.4f", fusion, metrics.recallAt1(), metrics.recallAt5(),
					metrics.mrrAt5());
			json.put(fusion.name(), metrics.toJson());
		}
		return json;
	}

	/**
	 * A two-sided sign test on the queries where LINEAR and RRF rank the right intent
	 * differently (a miss counts as rank 6).
	 */
	private Map<String, Object> signTest(String label, Map<String, int[]> ranksByMode) {
		int[] linear = ranksByMode.get(Fusion.LINEAR.name());
		int[] rrf = ranksByMode.get(Fusion.RRF.name());
		int linearBetter = 0;
		int rrfBetter = 0;
		for (int q = 0; q < linear.length; q++) {
			int l = (linear[q] == 0) ? TOP + 1 : linear[q];
			int r = (rrf[q] == 0) ? TOP + 1 : rrf[q];
			linearBetter += (l < r) ? 1 : 0;
			rrfBetter += (r < l) ? 1 : 0;
		}
		double p = twoSidedSignTest(linearBetter, rrfBetter);
		this.report.line(
				"Sign test LINEAR vs RRF, %s: LINEAR ranks the intent higher on %d queries, RRF on %d; p = %.3f", label,
				linearBetter, rrfBetter, p);
		return Map.of("linear_better", linearBetter, "rrf_better", rrfBetter, "p_two_sided", BenchReport.round(p));
	}

	static double twoSidedSignTest(int a, int b) {
		int n = a + b;
		if (n == 0) {
			return 1;
		}
		int k = Math.min(a, b);
		double tail = 0;
		for (int i = 0; i <= k; i++) {
			tail += Math.exp(logChoose(n, i) - n * Math.log(2));
		}
		return Math.min(1, 2 * tail);
	}

	private static double logChoose(int n, int k) {
		double value = 0;
		for (int i = 1; i <= k; i++) {
			value += Math.log(n - k + i) - Math.log(i);
		}
		return value;
	}

	private Metrics evaluate(List<Retrieved> retrieved, List<Integer> queries, Function<Retrieved, List<Fused>> fuse) {
		int[] ranks = new int[queries.size()];
		for (int q = 0; q < ranks.length; q++) {
			ranks[q] = rank(fuse.apply(retrieved.get(q)).stream().map(Fused::groupKey).toList(), queries.get(q));
		}
		return Metrics.of(ranks);
	}

	private int rank(List<String> groupKeys, int query) {
		return groupKeys.indexOf(groupKey(this.data.get(query).intent())) + 1;
	}

	private List<IndexedPassage> faqPassages(Split split, int perIntent) {
		List<IndexedPassage> passages = new ArrayList<>();
		split.faqByIntent().forEach((intent, indexes) -> {
			for (int n = 0; n < Math.min(perIntent, indexes.size()); n++) {
				Utterance utterance = this.data.get(indexes.get(n));
				passages.add(new IndexedPassage(groupKey(intent) + "#" + n, groupKey(intent), groupKey(intent),
						PassageKind.FAQ, "bitext", intent, utterance.category(), utterance.text(),
						"Answer for " + intent, "en",
						Map.of("audience", List.of("customer"), "category", List.of(utterance.category())),
						"https://kb.example/faq/" + intent, this.vectors[indexes.get(n)]));
			}
		});
		return passages;
	}

	private static String groupKey(String intent) {
		return "faq:" + intent;
	}

}
