package dev.hearth.retrieval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.AcceptDocs;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.knn.KnnCollectorManager;
import org.apache.lucene.search.knn.KnnSearchStrategy;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.hearth.retrieval.BenchReport.Latency;
import dev.hearth.retrieval.BitextData.Utterance;

/**
 * The vector search under filters of several selectivities on a built
 * MillionPassageBenchmark index (issue 14, branch knn1m): Lucene 10.6's default filtered
 * HNSW search (the graph walked as without a filter, only the filter's passages
 * collected), the ACORN-style one that walks only the filter's passages (a strategy
 * threshold of 60%, Lucene's former default), each with k 100 and 50, an exact search
 * over the filter's passages with the quantized vectors, and what {@link VectorRetriever}
 * serves, each with its latency and its recall@10 against the exact top 10 within the
 * filter (float vectors). Latency: each way over all questions in turn, three passes in a
 * rotated order; the last pass alone and each question's fastest of the last two are
 * reported.
 *
 * <pre>
 * mvn -o test -pl src -am -Dtest=FilteredKnnProbe -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.data=.../utterances-20k.csv -Dbench.passages=1000000 -Dbench.index=/tmp/index \
 *     -Dbench.filters='audience=partner;audience=agent;product=fibre;audience=partner+product=fibre'
 * </pre>
 */
@EnabledIfSystemProperty(named = "test", matches = ".*FilteredKnnProbe.*",
		disabledReason = "diagnosis; run with -Dtest=FilteredKnnProbe")
class FilteredKnnProbe {

	private static final String[] NAMES = { "HNSW, Lucene's default strategy, k 100",
			"HNSW, ACORN-style (Hnsw(60)), k 100", "exact over the filter (quantized), k 100",
			"served: VectorRetriever.retrieve, depth 50", "HNSW, Lucene's default strategy, k 50",
			"HNSW, ACORN-style (Hnsw(60)), k 50" };

	@Test
	void probe() throws Exception {
		List<Utterance> data = BitextData.load(Path.of(System.getProperty("bench.data")));
		int passages = Integer.getInteger("bench.passages", 1_000_000);
		int queryCount = Integer.getInteger("bench.queries", 500);
		Set<Integer> chosen = new HashSet<>();
		for (String v : System.getProperty("bench.variants", "0,1,2,3,4,5").split(",")) {
			chosen.add(Integer.parseInt(v.strip()));
		}
		List<Map<String, Set<String>>> filters = new ArrayList<>();
		for (String spec : System.getProperty("bench.filters", "audience=partner;audience=agent").split(";")) {
			Map<String, Set<String>> filter = new LinkedHashMap<>();
			for (String pair : spec.split("\\+")) {
				String[] kv = pair.split("=");
				filter.put(kv[0], Set.of(kv[1].split("\\|")));
			}
			filters.add(filter);
		}
		float[][] vectors = BenchEmbeddings.embedAll(new AllMiniLmL6V2QuantizedEmbeddingModel(), "all-minilm-l6-v2-q",
				data.stream().map(Utterance::text).toList(),
				Path.of("target", "bench").resolve("bitext-all-minilm-l6-v2-q.vectors"));
		MillionPassageCorpus corpus = new MillionPassageCorpus(data, vectors, 42, passages, 2000);
		int dimensions = corpus.dimensions();
		List<Integer> queries = corpus.queries().subList(0, queryCount);
		float[][] targets = new float[queryCount][];
		for (int i = 0; i < queryCount; i++) {
			targets[i] = Vectors.normalisedCopy(corpus.vector(queries.get(i)), dimensions);
		}
		// exact top 10 within each filter, streamed over the corpus
		List<List<PriorityQueue<float[]>>> truth = new ArrayList<>();
		for (int f = 0; f < filters.size(); f++) {
			List<PriorityQueue<float[]>> heaps = new ArrayList<>();
			for (int i = 0; i < queryCount; i++) {
				heaps.add(new PriorityQueue<>((a, b) -> Float.compare(a[1], b[1])));
			}
			truth.add(heaps);
		}
		for (int p = 0; p < corpus.size(); p++) {
			IndexedPassage passage = corpus.passage(p);
			float[] vector = null;
			for (int f = 0; f < filters.size(); f++) {
				if (!matches(passage, filters.get(f))) {
					continue;
				}
				if (vector == null) {
					vector = Vectors.normalisedCopy(passage.vector(), dimensions);
				}
				for (int i = 0; i < queryCount; i++) {
					float score = VectorUtil.dotProduct(targets[i], vector);
					PriorityQueue<float[]> heap = truth.get(f).get(i);
					if (heap.size() < 10) {
						heap.add(new float[] { p, score });
					}
					else if (score > heap.peek()[1]) {
						heap.poll();
						heap.add(new float[] { p, score });
					}
				}
			}
		}
		try (DirectoryReader reader = DirectoryReader
			.open(FSDirectory.open(Path.of(System.getProperty("bench.index"))))) {
			IndexSearcher searcher = new IndexSearcher(reader);
			for (int f = 0; f < filters.size(); f++) {
				Query filter = PassageSchema.filter(filters.get(f));
				boolean exactToo = searcher.count(filter) <= Integer.getInteger("bench.exact-up-to", 100_000);
				System.out.printf("maxDoc %d, filter %s: %d passages, load %s%n", reader.maxDoc(), filters.get(f),
						searcher.count(filter), loadAverage());
				long[][] last = new long[NAMES.length][queryCount];
				long[][] best = new long[NAMES.length][queryCount];
				for (long[] row : best) {
					Arrays.fill(row, Long.MAX_VALUE);
				}
				double[] recall = new double[NAMES.length];
				// each way over all questions in turn (a question's second search would
				// find
				// the vectors its first one read in the CPU cache), in a rotated order
				// per pass
				for (int pass = 0; pass < 3; pass++) {
					for (int n = 0; n < NAMES.length; n++) {
						int v = (n + pass) % NAMES.length;
						if (!chosen.contains(v) || (v == 2 && !exactToo)) {
							continue;
						}
						for (int i = 0; i < queryCount; i++) {
							float[] t = targets[i];
							long start = System.nanoTime();
							Set<Long> found;
							if (v == 3) {
								List<Candidate> top = VectorRetriever.retrieve(searcher, t, filter, 50);
								long nanos = System.nanoTime() - start;
								record(last, best, v, i, pass, nanos);
								found = new HashSet<>();
								for (Candidate c : top.subList(0, Math.min(10, top.size()))) {
									found.add(Long.parseLong(c.id().substring(1)));
								}
							}
							else {
								Query query = switch (v) {
									case 0 -> new KnnFloatVectorQuery(PassageSchema.VECTOR, t, 100, filter);
									case 1 -> new KnnFloatVectorQuery(PassageSchema.VECTOR, t, 100, filter,
											new KnnSearchStrategy.Hnsw(60));
									case 4 -> new KnnFloatVectorQuery(PassageSchema.VECTOR, t, 50, filter);
									case 5 -> new KnnFloatVectorQuery(PassageSchema.VECTOR, t, 50, filter,
											new KnnSearchStrategy.Hnsw(60));
									default -> new ExactKnnQuery(t, 100, filter);
								};
								TopDocs top = searcher.search(query, 100);
								long nanos = System.nanoTime() - start;
								record(last, best, v, i, pass, nanos);
								found = rescoredTop10(searcher, top, t);
							}
							if (pass == 2) {
								Set<Long> exact = new HashSet<>();
								truth.get(f).get(i).forEach((e) -> exact.add((long) e[0]));
								found.retainAll(exact);
								recall[v] += found.size() / (double) Math.min(10, Math.max(1, exact.size()));
							}
						}
					}
				}
				for (int v = 0; v < NAMES.length; v++) {
					if (!chosen.contains(v) || (v == 2 && !exactToo)) {
						continue;
					}
					Latency l = Latency.of(last[v]);
					Latency b = Latency.of(best[v]);
					System.out.printf(
							"  %-44s last pass p50 %6.2f p95 %6.2f p99 %6.2f | fastest of two p50 %6.2f p99 %6.2f ms"
									+ " | recall@10 %.4f%n",
							NAMES[v], l.p50(), l.p95(), l.p99(), b.p50(), b.p99(), recall[v] / queryCount);
				}
				System.out.printf("  load %s%n", loadAverage());
			}
		}
	}

