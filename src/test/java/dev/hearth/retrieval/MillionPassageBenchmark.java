package dev.hearth.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.AcceptDocs;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.knn.KnnCollectorManager;
import org.apache.lucene.util.VectorUtil;

import dev.hearth.retrieval.BenchReport.Latency;
import dev.hearth.retrieval.BitextData.Utterance;

/**
 * Retrieval at a million passages ({@link MillionPassageCorpus}): build time and size of
 * the index, query latency of the Lucene part with one and two searching threads, vector
 * recall@10 against exact search, and the heap and resident memory of the process that
 * serves the index. Not a unit test; the index is built once into a folder outside the
 * repository and reused by later runs:
 *
 * <pre>
 * nice -n 10 mvn -o -q test -pl src -Dtest=MillionPassageBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.index=/tmp/hearth-1m-index -Dbench.data=/path/to/bitext-customer-support/utterances-20k.csv
 * </pre>
 *
 * {@code bench.phase=build} only builds, {@code measure} only measures (in a fresh JVM,
 * so that its memory figures are those of a process that opened the index and serves it),
 * {@code all} (the default) does both. Other options: {@code bench.passages} (1,000,000),
 * {@code bench.queries} (2,000), {@code bench.recall-queries} (200). Results go to
 * {@code target/bench/million-<phase>.json}.
 */
@EnabledIfSystemProperty(named = "test", matches = ".*MillionPassageBenchmark.*",
		disabledReason = "a benchmark; run it with -Dtest=MillionPassageBenchmark")
class MillionPassageBenchmark {

	private static final Path OUT = Path.of("target", "bench");

	private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory
		.getThreadMXBean();

	private static final String MODEL_ID = "all-minilm-l6-v2-q";

	private static final long SEED = 42;

	private static final int TOP_K = 5;

	private static final int WARMUP = 500;

	@Test
	void benchmark() throws Exception {
		main(new String[0]);
	}

	public static void main(String[] args) throws Exception {
		String indexProperty = System.getProperty("bench.index");
		if (indexProperty == null || indexProperty.isBlank()) {
			throw new IllegalArgumentException(
					"-Dbench.index=<folder outside the repository> is required: the index is kept there between runs");
		}
		Path folder = Path.of(indexProperty);
		Path dataFile = Path
			.of(System.getProperty("bench.data", "../shared/data/bitext-customer-support/utterances-20k.csv"));
		String phase = System.getProperty("bench.phase", "all");
		int passages = Integer.getInteger("bench.passages", 1_000_000);
		int queries = Integer.getInteger("bench.queries", 2_000);
		int recallQueries = Integer.getInteger("bench.recall-queries", 200);

		BenchReport report = new BenchReport();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("load_average_at_start", loadAverage());
		json.put("processors", Runtime.getRuntime().availableProcessors());
		json.put("java", System.getProperty("java.version"));
		json.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
		List<Utterance> data = BitextData.load(dataFile);
		EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
		float[][] vectors = BenchEmbeddings.embedAll(model, MODEL_ID, data.stream().map(Utterance::text).toList(),
				OUT.resolve("bitext-" + MODEL_ID + ".vectors"));
		MillionPassageCorpus corpus = new MillionPassageCorpus(data, vectors, SEED, passages, queries);
		String fingerprint = "bench-" + SEED + "-" + passages + "-" + data.size();
		report.line("Corpus: %d passages from %d Bitext utterances (%d held out as queries), index %s", passages,
				data.size(), queries, folder);

		if (phase.equals("build") || phase.equals("all")) {
			json.put("realism", realism(corpus, model, report));
			json.put("build", build(corpus, folder, fingerprint, report));
		}
		if (phase.equals("measure") || phase.equals("all")) {
			json.put("serve", measure(corpus, folder, fingerprint, recallQueries, report));
		}
		json.put("load_average_at_end", loadAverage());
		report.line("Load average at end: %s", loadAverage());
		Files.createDirectories(OUT);
		BenchReport.writeJson(OUT.resolve("million-" + phase + ".json"), json);
		Files.writeString(OUT.resolve("million-" + phase + ".txt"), report.table());
		System.out.println(report.table());
	}

