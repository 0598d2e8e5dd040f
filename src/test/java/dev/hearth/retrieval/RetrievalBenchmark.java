package dev.hearth.retrieval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.hearth.retrieval.BenchReport.Latency;
import dev.hearth.retrieval.BitextData.Utterance;

/**
 * The retrieval benchmark: query-embedding time, FAQ recall per fusion mode on the Bitext
 * data, and vector recall and query latency on a 100,000-passage corpus. Not a unit test:
 * Surefire's default includes skip it, and it only runs when asked for by name:
 *
 * <pre>
 * mvn -q -o test -Dtest=RetrievalBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * Options (system properties): {@code bench.formats=all} also measures every other vector
 * format (about a minute more per format), {@code bench.passages}, {@code bench.queries},
 * {@code bench.data}. Results go to {@code target/bench/retrieval.json} and
 * {@code target/bench/retrieval.txt}; pool embeddings are cached in {@code target/bench}.
 */
@EnabledIfSystemProperty(named = "test", matches = ".*RetrievalBenchmark.*",
		disabledReason = "a benchmark; run it with -Dtest=RetrievalBenchmark")
class RetrievalBenchmark {

	private static final Path DATA = Path
		.of(System.getProperty("bench.data", "../shared/data/bitext-customer-support/utterances-20k.csv"));

	private static final Path OUT = Path.of("target", "bench");

	private static final String MODEL_ID = "all-minilm-l6-v2-q";

	private static final long SEED = 42;

	private static final int HELD_OUT_CAP = 42;

	private static final int PASSAGES = Integer.getInteger("bench.passages", 100_000);

	private static final int QUERIES = Integer.getInteger("bench.queries", 2_000);

	private static final int WARMUP = 500;

	@Test
	void benchmark() throws Exception {
		long start = System.nanoTime();
		BenchReport report = new BenchReport();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("machine", machine(report));

		List<Utterance> data = BitextData.load(DATA);
		EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
		long embedStart = System.nanoTime();
		float[][] vectors = BenchEmbeddings.embedAll(model, MODEL_ID, data.stream().map(Utterance::text).toList(),
				OUT.resolve("bitext-" + MODEL_ID + ".vectors"));
		report.line("Pool: %d Bitext utterances embedded or loaded from cache in %.1f s (%d dims)", data.size(),
				(System.nanoTime() - embedStart) / 1e9, vectors[0].length);
		json.put("query_embedding", embeddingLatency(model, data, report));

		json.put("faq_quality",
				new FaqQualityBench(data, vectors, OUT.resolve("index-faq"), MODEL_ID, report).run(SEED, HELD_OUT_CAP));
		CorpusBench.deleteRecursively(OUT.resolve("index-faq"));

		List<VectorFormat> formats = new ArrayList<>(List.of(VectorFormat.DEFAULT));
		if ("all".equals(System.getProperty("bench.formats"))) {
			Arrays.stream(VectorFormat.values()).filter((f) -> f != VectorFormat.DEFAULT).forEach(formats::add);
		}
		json.put("corpus", new CorpusBench(data, vectors, OUT, report, SEED, PASSAGES, QUERIES).run(formats, WARMUP));

		double seconds = (System.nanoTime() - start) / 1e9;
		report.line("");
		report.line("Total benchmark time %.0f s, load average at end %s", seconds, loadAverage());
		json.put("load_average_at_end", loadAverage());
		json.put("total_seconds", BenchReport.round(seconds));
		BenchReport.writeJson(OUT.resolve("retrieval.json"), json);
		Files.writeString(OUT.resolve("retrieval.txt"), report.table());
	}

	private static Map<String, Object> embeddingLatency(EmbeddingModel model, List<Utterance> data,
			BenchReport report) {
		List<Utterance> shuffled = new ArrayList<>(data);
		Collections.shuffle(shuffled, new Random(SEED + 7));
		for (Utterance utterance : shuffled.subList(0, 50)) {
			model.embed(utterance.text());
		}
		List<Utterance> timed = shuffled.subList(50, 550);
		long[] nanos = new long[timed.size()];
		for (int i = 0; i < nanos.length; i++) {
			long start = System.nanoTime();
			model.embed(timed.get(i).text());
			nanos[i] = System.nanoTime() - start;
		}
		Latency latency = Latency.of(nanos);
		report.line("Query embedding (%s, one sentence per call, %d calls): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms",
				MODEL_ID, latency.count(), latency.p50(), latency.p95(), latency.p99());
		return latency.toJson();
	}

	private static Map<String, Object> machine(BenchReport report) throws IOException {
		Map<String, Object> json = new LinkedHashMap<>();
		String cpu = "unknown";
		Path cpuinfo = Path.of("/proc/cpuinfo");
		if (Files.isReadable(cpuinfo)) {
			cpu = Files.readAllLines(cpuinfo)
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).strip())
				.findFirst()
				.orElse(cpu);
		}
		boolean vectorApi = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
		String load = loadAverage();
		json.put("load_average_at_start", load);
		json.put("cpu", cpu);
		json.put("available_processors", Runtime.getRuntime().availableProcessors());
		json.put("java", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.version"));
		json.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
		json.put("lucene_vector_api", vectorApi);
		report.line("Machine: %s, %d processors, Java %s, heap %d MB, Lucene Panama vectors %s, load average %s", cpu,
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
				Runtime.getRuntime().maxMemory() / (1024 * 1024), vectorApi ? "on" : "off", load);
		return json;
	}

	private static String loadAverage() throws IOException {
		Path loadavg = Path.of("/proc/loadavg");
		return Files.isReadable(loadavg) ? Files.readString(loadavg).strip() : "unknown";
	}

}
