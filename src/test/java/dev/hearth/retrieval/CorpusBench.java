package dev.hearth.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.VectorUtil;

import dev.hearth.retrieval.BenchReport.Latency;
import dev.hearth.retrieval.BitextData.Utterance;

/**
 * A synthetic knowledge base of document chunks made from real sentences: each passage
 * joins three to six random Bitext utterances and carries the normalised mean of their
 * embeddings. Measures index build time, vector recall@10 against exact search, and
 * single-thread query latency of the Lucene part (query vectors are precomputed). For the
 * benchmark only.
 */
final class CorpusBench {

	static final int RECALL_K = 10;

	static final int TOP_K = 5;

	private static final String[] PRODUCTS = { "fibre", "dsl", "mobile", "tv", "energy" };

	private final List<Utterance> data;

	private final float[][] vectors;

	private final Path directory;

	private final BenchReport report;

	private final int dimensions;

	private final List<Integer> queryPool;

	private final List<IndexedPassage> passages = new ArrayList<>();

	private final float[][] corpus;

	private final String[] audiences;

	CorpusBench(List<Utterance> data, float[][] vectors, Path directory, BenchReport report, long seed, int size,
			int queries) {
		this.data = data;
		this.vectors = vectors;
		this.directory = directory;
		this.report = report;
		this.dimensions = vectors[0].length;
		List<Integer> shuffled = new ArrayList<>(IntStream.range(0, data.size()).boxed().toList());
		Collections.shuffle(shuffled, new Random(seed));
		this.queryPool = List.copyOf(shuffled.subList(0, queries));
		List<Integer> sentences = shuffled.subList(queries, shuffled.size());
		this.corpus = new float[size][];
		this.audiences = new String[size];
		Random random = new Random(seed + 1);
		for (int p = 0; p < size; p++) {
			int count = 3 + random.nextInt(4);
			StringBuilder text = new StringBuilder();
			float[] mean = new float[this.dimensions];
			for (int s = 0; s < count; s++) {
				int sentence = sentences.get(random.nextInt(sentences.size()));
				text.append((s == 0) ? "" : " ").append(data.get(sentence).text());
				for (int d = 0; d < this.dimensions; d++) {
					mean[d] += vectors[sentence][d] / count;
				}
			}
			double draw = random.nextDouble();
			this.audiences[p] = (draw < 0.70) ? "customer" : (draw < 0.95) ? "agent" : "partner";
			this.corpus[p] = Vectors.normalisedCopy(mean, this.dimensions);
			String documentId = "doc-" + (p / 8);
			this.passages.add(new IndexedPassage("p" + p, documentId, "p" + p, PassageKind.DOCUMENT_CHUNK, "bench",
					"Document " + documentId, "", text.toString(), text.toString(), "en",
					Map.of("audience", List.of(this.audiences[p]), "product",
							List.of(PRODUCTS[random.nextInt(PRODUCTS.length)])),
					"https://kb.example/" + documentId, mean));
		}
	}

	Map<String, Object> run(List<VectorFormat> formats, int warmup) throws IOException {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("passages", this.passages.size());
		json.put("queries", this.queryPool.size());
		json.put("top_k", TOP_K);
		json.put("candidate_depth", HybridSearcher.initialDepth(TOP_K));
		for (VectorFormat format : formats) {
			json.put(format.name(), runFormat(format, warmup, format == VectorFormat.DEFAULT));
		}
		return json;
	}

	private Map<String, Object> runFormat(VectorFormat format, int warmup, boolean allModes) throws IOException {
		Map<String, Object> json = new LinkedHashMap<>();
		Path path = this.directory.resolve("index-" + format.name().toLowerCase());
		deleteRecursively(path);
		this.report.line("");
		this.report.line("Corpus: %d passages, vector format %s%s", this.passages.size(), format,
				(format == VectorFormat.DEFAULT) ? " (default)" : "");
		try (PassageIndex index = PassageIndex.open(path, this.dimensions, format)) {
			long start = System.nanoTime();
			index.rebuild(this.passages.iterator(), 1, "bench");
			double buildSeconds = (System.nanoTime() - start) / 1e9;
			int segments = index.searcher().withSearcher((s) -> s.getIndexReader().leaves().size());
			double megabytes = directorySize(path) / 1e6;
			this.report.line("  build %.1f s, %d segments, %.0f MB on disk", buildSeconds, segments, megabytes);
			json.put("build_seconds", BenchReport.round(buildSeconds));
			json.put("segments", segments);
			json.put("disk_mb", BenchReport.round(megabytes));
			json.put("recall_at_10", recall(index));
			json.put("latency", latency(index, warmup, allModes));
		}
		deleteRecursively(path);
		return json;
	}