	/**
	 * How close a passage's mean vector is to the embedding of its own text: 200 passages
	 * embedded for real.
	 */
	private static Map<String, Object> realism(MillionPassageCorpus corpus, EmbeddingModel model, BenchReport report) {
		int count = 200;
		double sum = 0;
		double min = 1;
		for (int i = 0; i < count; i++) {
			IndexedPassage passage = corpus.passage((int) ((long) i * corpus.size() / count));
			float[] real = model.embed(passage.matchText()).content().vector();
			float[] mean = Vectors.normalisedCopy(passage.vector(), corpus.dimensions());
			float cosine = VectorUtil.dotProduct(Vectors.normalisedCopy(real, corpus.dimensions()), mean);
			sum += cosine;
			min = Math.min(min, cosine);
		}
		report.line("Mean vector vs the real embedding of the passage text, %d passages: cosine mean %.3f, min %.3f",
				count, sum / count, min);
		return Map.of("passages", count, "cosine_mean", BenchReport.round(sum / count), "cosine_min",
				BenchReport.round(min));
	}

	private static Map<String, Object> build(MillionPassageCorpus corpus, Path folder, String fingerprint,
			BenchReport report) throws IOException {
		Map<String, Object> json = new LinkedHashMap<>();
		try (PassageIndex index = PassageIndex.open(folder, corpus.dimensions())) {
			if (index.fingerprint().equals(fingerprint) && index.size() == corpus.size()) {
				report.line("Index already built (%s): kept", fingerprint);
				json.put("kept", true);
				return json;
			}
			long started = System.nanoTime();
			long cpuStarted = processCpuNanos();
			index.rebuild(corpus.iterator(), 1, fingerprint);
			double seconds = (System.nanoTime() - started) / 1e9;
			double cpuSeconds = (processCpuNanos() - cpuStarted) / 1e9;
			report.line("Built in %.0f s, %.0f s of CPU (PassageIndex.rebuild: add, merge to one segment, commit)",
					seconds, cpuSeconds);
			json.put("build_seconds", BenchReport.round(seconds));
			json.put("build_cpu_seconds", BenchReport.round(cpuSeconds));
		}
		return json;
	}

