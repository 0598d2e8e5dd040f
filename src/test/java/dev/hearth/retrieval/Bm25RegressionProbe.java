package dev.hearth.retrieval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.misc.index.BPIndexReorderer;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.hearth.retrieval.BenchReport.Latency;
import dev.hearth.retrieval.BitextData.Utterance;

/**
 * Diagnosis of the BM25 slowdown between two builds of the benchmark corpus (issue 14,
 * branch bm25reg): compares the same 2,000 benchmark questions on several indexes, pass
 * by pass interleaved, fastest of the last three passes per query, with the number of
 * passages each search offered its collector (scored in full) and whether the top 50 are
 * the same passages with the same scores. Can also build a text-only copy of the corpus
 * in a chosen passage order ({@code bench.build-order}: {@code identity}, {@code random},
 * {@code blocks}), so that the effect of the order of the passages in the index can be
 * measured without building vectors.
 *
 * <pre>
 * mvn -o test -pl src -am -Dtest=Bm25RegressionProbe -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.data=.../utterances-20k.csv -Dbench.passages=100000 -Dbench.indexes=/tmp/a,/tmp/b
 * # text-only copy in another order: -Dbench.build=/tmp/c -Dbench.build-order=random
 * </pre>
 */
@EnabledIfSystemProperty(named = "test", matches = ".*Bm25RegressionProbe.*",
		disabledReason = "diagnosis; run with -Dtest=Bm25RegressionProbe")
class Bm25RegressionProbe {

	@Test
	void probe() throws Exception {
		List<Utterance> data = BitextData.load(Path.of(System.getProperty("bench.data")));
		int passages = Integer.getInteger("bench.passages", 1_000_000);
		MillionPassageCorpus corpus = new MillionPassageCorpus(data, new float[data.size()][1], 42, passages, 2000);
		String build = System.getProperty("bench.build");
		if (build != null && !build.isBlank()) {
			String order = System.getProperty("bench.build-order", "identity");
			if (order.equals("bp")) {
				reorder(Path.of(System.getProperty("bench.build-source")), Path.of(build));
			}
			else {
				build(corpus, Path.of(build), order);
			}
		}
		String indexes = System.getProperty("bench.indexes");
		if (indexes != null && !indexes.isBlank()) {
			compare(corpus, Arrays.stream(indexes.split(",")).map(Path::of).toList());
		}
	}

	/**
	 * A text-only index of the corpus, passages added in the given order, one segment.
	 */
	private static void build(MillionPassageCorpus corpus, Path folder, String order) throws IOException {
		int n = corpus.size();
		int[] permutation = new int[n];
		for (int i = 0; i < n; i++) {
			permutation[i] = i;
		}
		if (order.equals("random")) {
			SplittableRandom random = new SplittableRandom(7);
			for (int i = n - 1; i > 0; i--) {
				int j = random.nextInt(i + 1);
				int t = permutation[i];
				permutation[i] = permutation[j];
				permutation[j] = t;
			}
		}
		else if (order.equals("text")) {
			// passages with the same opening sentence next to each other: a crude
			// clustering
			String[] texts = new String[n];
			for (int p = 0; p < n; p++) {
				texts[p] = corpus.passage(p).matchText();
			}
			Integer[] sorted = new Integer[n];
			for (int p = 0; p < n; p++) {
				sorted[p] = p;
			}
			Arrays.sort(sorted, (a, b) -> texts[a].compareTo(texts[b]));
			for (int i = 0; i < n; i++) {
				permutation[i] = sorted[i];
			}
		}
		else if (order.equals("blocks")) {
			// 16 blocks in p order each, the blocks in a shuffled order
			int blocks = 16;
			int size = Math.ceilDiv(n, blocks);
			List<Integer> ids = new ArrayList<>();
			for (int b = 0; b < blocks; b++) {
				ids.add(b);
			}
			java.util.Collections.shuffle(ids, new java.util.Random(7));
			int k = 0;
			for (int b : ids) {
				for (int p = b * size; p < Math.min(n, (b + 1) * size); p++) {
					permutation[k++] = p;
				}
			}
		}
		long started = System.nanoTime();
		LanguageAnalyzers analyzers = new LanguageAnalyzers();
		IndexWriterConfig config = new IndexWriterConfig(analyzers.perField());
		config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
		config.setRAMBufferSizeMB(Double.parseDouble(System.getProperty("bench.build-buffer-mb", "256")));
		config.setUseCompoundFile(false);
		try (Directory directory = FSDirectory.open(folder); IndexWriter writer = new IndexWriter(directory, config)) {
			String field = PassageSchema.textField("en");
			boolean schema = Boolean.getBoolean("bench.build-schema");
			for (int i = 0; i < n; i++) {
				int p = permutation[i];
				Document document;
				if (schema) {
					// every field of the served index but the vector
					document = PassageSchema.toDocument(corpus.passage(p), new float[] { 1 });
					document.removeField(PassageSchema.VECTOR);
				}
				else {
					document = new Document();
					document.add(new NumericDocValuesField("p", p));
					document.add(new TextField(field, corpus.passage(p).matchText(), Field.Store.NO));
				}
				writer.addDocument(document);
			}
			writer.forceMerge(1);
			writer.commit();
		}
		System.out.printf("built %s (%s order) in %.0f s%n", folder, order, (System.nanoTime() - started) / 1e9);
	}