	private Map<String, Object> recall(PassageIndex index) throws IOException {
		int queries = Math.min(500, this.queryPool.size());
		int[] curveK = { 10, 25, 50, 100, 150, 200 };
		double raw = 0;
		double served = 0;
		double filtered = 0;
		double[] curve = new double[curveK.length];
		long[][] curveNanos = new long[curveK.length][queries];
		for (int q = 0; q < queries; q++) {
			float[] query = Vectors.normalisedCopy(this.vectors[this.queryPool.get(q)], this.dimensions);
			Set<String> exact = exactTop(query, null);
			Set<String> exactAgents = exactTop(query, "agent");
			raw += overlap(exact, index.searcher().withSearcher((s) -> hnswOnly(s, query)));
			for (int c = 0; c < curveK.length; c++) {
				int k = curveK[c];
				long start = System.nanoTime();
				List<Candidate> found = index.searcher()
					.withSearcher((s) -> VectorRetriever.retrieve(s, query, null, RECALL_K, k));
				curveNanos[c][q] = System.nanoTime() - start;
				curve[c] += overlap(exact, found.stream().map(Candidate::id).toList());
			}
			served += overlap(exact, ids(
					index.searcher().search(new PassageQuery(null, query, RECALL_K, Map.of(), Fusion.VECTOR_ONLY))));
			filtered += overlap(exactAgents,
					ids(index.searcher()
						.search(new PassageQuery(null, query, RECALL_K, Map.of("audience", Set.of("agent")),
								Fusion.VECTOR_ONLY))));
		}
		raw /= queries;
		served /= queries;
		filtered /= queries;
		this.report.line(
				"  vector recall@10 vs exact search, %d queries: HNSW k=10 alone %.4f | as served (HNSW k=%d,"
						+ " exact rescoring) %.4f | as served, filtered audience=agent %.4f",
				queries, raw, Math.max(HybridSearcher.initialDepth(RECALL_K), VectorRetriever.MIN_HNSW_K), served,
				filtered);
		StringBuilder header = new StringBuilder("    HNSW k, then exact rescoring:");
		StringBuilder recallRow = new StringBuilder("      recall@10                  ");
		StringBuilder latencyRow = new StringBuilder("      p50 ms (single call)       ");
		List<Map<String, Object>> curveJson = new ArrayList<>();
		for (int c = 0; c < curveK.length; c++) {
			Latency latency = Latency.of(curveNanos[c]);
			header.append(String.format(" %7d", curveK[c]));
			recallRow.append(String.format(" %7.4f", curve[c] / queries));
			latencyRow.append(String.format(" %7.2f", latency.p50()));
			curveJson.add(Map.of("hnsw_k", curveK[c], "recall_at_10", BenchReport.round(curve[c] / queries), "p50_ms",
					BenchReport.round(latency.p50()), "mean_ms", BenchReport.round(latency.mean())));
		}
		this.report.line("%s", header);
		this.report.line("%s", recallRow);
		this.report.line("%s", latencyRow);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("queries", queries);
		json.put("hnsw_k10_alone", BenchReport.round(raw));
		json.put("served_vector_only", BenchReport.round(served));
		json.put("served_filtered_agent", BenchReport.round(filtered));
		json.put("hnsw_k_curve", curveJson);
		return json;
	}