	private static Map<String, Object> measure(MillionPassageCorpus corpus, Path folder, String fingerprint,
			int recallQueries, BenchReport report) throws Exception {
		Map<String, Object> json = new LinkedHashMap<>();
		Map<String, Object> before = memory();
		report.line("Memory before opening the index: %s", before);
		json.put("memory_before_open", before);
		try (PassageIndex index = PassageIndex.open(folder, corpus.dimensions())) {
			if (!index.fingerprint().equals(fingerprint)) {
				throw new IllegalStateException(folder + " holds '" + index.fingerprint() + "', not '" + fingerprint
						+ "': build it first with -Dbench.phase=build");
			}
			int segments = index.searcher().withSearcher((s) -> s.getIndexReader().leaves().size());
			double megabytes = directorySize(folder) / 1e6;
			report.line("Index: %d passages, %d segments, %.0f MB on disk", index.size(), segments, megabytes);
			json.put("passages", index.size());
			json.put("segments", segments);
			json.put("disk_mb", BenchReport.round(megabytes));
			json.put("files_mb", fileSizes(folder));
			Map<String, Object> opened = memory();
			report.line("Memory with the index open: %s", opened);
			json.put("memory_open", opened);

			List<Object[]> modes = List.of(new Object[] { "BM25_ONLY", Fusion.BM25_ONLY, Map.of() },
					new Object[] { "VECTOR_ONLY", Fusion.VECTOR_ONLY, Map.of() },
					new Object[] { "LINEAR (default hybrid)", Fusion.LINEAR, Map.of() },
					new Object[] { "RRF", Fusion.RRF, Map.of() },
					new Object[] { "LINEAR audience=agent (~25%)", Fusion.LINEAR, Map.of("audience", Set.of("agent")) },
					new Object[] { "LINEAR audience=partner (~5%)", Fusion.LINEAR,
							Map.of("audience", Set.of("partner")) });
			// -Dbench.compare-sliced=true: each mode also with BM25 searched on the
			// calling
			// thread only (main before issue 14's sliced search), and the two compared
			HybridSearcher sequential = Boolean.getBoolean("bench.compare-sliced")
					? new HybridSearcher(index, new Bm25Retriever(new LanguageAnalyzers(), new SlicedSearch(1))) : null;
			if (sequential != null) {
				json.put("sliced_identical", identical(corpus, index.searcher(), sequential, modes, "Sliced", report));
			}
			// -Dbench.slices-per-part=N: each mode also searched with BM25 in N slices
			// per
			// core (work shared between the calling thread and the pool), compared
			int slicesPerPart = Integer.getInteger("bench.slices-per-part", 0);
			HybridSearcher finer = (slicesPerPart > 0) ? new HybridSearcher(index,
					new Bm25Retriever(new LanguageAnalyzers(),
							new SlicedSearch(Runtime.getRuntime().availableProcessors(),
									SlicedSearch.MIN_DOCS_PER_SLICE, slicesPerPart)))
					: null;
			if (finer != null && sequential != null) {
				json.put("finer_identical",
						identical(corpus, finer, sequential, modes, slicesPerPart + " slices per core", report));
			}
			String dump = System.getProperty("bench.dump");
			if (dump != null && !dump.isBlank()) {
				dumpHits(corpus, index.searcher(), modes, Path.of(dump), report);
			}
			Map<String, Object> latency = new LinkedHashMap<>();
			int[] threadCounts = java.util.Arrays.stream(System.getProperty("bench.threads", "1,2").split(","))
				.mapToInt(Integer::parseInt)
				.toArray();
			for (int threads : Boolean.parseBoolean(System.getProperty("bench.tables", "true")) ? threadCounts
					: new int[0]) {
				report.line("Latency, %d thread(s), topK=%d, %d queries per thread after %d warm-up (ms):", threads,
						TOP_K, corpus.queries().size(), WARMUP);
				report.line("    %-30s %8s %8s %8s %8s %8s", "mode", "p50", "p95", "p99", "mean", "q/s");
				Map<String, Object> byMode = new LinkedHashMap<>();
				for (Object[] mode : modes) {
					@SuppressWarnings("unchecked")
					List<PassageQuery> list = queries(corpus, (Fusion) mode[1], (Map<String, Set<String>>) mode[2]);
					if (sequential != null) {
						byMode.put(mode[0] + ", BM25 on one thread",
								run(sequential, list, threads, mode[0] + ", BM25 1 thread", report));
					}
					byMode.put((String) mode[0], run(index.searcher(), list, threads, (String) mode[0], report));
					if (finer != null) {
						byMode.put(mode[0] + ", " + slicesPerPart + " slices per core",
								run(finer, list, threads, mode[0] + ", " + slicesPerPart + " slices", report));
					}
				}
				latency.put(threads + "_threads", byMode);
			}
			json.put("latency", latency);
			Map<String, Object> served = memory();
			report.line("Memory after the queries: %s", served);
			json.put("memory_serving", served);
			if (recallQueries > 0) {
				List<Set<Integer>> exact = exactTop10(corpus, recallQueries);
				json.put("recall_at_10", recall(corpus, index, exact, report));
				if (Boolean.getBoolean("bench.levers")) {
					json.put("levers", levers(corpus, index, exact, report));
				}
			}
		}
		return json;
	}

	private static List<PassageQuery> queries(MillionPassageCorpus corpus, Fusion fusion,
			Map<String, Set<String>> filters) {
		return corpus.queries()
			.stream()
			.map((i) -> new PassageQuery(corpus.utterance(i).text(), corpus.vector(i), TOP_K, filters, fusion))
			.toList();
	}

	/**
	 * Whether the sliced BM25 search returns the same hits as one thread: every query of
	 * every mode, ids, scores and ranks.
	 */
	private static Map<String, Object> identical(MillionPassageCorpus corpus, HybridSearcher sliced,
			HybridSearcher sequential, List<Object[]> modes, String label, BenchReport report) throws IOException {
		Map<String, Object> json = new LinkedHashMap<>();
		for (Object[] mode : modes) {
			@SuppressWarnings("unchecked")
			List<PassageQuery> list = queries(corpus, (Fusion) mode[1], (Map<String, Set<String>>) mode[2]);
			int same = 0;
			for (PassageQuery query : list) {
				if (sliced.search(query).equals(sequential.search(query))) {
					same++;
				}
			}
			report.line("%s vs one-thread BM25, %s: %d of %d queries with identical hits", label, mode[0], same,
					list.size());
			json.put((String) mode[0], same + "/" + list.size());
		}
		return json;
	}