	/**
	 * A copy of a one-segment index with its passages renumbered by graph bisection
	 * (Lucene's {@link BPIndexReorderer} over the text fields), timed: the reorder alone
	 * (thread CPU of all threads of this JVM, peak heap) and the copy.
	 */
	private static void reorder(Path source, Path folder) throws IOException {
		java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
			.getOperatingSystemMXBean();
		List<java.lang.management.MemoryPoolMXBean> pools = java.lang.management.ManagementFactory
			.getMemoryPoolMXBeans();
		int threads = Integer.getInteger("bench.bp-threads", Runtime.getRuntime().availableProcessors());
		java.util.concurrent.ExecutorService executor = (threads > 1)
				? java.util.concurrent.Executors.newFixedThreadPool(threads) : null;
		try (Directory from = FSDirectory.open(source);
				DirectoryReader reader = DirectoryReader.open(from);
				Directory directory = FSDirectory.open(folder)) {
			org.apache.lucene.index.CodecReader segment = (org.apache.lucene.index.CodecReader) reader.leaves()
				.get(0)
				.reader();
			BPIndexReorderer reorderer = new BPIndexReorderer();
			java.util.Set<String> fields = new java.util.TreeSet<>();
			for (org.apache.lucene.index.FieldInfo info : segment.getFieldInfos()) {
				if (info.name.startsWith("text_")) {
					fields.add(info.name);
				}
			}
			reorderer.setFields(fields);
			reorderer.setRAMBudgetMB(Double.parseDouble(System.getProperty("bench.bp-ram-mb", "1024")));
			reorderer.setMinDocFreq(Integer.getInteger("bench.bp-min-doc-freq", BPIndexReorderer.DEFAULT_MIN_DOC_FREQ));
			System.gc();
			long heapBefore = pools.stream()
				.filter((pool) -> pool.getType() == java.lang.management.MemoryType.HEAP)
				.mapToLong((pool) -> pool.getUsage().getUsed())
				.sum();
			pools.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
			long cpuStart = ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
			long started = System.nanoTime();
			org.apache.lucene.index.Sorter.DocMap map = reorderer.computeDocMap(segment, directory, executor);
			long reorderNanos = System.nanoTime() - started;
			long reorderCpu = ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() - cpuStart;
			long peak = pools.stream()
				.filter((pool) -> pool.getType() == java.lang.management.MemoryType.HEAP)
				.mapToLong((pool) -> pool.getPeakUsage().getUsed())
				.sum();
			System.out.printf(
					"BP doc map of %d passages over %s, %d threads: %.1f s wall, %.1f s process CPU,"
							+ " heap %d MB before, peak %d MB (young-gen peaks included)%n",
					segment.maxDoc(), fields, threads, reorderNanos / 1e9, reorderCpu / 1e9, heapBefore >> 20,
					peak >> 20);
			started = System.nanoTime();
			IndexWriterConfig config = new IndexWriterConfig();
			config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
			config.setUseCompoundFile(false);
			try (IndexWriter writer = new IndexWriter(directory, config)) {
				writer.addIndexes(org.apache.lucene.index.SortingCodecReader.wrap(segment, map, null));
				writer.forceMerge(1);
				writer.commit();
			}
			System.out.printf("copied in that order to %s in %.1f s%n", folder, (System.nanoTime() - started) / 1e9);
		}
		finally {
			if (executor != null) {
				executor.shutdownNow();
			}
		}
	}