	private static void record(long[][] last, long[][] best, int v, int i, int pass, long nanos) {
		if (pass > 0) {
			best[v][i] = Math.min(best[v][i], nanos);
		}
		if (pass == 2) {
			last[v][i] = nanos;
		}
	}

	private static boolean matches(IndexedPassage passage, Map<String, Set<String>> filter) {
		for (Map.Entry<String, Set<String>> entry : filter.entrySet()) {
			List<String> values = passage.tags().get(entry.getKey());
			if (values == null || values.stream().noneMatch(entry.getValue()::contains)) {
				return false;
			}
		}
		return true;
	}

	/** The passage numbers of the hits' top 10 re-ranked by their exact score. */
	private static Set<Long> rescoredTop10(IndexSearcher searcher, TopDocs top, float[] target) throws IOException {
		int[] docs = Arrays.stream(top.scoreDocs).mapToInt((s) -> s.doc).sorted().toArray();
		float[] scores = VectorRetriever.exactScores(searcher, docs, target, false);
		Integer[] order = new Integer[docs.length];
		for (int i = 0; i < docs.length; i++) {
			order[i] = i;
		}
		Arrays.sort(order, (a, b) -> Float.compare(scores[b], scores[a]));
		Set<Long> found = new HashSet<>();
		for (int r = 0; r < Math.min(10, docs.length); r++) {
			int doc = docs[order[r]];
			LeafReaderContext leaf = searcher.getIndexReader()
				.leaves()
				.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, searcher.getIndexReader().leaves()));
			SortedSetDocValues ids = leaf.reader().getSortedSetDocValues(PassageSchema.ID);
			if (ids.advanceExact(doc - leaf.docBase)) {
				found.add(Long.parseLong(ids.lookupOrd(ids.nextOrd()).utf8ToString().substring(1)));
			}
		}
		return found;
	}

	private static String loadAverage() throws IOException {
		return java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip();
	}

	/**
	 * A filtered kNN query that scores the filter's passages exactly: an incomplete graph
	 * search makes Lucene fall back to its exact search, which scores with the field's
	 * quantized vectors in bulk.
	 */
	private static final class ExactKnnQuery extends KnnFloatVectorQuery {

		ExactKnnQuery(float[] target, int k, Query filter) {
			super(PassageSchema.VECTOR, target, k, filter);
		}

		@Override
		protected TopDocs approximateSearch(LeafReaderContext context, AcceptDocs acceptDocs, int visitedLimit,
				KnnCollectorManager manager) {
			return new TopDocs(new TotalHits(0, TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO), new ScoreDoc[0]);
		}

	}

}