	/**
	 * Every mode's hits for every question, one line each (mode, question, then id,
	 * score, BM25 and vector rank of each hit), so that two builds of the code can be
	 * compared with {@code diff} ({@code -Dbench.dump=<file>}).
	 */
	private static void dumpHits(MillionPassageCorpus corpus, HybridSearcher searcher, List<Object[]> modes, Path file,
			BenchReport report) throws IOException {
		List<String> lines = new ArrayList<>();
		for (Object[] mode : modes) {
			@SuppressWarnings("unchecked")
			List<PassageQuery> list = queries(corpus, (Fusion) mode[1], (Map<String, Set<String>>) mode[2]);
			for (int q = 0; q < list.size(); q++) {
				StringBuilder line = new StringBuilder().append(mode[0]).append('\t').append(q);
				for (SearchHit hit : searcher.search(list.get(q))) {
					line.append('\t')
						.append(hit.id())
						.append(' ')
						.append(hit.score())
						.append(' ')
						.append(hit.bm25Rank())
						.append(' ')
						.append(hit.vectorRank());
				}
				lines.add(line.toString());
			}
		}
		Files.write(file, lines);
		report.line("Hits of every mode written to %s (%d lines)", file, lines.size());
	}

	private static Map<String, Object> run(HybridSearcher searcher, List<PassageQuery> queries, int threads,
			String name, BenchReport report) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		// with one query thread: the CPU time of each search, of the calling thread and
		// of the whole process (which includes a sliced search's other part, and GC and
		// JIT); both hold under load, where wall-clock percentiles are the scheduler's
		long[][] cpu = new long[2][queries.size()];
		try {
			List<Future<long[]>> futures = new ArrayList<>();
			long started = System.nanoTime();
			for (int t = 0; t < threads; t++) {
				int offset = t * queries.size() / threads;
				futures.add(pool.submit(() -> {
					for (int i = 0; i < WARMUP; i++) {
						searcher.search(queries.get((offset + i) % queries.size()));
					}
					long[] nanos = new long[queries.size()];
					for (int i = 0; i < nanos.length; i++) {
						PassageQuery query = queries.get((offset + i) % queries.size());
						long cpuStart = (threads == 1) ? THREADS.getCurrentThreadCpuTime() : 0;
						long processStart = (threads == 1) ? processCpuNanos() : 0;
						long start = System.nanoTime();
						searcher.search(query);
						nanos[i] = System.nanoTime() - start;
						if (threads == 1) {
							cpu[0][i] = THREADS.getCurrentThreadCpuTime() - cpuStart;
							cpu[1][i] = processCpuNanos() - processStart;
						}
					}
					return nanos;
				}));
			}
			List<long[]> all = new ArrayList<>();
			for (Future<long[]> future : futures) {
				all.add(future.get());
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			long[] nanos = all.stream().flatMapToLong(java.util.Arrays::stream).toArray();
			Latency latency = Latency.of(nanos);
			double perSecond = (threads * (queries.size() + WARMUP)) / seconds;
			report.line("    %-30s %8.2f %8.2f %8.2f %8.2f %8.0f", name, latency.p50(), latency.p95(), latency.p99(),
					latency.mean(), perSecond);
			Map<String, Object> json = new LinkedHashMap<>(latency.toJson());
			if (threads == 1) {
				Latency thread = Latency.of(cpu[0]);
				Latency process = Latency.of(cpu[1]);
				report.line("    %-30s %8.2f %8.2f %8.2f %8.2f  (CPU of the query thread)", "", thread.p50(),
						thread.p95(), thread.p99(), thread.mean());
				report.line("    %-30s %8.2f %8.2f %8.2f %8.2f  (CPU of the process)", "", process.p50(), process.p95(),
						process.p99(), process.mean());
				json.put("thread_cpu", thread.toJson());
				json.put("process_cpu", process.toJson());
			}
			json.put("queries_per_second", BenchReport.round(perSecond));
			return json;
		}
		finally {
			pool.shutdown();
		}
	}

	/**
	 * The exact top 10 passages of the first {@code count} queries, streamed over the
	 * corpus.
	 */
	private static List<Set<Integer>> exactTop10(MillionPassageCorpus corpus, int count) {
		record Scored(int passage, float score) {
		}
		int k = 10;
		int dimensions = corpus.dimensions();
		float[][] queries = new float[count][];
		List<PriorityQueue<Scored>> heaps = new ArrayList<>();
		for (int q = 0; q < count; q++) {
			queries[q] = Vectors.normalisedCopy(corpus.vector(corpus.queries().get(q)), dimensions);
			heaps.add(new PriorityQueue<>(java.util.Comparator.comparingDouble(Scored::score)));
		}
		for (int p = 0; p < corpus.size(); p++) {
			float[] vector = Vectors.normalisedCopy(corpus.passage(p).vector(), dimensions);
			for (int q = 0; q < count; q++) {
				float score = VectorUtil.dotProduct(queries[q], vector);
				PriorityQueue<Scored> heap = heaps.get(q);
				if (heap.size() < k) {
					heap.add(new Scored(p, score));
				}
				else if (score > heap.peek().score()) {
					heap.poll();
					heap.add(new Scored(p, score));
				}
			}
		}
		List<Set<Integer>> exact = new ArrayList<>();
		for (PriorityQueue<Scored> heap : heaps) {
			Set<Integer> top = new java.util.HashSet<>();
			heap.forEach((s) -> top.add(s.passage()));
			exact.add(top);
		}
		return exact;
	}