	private static List<String> hnswOnly(IndexSearcher searcher, float[] query) throws IOException {
		TopDocs top = searcher.search(new KnnFloatVectorQuery(PassageSchema.VECTOR, query, RECALL_K), RECALL_K);
		int[] docs = new int[top.scoreDocs.length];
		float[] scores = new float[docs.length];
		for (int i = 0; i < docs.length; i++) {
			ScoreDoc hit = top.scoreDocs[i];
			docs[i] = hit.doc;
			scores[i] = hit.score;
		}
		return CandidateLoader.load(searcher, docs, scores).stream().map(Candidate::id).toList();
	}

	private Map<String, Object> latency(PassageIndex index, int warmup, boolean allModes) throws IOException {
		Map<String, Object> json = new LinkedHashMap<>();
		List<Object[]> modes = new ArrayList<>();
		modes.add(new Object[] { "RRF", Fusion.RRF, Map.of() });
		modes.add(new Object[] { "RRF audience=agent (~25%)", Fusion.RRF, Map.of("audience", Set.of("agent")) });
		modes.add(new Object[] { "VECTOR_ONLY", Fusion.VECTOR_ONLY, Map.of() });
		if (allModes) {
			modes.add(new Object[] { "RRF audience=partner (~5%)", Fusion.RRF, Map.of("audience", Set.of("partner")) });
			modes.add(new Object[] { "LINEAR", Fusion.LINEAR, Map.of() });
			modes.add(new Object[] { "BM25_ONLY", Fusion.BM25_ONLY, Map.of() });
		}
		this.report.line("  latency, single thread, topK=%d, %d queries after %d warm-up (ms):", TOP_K,
				this.queryPool.size(), warmup);
		this.report.line("    %-28s %8s %8s %8s %8s", "mode", "p50", "p95", "p99", "mean");
		for (Object[] mode : modes) {
			@SuppressWarnings("unchecked")
			List<PassageQuery> queries = queries((Fusion) mode[1], (Map<String, Set<String>>) mode[2]);
			long sink = 0;
			for (int i = 0; i < warmup; i++) {
				sink += index.searcher().search(queries.get(i % queries.size())).size();
			}
			long[] nanos = new long[queries.size()];
			for (int i = 0; i < nanos.length; i++) {
				long start = System.nanoTime();
				sink += index.searcher().search(queries.get(i)).size();
				nanos[i] = System.nanoTime() - start;
			}
			Latency latency = Latency.of(nanos);
			this.report.line("    %-28s %8.2f %8.2f %8.2f %8.2f", mode[0], latency.p50(), latency.p95(), latency.p99(),
					latency.mean());
			Map<String, Object> entry = new LinkedHashMap<>(latency.toJson());
			entry.put("hits_returned", sink);
			json.put((String) mode[0], entry);
		}
		return json;
	}

	private List<PassageQuery> queries(Fusion fusion, Map<String, Set<String>> filters) {
		return this.queryPool.stream()
			.map((i) -> new PassageQuery(this.data.get(i).text(), this.vectors[i], TOP_K, filters, fusion))
			.toList();
	}

	private Set<String> exactTop(float[] query, String audience) {
		record Scored(int passage, float score) {
		}
		PriorityQueue<Scored> heap = new PriorityQueue<>(Comparator.comparingDouble(Scored::score));
		for (int p = 0; p < this.corpus.length; p++) {
			if (audience != null && !audience.equals(this.audiences[p])) {
				continue;
			}
			float score = VectorUtil.dotProduct(query, this.corpus[p]);
			if (heap.size() < RECALL_K) {
				heap.add(new Scored(p, score));
			}
			else if (score > heap.peek().score()) {
				heap.poll();
				heap.add(new Scored(p, score));
			}
		}
		Set<String> ids = new HashSet<>();
		heap.forEach((scored) -> ids.add("p" + scored.passage()));
		return ids;
	}

	private static double overlap(Set<String> exact, List<String> found) {
		return found.stream().filter(exact::contains).count() / (double) exact.size();
	}

	private static List<String> ids(List<SearchHit> hits) {
		return hits.stream().map(SearchHit::id).toList();
	}

	private static long directorySize(Path path) throws IOException {
		try (Stream<Path> files = Files.walk(path)) {
			return files.filter(Files::isRegularFile).mapToLong((file) -> {
				try {
					return Files.size(file);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}).sum();
		}
	}

	static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> files = Files.walk(path)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
	}

}
