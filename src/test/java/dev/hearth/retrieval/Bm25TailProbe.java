package dev.hearth.retrieval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.hearth.retrieval.BenchReport.Latency;
import dev.hearth.retrieval.BitextData.Utterance;

/** Diagnosis of the BM25 tail on a built MillionPassageBenchmark index. */
@EnabledIfSystemProperty(named = "test", matches = ".*Bm25TailProbe.*",
		disabledReason = "diagnosis; run with -Dtest=Bm25TailProbe -Dbench.index=...")
class Bm25TailProbe {

	@Test
	void probe() throws Exception {
		Path folder = Path.of(System.getProperty("bench.index"));
		List<Utterance> data = BitextData.load(Path.of(System.getProperty("bench.data")));
		int passages = Integer.getInteger("bench.passages", 1_000_000);
		int parts = Integer.getInteger("bench.parts", 2);
		MillionPassageCorpus corpus = new MillionPassageCorpus(data, new float[data.size()][1], 42, passages, 2000);
		LanguageAnalyzers analyzers = new LanguageAnalyzers();
		Bm25Retriever bm25 = new Bm25Retriever(analyzers, new SlicedSearch(1));
		double[] shares = { 0.5, 0.3, 0.2 };
		SlicedSearch sliced = new SlicedSearch(parts);
		try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(folder))) {
			IndexSearcher plain = new IndexSearcher(reader);
			int maxDoc = reader.maxDoc();
			IndexSearcher concurrent = sliced.view(plain, parts);
			System.out.printf("maxDoc %d, segments %d, slices %d%n", maxDoc, reader.leaves().size(),
					concurrent.getSlices().length);
			org.apache.lucene.index.TermsEnum termsEnum = org.apache.lucene.index.MultiTerms
				.getTerms(reader, PassageSchema.textField("en"))
				.iterator();
			int[] buckets = new int[4];
			while (termsEnum.next() != null) {
				double share = termsEnum.docFreq() / (double) maxDoc;
				buckets[0]++;
				buckets[1] += (share >= 0.01) ? 1 : 0;
				buckets[2] += (share >= 0.05) ? 1 : 0;
				buckets[3] += (share >= 0.2) ? 1 : 0;
			}
			System.out.printf("terms: %d, in >= 1%% of passages %d, >= 5%% %d, >= 20%% %d%n", buckets[0], buckets[1],
					buckets[2], buckets[3]);
			List<String> texts = corpus.queries().stream().map((i) -> corpus.utterance(i).text()).toList();
			int n = texts.size();
			int variants = 2 + shares.length;
			long[][] best = new long[variants][n];
			for (long[] row : best) {
				Arrays.fill(row, Long.MAX_VALUE);
			}
			int depth = 50;
			TopDocs[][] tops = new TopDocs[variants][n];
			Query[] queries = new Query[n];
			Query[][] split = new Query[shares.length][n];
			for (int i = 0; i < n; i++) {
				queries[i] = bm25.textQuery(texts.get(i), Map.of(), reader);
				for (int s = 0; s < shares.length; s++) {
					split[s][i] = withoutCommon(analyzers, texts.get(i), reader, shares[s]);
				}
			}
			for (int pass = 0; pass < 4; pass++) {
				for (int i = 0; i < n; i++) {
					if (queries[i] == null) {
						continue;
					}
					for (int v = 0; v < variants; v++) {
						long start = System.nanoTime();
						TopDocs top = switch (v) {
							case 0 -> plain.search(queries[i], depth);
							case 1 -> concurrent.search(queries[i], depth);
							default -> plain.search(split[v - 2][i], depth);
						};
						long nanos = System.nanoTime() - start;
						if (pass > 0) {
							best[v][i] = Math.min(best[v][i], nanos);
						}
						tops[v][i] = top;
					}
				}
			}
			String[] names = { "default search(q, 50)", parts + " slices", "without terms in > 50%",
					"without terms in > 30%", "without terms in > 20%" };
			for (int v = 0; v < variants; v++) {
				long[] row = Arrays.stream(best[v]).filter((x) -> x != Long.MAX_VALUE).toArray();
				Latency l = Latency.of(row);
				int same50 = 0;
				double overlap5 = 0;
				double overlap50 = 0;
				int counted = 0;
				for (int i = 0; i < n; i++) {
					if (queries[i] == null) {
						continue;
					}
					counted++;
					if (identical(tops[0][i], tops[v][i])) {
						same50++;
					}
					overlap5 += overlap(tops[0][i], tops[v][i], 5);
					overlap50 += overlap(tops[0][i], tops[v][i], 50);
				}
				System.out.printf(
						"%-34s p50 %6.2f p95 %6.2f p99 %6.2f mean %6.2f | identical top50 %d/%d, overlap@5 %.4f"
								+ " overlap@50 %.4f%n",
						names[v], l.p50(), l.p95(), l.p99(), l.mean(), same50, counted, overlap5 / counted,
						overlap50 / counted);
			}
			Integer[] order = new Integer[n];
			for (int i = 0; i < n; i++) {
				order[i] = i;
			}
			Arrays.sort(order, Comparator.comparingLong((Integer i) -> -best[0][i]));
			System.out.println("Slowest 25 (default), ms / terms with docFreq fraction / hits:");
			for (int r = 0; r < 25; r++) {
				int i = order[r];
				System.out.printf("%6.2f %6.2f | %s | hits %d | %s%n", best[0][i] / 1e6, best[2][i] / 1e6,
						terms(analyzers, texts.get(i), reader), plain.count(queries[i]), texts.get(i));
			}
			Arrays.sort(order, Comparator.comparingLong((Integer i) -> best[0][i]));
			System.out.println("Fastest 5 (default):");
			for (int r = 0; r < 5; r++) {
				int i = order[r];
				System.out.printf("%6.2f | %s | %s%n", best[0][i] / 1e6, terms(analyzers, texts.get(i), reader),
						texts.get(i));
			}
		}
		finally {
			sliced.close();
		}
	}

	static List<String> analyse(LanguageAnalyzers analyzers, String text) throws Exception {
		List<String> terms = new ArrayList<>();
		try (TokenStream stream = analyzers.perField().tokenStream(PassageSchema.textField("en"), text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(term.toString());
			}
			stream.end();
		}
		return terms;
	}

	static String terms(LanguageAnalyzers analyzers, String text, DirectoryReader reader) throws Exception {
		StringBuilder out = new StringBuilder();
		for (String t : analyse(analyzers, text)) {
			int df = reader.docFreq(new Term(PassageSchema.textField("en"), t));
			out.append(t).append(String.format(":%.2f ", df / (double) reader.maxDoc()));
		}
		return out.toString().strip();
	}

	/** The text's terms without those in more than {@code share} of the passages. */
	static Query withoutCommon(LanguageAnalyzers analyzers, String text, DirectoryReader reader, double share)
			throws Exception {
		String field = PassageSchema.textField("en");
		BooleanQuery.Builder kept = new BooleanQuery.Builder();
		BooleanQuery.Builder all = new BooleanQuery.Builder();
		int count = 0;
		for (String t : analyse(analyzers, text)) {
			Term term = new Term(field, t);
			all.add(new TermQuery(term), Occur.SHOULD);
			if (reader.docFreq(term) <= share * reader.maxDoc()) {
				kept.add(new TermQuery(term), Occur.SHOULD);
				count++;
			}
		}
		return (count > 0) ? kept.build() : all.build();
	}

	static boolean identical(TopDocs a, TopDocs b) {
		if (a.scoreDocs.length != b.scoreDocs.length) {
			return false;
		}
		for (int i = 0; i < a.scoreDocs.length; i++) {
			if (a.scoreDocs[i].doc != b.scoreDocs[i].doc || a.scoreDocs[i].score != b.scoreDocs[i].score) {
				return false;
			}
		}
		return true;
	}

	static double overlap(TopDocs a, TopDocs b, int k) {
		java.util.Set<Integer> x = new java.util.HashSet<>();
		for (int i = 0; i < Math.min(k, a.scoreDocs.length); i++) {
			x.add(a.scoreDocs[i].doc);
		}
		if (x.isEmpty()) {
			return 1;
		}
		int hit = 0;
		for (int i = 0; i < Math.min(k, b.scoreDocs.length); i++) {
			if (x.contains(b.scoreDocs[i].doc)) {
				hit++;
			}
		}
		return hit / (double) x.size();
	}

}