	/** Recall@10 of the served vector search against exact search. */
	private static Map<String, Object> recall(MillionPassageCorpus corpus, PassageIndex index, List<Set<Integer>> exact,
			BenchReport report) throws IOException {
		int k = 10;
		double served = 0;
		for (int q = 0; q < exact.size(); q++) {
			Set<String> ids = new java.util.HashSet<>();
			exact.get(q).forEach((p) -> ids.add("p" + p));
			List<SearchHit> hits = index.searcher()
				.search(new PassageQuery(null, corpus.vector(corpus.queries().get(q)), k, Map.of(),
						Fusion.VECTOR_ONLY));
			served += hits.stream().filter((h) -> ids.contains(h.id())).count() / (double) k;
		}
		served /= exact.size();
		report.line("Vector recall@10 as served vs exact search, %d queries: %.4f", exact.size(), served);
		return Map.of("queries", exact.size(), "served_vector_only", BenchReport.round(served));
	}

	/**
	 * The levers for the Lucene part's latency, one thread: the HNSW search's k (which is
	 * also its beam width) with its recall, the BM25 candidate depth, and the vector
	 * search filtered to a rare audience.
	 */
	private static Map<String, Object> levers(MillionPassageCorpus corpus, PassageIndex index, List<Set<Integer>> exact,
			BenchReport report) throws IOException {
		Map<String, Object> json = new LinkedHashMap<>();
		int depth = HybridSearcher.initialDepth(TOP_K);
		List<Integer> queries = corpus.queries();
		report.line("Levers, 1 thread, %d queries after %d warm-up (ms):", queries.size(), WARMUP);
		for (int hnswK : new int[] { VectorRetriever.MIN_HNSW_K, 50, 20 }) {
			Latency latency = index.searcher()
				.withSearcher((searcher) -> time(queries, (q) -> VectorRetriever.retrieve(searcher,
						Vectors.normalisedCopy(corpus.vector(q), corpus.dimensions()), null, 10, hnswK)));
			double recall = 0;
			for (int i = 0; i < exact.size(); i++) {
				int q = queries.get(i);
				List<Candidate> top = index.searcher()
					.withSearcher((searcher) -> VectorRetriever.retrieve(searcher,
							Vectors.normalisedCopy(corpus.vector(q), corpus.dimensions()), null, 10, hnswK));
				Set<Integer> truth = exact.get(i);
				recall += top.stream().filter((c) -> truth.contains(Integer.parseInt(c.id().substring(1)))).count()
						/ 10.0;
			}
			recall /= exact.size();
			report.line("    vector, HNSW k=%-3d             p50 %6.2f p95 %6.2f p99 %6.2f  recall@10 %.4f", hnswK,
					latency.p50(), latency.p95(), latency.p99(), recall);
			Map<String, Object> entry = new LinkedHashMap<>(latency.toJson());
			entry.put("recall_at_10", BenchReport.round(recall));
			json.put("vector_hnsw_k_" + hnswK, entry);
		}
		Bm25Retriever bm25 = new Bm25Retriever(new LanguageAnalyzers(), new SlicedSearch(1));
		for (int bm25Depth : new int[] { depth, 20, 10 }) {
			Latency latency = index.searcher()
				.withSearcher((searcher) -> time(queries,
						(q) -> bm25.retrieve(searcher,
								bm25.textQuery(corpus.utterance(q).text(), Map.of(), searcher.getIndexReader()), null,
								bm25Depth)));
			report.line("    BM25, %3d candidates            p50 %6.2f p95 %6.2f p99 %6.2f", bm25Depth, latency.p50(),
					latency.p95(), latency.p99());
			json.put("bm25_depth_" + bm25Depth, latency.toJson());
		}
		for (String audience : new String[] { "agent", "partner" }) {
			org.apache.lucene.search.Query filter = PassageSchema.filter(Map.of("audience", Set.of(audience)));
			Latency latency = index.searcher()
				.withSearcher((searcher) -> time(queries, (q) -> VectorRetriever.retrieve(searcher,
						Vectors.normalisedCopy(corpus.vector(q), corpus.dimensions()), filter, depth)));
			report.line("    vector, audience=%-8s         p50 %6.2f p95 %6.2f p99 %6.2f", audience, latency.p50(),
					latency.p95(), latency.p99());
			json.put("vector_audience_" + audience, latency.toJson());
			int hnswK = Math.max(depth, VectorRetriever.MIN_HNSW_K);
			Latency graph = index.searcher()
				.withSearcher(
						(searcher) -> time(queries,
								(q) -> searcher.search(new KnnFloatVectorQuery(PassageSchema.VECTOR,
										Vectors.normalisedCopy(corpus.vector(q), corpus.dimensions()), hnswK, filter),
										hnswK)));
			Latency exactSearch = index.searcher()
				.withSearcher(
						(searcher) -> time(queries,
								(q) -> searcher.search(new ExactFilteredKnnQuery(PassageSchema.VECTOR,
										Vectors.normalisedCopy(corpus.vector(q), corpus.dimensions()), hnswK, filter),
										hnswK)));
			report
				.line("    kNN only, audience=%-8s filtered HNSW p50 %6.2f p99 %6.2f | exact over the filter p50 %6.2f"
						+ " p99 %6.2f", audience, graph.p50(), graph.p99(), exactSearch.p50(), exactSearch.p99());
			json.put("knn_filtered_hnsw_" + audience, graph.toJson());
			json.put("knn_exact_over_filter_" + audience, exactSearch.toJson());
		}
		return json;
	}