	private static void compare(MillionPassageCorpus corpus, List<Path> folders) throws Exception {
		LanguageAnalyzers analyzers = new LanguageAnalyzers();
		Bm25Retriever bm25 = new Bm25Retriever(analyzers, new SlicedSearch(1));
		List<String> texts = corpus.queries().stream().map((i) -> corpus.utterance(i).text()).toList();
		int n = texts.size();
		int m = folders.size();
		List<DirectoryReader> readers = new ArrayList<>();
		List<IndexSearcher> searchers = new ArrayList<>();
		int parts = Integer.getInteger("bench.parts", 1);
		SlicedSearch sliced = new SlicedSearch(Math.max(1, parts));
		List<IndexSearcher> plain = new ArrayList<>();
		// bench.retrieve=true: the production BM25 part, Bm25Retriever.retrieve (the
		// search as SlicedSearch serves it, then the candidates' ids and group keys
		// loaded); bench.audience=partner adds that audience filter (needs a copy with
		// every field, -Dbench.build-schema=true)
		boolean retrieve = Boolean.getBoolean("bench.retrieve");
		String audience = System.getProperty("bench.audience", "");
		Query filter = audience.isBlank() ? null
				: PassageSchema.filter(Map.of("audience", java.util.Set.of(audience.split(","))));
		Bm25Retriever served = new Bm25Retriever(analyzers, sliced);
		Query[][] queries = new Query[m][n];
		try {
			for (int x = 0; x < m; x++) {
				Path folder = folders.get(x);
				DirectoryReader reader = DirectoryReader.open(FSDirectory.open(folder));
				readers.add(reader);
				IndexSearcher searcher = new IndexSearcher(reader);
				plain.add(searcher);
				// bench.parts=2: each search split in two parts on two threads, as
				// SlicedSearch serves a lone search (thread CPU is then the calling
				// thread's only)
				searchers.add((parts > 1) ? sliced.view(searcher, parts) : searcher);
				describe(folder, reader);
				for (int i = 0; i < n; i++) {
					queries[x][i] = bm25.textQuery(texts.get(i), Map.of(), reader);
				}
			}
			System.out.printf("JVM %s %s%n", System.getProperty("java.vm.version"),
					java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
			for (int i = 0; i < 3; i++) {
				if (queries[0][i] != null) {
					System.out.printf("query %d: %s%n    rewritten: %s%n", i, texts.get(i),
							searchers.get(0).rewrite(queries[0][i]));
				}
			}
			long[][] best = new long[m][n];
			long[][] collected = new long[m][n];
			long[][] cpu = new long[m][n];
			java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
			for (long[] row : best) {
				Arrays.fill(row, Long.MAX_VALUE);
			}
			TopDocs[][] tops = new TopDocs[m][n];
			int passes = Integer.getInteger("bench.passes", 4);
			for (int pass = 0; pass < passes; pass++) {
				for (int i = 0; i < n; i++) {
					for (int x = 0; x < m; x++) {
						if (queries[x][i] == null) {
							continue;
						}
						Query query = (filter == null) ? queries[x][i]
								: new BooleanQuery.Builder().add(queries[x][i], Occur.MUST)
									.add(filter, Occur.FILTER)
									.build();
						long cpuStart = threads.getCurrentThreadCpuTime();
						long start = System.nanoTime();
						TopDocs top;
						if (retrieve) {
							served.retrieve(plain.get(x), queries[x][i], filter, 50);
							top = null;
						}
						else {
							top = searchers.get(x).search(query, 50);
						}
						long nanos = System.nanoTime() - start;
						long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
						if (pass > 0 && nanos < best[x][i]) {
							best[x][i] = nanos;
							cpu[x][i] = cpuNanos;
						}
						if (top == null && pass == passes - 1) {
							top = plain.get(x).search(query, 50);
						}
						if (top != null) {
							tops[x][i] = top;
						}
					}
				}
			}
			for (int x = 0; x < m; x++) {
				for (int i = 0; i < n; i++) {
					if (queries[x][i] != null) {
						collected[x][i] = counted(searchers.get(x), queries[x][i]);
					}
				}
			}
			for (int x = 0; x < m; x++) {
				long[] row = Arrays.stream(best[x]).filter((t) -> t != Long.MAX_VALUE).toArray();
				Latency l = Latency.of(row);
				Latency c = Latency.of(Arrays.stream(cpu[x]).filter((t) -> t > 0).toArray());
				long[] counts = collected[x].clone();
				Arrays.sort(counts);
				int same = 0;
				int sameUpToTies = 0;
				int sameTop5 = 0;
				for (int i = 0; i < n; i++) {
					if (queries[x][i] != null && samePassages(readers.get(0), tops[0][i], readers.get(x), tops[x][i])) {
						same++;
					}
					if (queries[x][i] != null
							&& sameUpToTies(readers.get(0), tops[0][i], readers.get(x), tops[x][i], 50)) {
						sameUpToTies++;
					}
					if (queries[x][i] != null
							&& sameUpToTies(readers.get(0), tops[0][i], readers.get(x), tops[x][i], 5)) {
						sameTop5++;
					}
				}
				System.out.printf(
						"%-40s p50 %6.2f p95 %6.2f p99 %6.2f mean %6.2f ms (thread CPU of those: p50 %6.2f p99 %6.2f"
								+ " mean %6.2f) | collected p50 %d p99 %d mean %.0f"
								+ " | same top 50 as the first %d/%d, up to ties at the cut %d, top 5 up to ties %d%n",
						folders.get(x), l.p50(), l.p95(), l.p99(), l.mean(), c.p50(), c.p99(), c.mean(), counts[n / 2],
						counts[(int) (n * 0.99)], Arrays.stream(counts).average().orElse(0), same, n, sameUpToTies,
						sameTop5);
			}
		}
		finally {
			sliced.close();
			for (DirectoryReader reader : readers) {
				reader.close();
			}
		}
	}

	/** How many passages the search offered its collector (each scored in full). */
	private static long counted(IndexSearcher searcher, Query query) throws IOException {
		java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong();
		TopScoreDocCollectorManager inner = new TopScoreDocCollectorManager(50, 1000);
		searcher.search(query, new CollectorManager<Collector, Void>() {

			@Override
			public Collector newCollector() throws IOException {
				TopScoreDocCollector collector = inner.newCollector();
				return new FilterCollector(collector) {
					@Override
					public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
						return new FilterLeafCollector(super.getLeafCollector(context)) {
							@Override
							public void collect(int doc) throws IOException {
								count.incrementAndGet();
								super.collect(doc);
							}
						};
					}
				};
			}

			@Override
			public Void reduce(java.util.Collection<Collector> collectors) {
				return null;
			}

		});
		return count.get();
	}

