package dev.hearth.retrieval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SeededKnnVectorQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.knn.KnnSearchStrategy;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.hearth.retrieval.BenchReport.Latency;
import dev.hearth.retrieval.BitextData.Utterance;

/**
 * The vector search filtered to a rare audience on a built MillionPassageBenchmark index
 * (issue 14, branch bm25reg): the served search (Lucene's default filtered HNSW strategy)
 * against other ways to search the same filter, each with its latency (fastest of the
 * last two of three passes per query) and its recall@10 against the exact top 10 within
 * the filter.
 *
 * <pre>
 * mvn -o test -pl src -am -Dtest=AudienceKnnProbe -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.data=.../utterances-20k.csv -Dbench.passages=100000 -Dbench.index=/tmp/index -Dbench.audience=partner
 * </pre>
 */
@EnabledIfSystemProperty(named = "test", matches = ".*AudienceKnnProbe.*",
		disabledReason = "diagnosis; run with -Dtest=AudienceKnnProbe")
class AudienceKnnProbe {

	@Test
	void probe() throws Exception {
		List<Utterance> data = BitextData.load(Path.of(System.getProperty("bench.data")));
		int passages = Integer.getInteger("bench.passages", 1_000_000);
		String audience = System.getProperty("bench.audience", "partner");
		int queryCount = Integer.getInteger("bench.queries", 1000);
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
		// exact top 10 within the audience, streamed over the corpus
		List<PriorityQueue<float[]>> heaps = new ArrayList<>();
		for (int i = 0; i < queryCount; i++) {
			heaps.add(new PriorityQueue<>((a, b) -> Float.compare(a[1], b[1])));
		}
		for (int p = 0; p < corpus.size(); p++) {
			if (!corpus.audience(p).equals(audience)) {
				continue;
			}
			float[] vector = Vectors.normalisedCopy(corpus.passage(p).vector(), dimensions);
			for (int i = 0; i < queryCount; i++) {
				float score = VectorUtil.dotProduct(targets[i], vector);
				PriorityQueue<float[]> heap = heaps.get(i);
				if (heap.size() < 10) {
					heap.add(new float[] { p, score });
				}
				else if (score > heap.peek()[1]) {
					heap.poll();
					heap.add(new float[] { p, score });
				}
			}
		}
		LanguageAnalyzers analyzers = new LanguageAnalyzers();
		Bm25Retriever bm25 = new Bm25Retriever(analyzers, new SlicedSearch(1));
		Query filter = PassageSchema.filter(Map.of("audience", Set.of(audience)));
		String[] names = { "served: filtered HNSW, Lucene's default strategy, k 100",
				"filtered HNSW, strategy threshold 0 (classic), k 100",
				"seeded by the filtered BM25 top 50, default strategy, k 100", "default strategy, k 50" };
		try (DirectoryReader reader = DirectoryReader
			.open(FSDirectory.open(Path.of(System.getProperty("bench.index"))))) {
			IndexSearcher searcher = new IndexSearcher(reader);
			System.out.printf("maxDoc %d, audience %s: %d passages%n", reader.maxDoc(), audience,
					searcher.count(filter));
			Query[][] built = new Query[names.length][queryCount];
			for (int i = 0; i < queryCount; i++) {
				float[] t = targets[i];
				built[0][i] = new KnnFloatVectorQuery(PassageSchema.VECTOR, t, 100, filter);
				built[1][i] = new KnnFloatVectorQuery(PassageSchema.VECTOR, t, 100, filter,
						new KnnSearchStrategy.Hnsw(0));
				Query text = bm25.textQuery(corpus.utterance(queries.get(i)).text(), Map.of(), reader);
				Query seed = (text == null) ? filter
						: new BooleanQuery.Builder().add(text, Occur.MUST).add(filter, Occur.FILTER).build();
				built[2][i] = SeededKnnVectorQuery
					.fromFloatQuery(new KnnFloatVectorQuery(PassageSchema.VECTOR, t, 100, filter), seed);
				built[3][i] = new KnnFloatVectorQuery(PassageSchema.VECTOR, t, 50, filter);
			}
			long[][] best = new long[names.length][queryCount];
			for (long[] row : best) {
				Arrays.fill(row, Long.MAX_VALUE);
			}
			double[] recall = new double[names.length];
			for (int pass = 0; pass < 3; pass++) {
				for (int i = 0; i < queryCount; i++) {
					for (int v = 0; v < names.length; v++) {
						long start = System.nanoTime();
						TopDocs top = searcher.search(built[v][i], 100);
						long nanos = System.nanoTime() - start;
						if (pass > 0) {
							best[v][i] = Math.min(best[v][i], nanos);
						}
						if (pass == 2) {
							recall[v] += recall10(searcher, top, targets[i], heaps.get(i));
						}
					}
				}
			}
			for (int v = 0; v < names.length; v++) {
				Latency l = Latency.of(best[v]);
				System.out.printf("%-62s p50 %6.2f p95 %6.2f p99 %6.2f mean %6.2f ms, recall@10 %.4f%n", names[v],
						l.p50(), l.p95(), l.p99(), l.mean(), recall[v] / queryCount);
			}
		}
	}

	/** Recall@10 of the hits re-ranked by their exact score, as VectorRetriever does. */
	private static double recall10(IndexSearcher searcher, TopDocs top, float[] target, PriorityQueue<float[]> exact)
			throws java.io.IOException {
		int[] docs = Arrays.stream(top.scoreDocs).mapToInt((s) -> s.doc).sorted().toArray();
		float[] scores = VectorRetriever.exactScores(searcher, docs, target, false);
		Integer[] order = new Integer[docs.length];
		for (int i = 0; i < docs.length; i++) {
			order[i] = i;
		}
		Arrays.sort(order, (a, b) -> Float.compare(scores[b], scores[a]));
		Set<Long> truth = new HashSet<>();
		exact.forEach((e) -> truth.add((long) e[0]));
		int hit = 0;
		var leaf = searcher.getIndexReader().leaves().get(0);
		var ids = leaf.reader().getSortedSetDocValues(PassageSchema.ID);
		for (int r = 0; r < Math.min(10, docs.length); r++) {
			int doc = docs[order[r]];
			ids = leaf.reader().getSortedSetDocValues(PassageSchema.ID);
			if (ids.advanceExact(doc)
					&& truth.contains(Long.parseLong(ids.lookupOrd(ids.nextOrd()).utf8ToString().substring(1)))) {
				hit++;
			}
		}
		return hit / 10.0;
	}

}