	/** A filtered kNN query that always scores the filter's documents exactly. */
	private static final class ExactFilteredKnnQuery extends KnnFloatVectorQuery {

		ExactFilteredKnnQuery(String field, float[] target, int k, org.apache.lucene.search.Query filter) {
			super(field, target, k, filter);
		}

		@Override
		protected TopDocs approximateSearch(LeafReaderContext context, AcceptDocs acceptDocs, int visitedLimit,
				KnnCollectorManager manager) {
			// an incomplete result makes Lucene search the filter's documents exactly
			return new TopDocs(new TotalHits(0, TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO), new ScoreDoc[0]);
		}

	}

	/** Latency of {@code work} per query, after a warm-up. */
	private static Latency time(List<Integer> queries, QueryWork work) throws IOException {
		for (int i = 0; i < WARMUP; i++) {
			work.run(queries.get(i % queries.size()));
		}
		long[] nanos = new long[queries.size()];
		for (int i = 0; i < nanos.length; i++) {
			long start = System.nanoTime();
			work.run(queries.get(i));
			nanos[i] = System.nanoTime() - start;
		}
		return Latency.of(nanos);
	}

	@FunctionalInterface
	private interface QueryWork {

		Object run(int query) throws IOException;

	}

	/** Heap in use after a full collection, and the process's resident set from /proc. */
	private static Map<String, Object> memory() throws IOException {
		System.gc();
		System.gc();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("heap_used_mb", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
		json.put("non_heap_used_mb", ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed() >> 20);
		Path status = Path.of("/proc/self/status");
		if (Files.isReadable(status)) {
			for (String line : Files.readAllLines(status)) {
				for (String key : new String[] { "VmRSS", "RssAnon", "RssFile" }) {
					if (line.startsWith(key + ":")) {
						long kb = Long.parseLong(line.substring(key.length() + 1).strip().split("\\s+")[0]);
						json.put(key + "_mb", kb >> 10);
					}
				}
			}
		}
		return json;
	}

	private static Map<String, Object> fileSizes(Path folder) throws IOException {
		Map<String, Long> byExtension = new java.util.TreeMap<>();
		try (Stream<Path> files = Files.list(folder)) {
			files.filter(Files::isRegularFile).forEach((file) -> {
				String name = file.getFileName().toString();
				String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
				try {
					byExtension.merge(extension, Files.size(file), Long::sum);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		Map<String, Object> json = new LinkedHashMap<>();
		byExtension.forEach((extension, bytes) -> json.put(extension, BenchReport.round(bytes / 1e6)));
		return json;
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

	/** CPU time of this process, which on a shared machine says more than wall time. */
	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static String loadAverage() throws IOException {
		Path loadavg = Path.of("/proc/loadavg");
		return Files.isReadable(loadavg) ? Files.readString(loadavg).strip() : "unknown";
	}

}