	private static void describe(Path folder, DirectoryReader reader) throws IOException {
		SegmentInfos infos = SegmentInfos.readLatestCommit(reader.directory());
		StringBuilder segments = new StringBuilder();
		for (SegmentCommitInfo info : infos) {
			segments.append(info.info.name)
				.append(info.info.getUseCompoundFile() ? " (compound)" : "")
				.append(" docs ")
				.append(info.info.maxDoc())
				.append(" del ")
				.append(info.getDelCount())
				.append(" diag ")
				.append(info.info.getDiagnostics().get("source"))
				.append("; ");
		}
		String field = PassageSchema.textField("en");
		Terms terms = org.apache.lucene.index.MultiTerms.getTerms(reader, field);
		long bytes;
		try (Stream<Path> files = Files.list(folder)) {
			bytes = files.mapToLong((f) -> f.toFile().length()).sum();
		}
		System.out.printf("%s: maxDoc %d, numDocs %d, %s terms %d, sumDocFreq %d, sumTotalTermFreq %d, %d MB%n", folder,
				reader.maxDoc(), reader.numDocs(), segments, terms.size(), terms.getSumDocFreq(),
				terms.getSumTotalTermFreq(), bytes >> 20);
		// the first passages in document order: which p they are
		StringBuilder first = new StringBuilder();
		LeafReaderContext leaf = reader.leaves().get(0);
		for (int doc = 0; doc < 5; doc++) {
			first.append(passage(leaf, doc)).append(' ');
		}
		int last = leaf.reader().maxDoc();
		for (int doc : new int[] { last / 16, last / 2, last - 1 }) {
			first.append("| ").append(doc).append('=').append(passage(leaf, doc)).append(' ');
		}
		System.out.printf("    passages at doc 0..4 and later: %s%n", first);
	}

	private static long passage(LeafReaderContext leaf, int doc) throws IOException {
		NumericDocValues numeric = leaf.reader().getNumericDocValues("p");
		if (numeric != null) {
			return numeric.advanceExact(doc) ? numeric.longValue() : -1;
		}
		SortedSetDocValues ids = leaf.reader().getSortedSetDocValues(PassageSchema.ID);
		if (ids != null && ids.advanceExact(doc)) {
			return Long.parseLong(ids.lookupOrd(ids.nextOrd()).utf8ToString().substring(1));
		}
		return -1;
	}

	private static boolean samePassages(DirectoryReader a, TopDocs x, DirectoryReader b, TopDocs y) throws IOException {
		if (x == null || y == null || x.scoreDocs.length != y.scoreDocs.length) {
			return x == y;
		}
		List<String> left = new ArrayList<>();
		List<String> right = new ArrayList<>();
		for (int i = 0; i < x.scoreDocs.length; i++) {
			left.add(x.scoreDocs[i].score + ":" + passage(a.leaves().get(0), x.scoreDocs[i].doc));
			right.add(y.scoreDocs[i].score + ":" + passage(b.leaves().get(0), y.scoreDocs[i].doc));
		}
		left.sort(null);
		right.sort(null);
		return left.equals(right);
	}

	/**
	 * The same scores in the same order within the first {@code k}, and the same passages
	 * above the score at the cut (passages tied with the k-th may differ: which of them
	 * enter is decided by document id, which a new order changes).
	 */
	private static boolean sameUpToTies(DirectoryReader a, TopDocs x, DirectoryReader b, TopDocs y, int k)
			throws IOException {
		if (x == null || y == null) {
			return x == y;
		}
		int n = Math.min(k, x.scoreDocs.length);
		if (Math.min(k, y.scoreDocs.length) != n) {
			return false;
		}
		if (n == 0) {
			return true;
		}
		float cut = x.scoreDocs[n - 1].score;
		List<String> left = new ArrayList<>();
		List<String> right = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			if (x.scoreDocs[i].score != y.scoreDocs[i].score) {
				return false;
			}
			if (x.scoreDocs[i].score > cut) {
				left.add(x.scoreDocs[i].score + ":" + passage(a.leaves().get(0), x.scoreDocs[i].doc));
			}
			if (y.scoreDocs[i].score > cut) {
				right.add(y.scoreDocs[i].score + ":" + passage(b.leaves().get(0), y.scoreDocs[i].doc));
			}
		}
		left.sort(null);
		right.sort(null);
		return left.equals(right);
	}

}
