package dev.hearth.assistant.router;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Embedding speed of the in-process models in one run, so that they share the machine's
 * load: ingestion (texts embedded in batches of 64, as an import does) and queries (one
 * text at a time, as a customer's question is), in texts per second, for every model of
 * {@code -Dbench.models} (default {@code minilm,bge,e5}; bge and e5 need
 * {@code -Pembedding-models}). The texts are HWU64 test questions and covid-faq English
 * FAQ questions (short, as FAQ phrasings and questions are). Rounds alternate the models
 * ({@code -Dbench.rounds}, default 3) and the best round counts, the least disturbed by
 * other processes. Not a unit test: run with
 * {@code mvn test -Pembedding-models -Dtest=EmbeddingSpeedBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "test", matches = ".*EmbeddingSpeedBenchmark.*",
		disabledReason = "a benchmark: run it with -Dtest=EmbeddingSpeedBenchmark")
class EmbeddingSpeedBenchmark {

	@Test
	void speed() throws IOException {
		Optional<SharedData> located = SharedData.locate();
		Assumptions.assumeTrue(located.isPresent(),
				"the shared data folder was not found: pass -Dhearth.data=/path/to/shared/data");
		SharedData data = located.get();
		List<String> texts = new ArrayList<>();
		data.hwu64("test").stream().limit(256).forEach((row) -> texts.add(row.text()));
		texts.addAll(new ArrayList<>(data.covidFaq("en").values()).subList(0, 256));
		List<String> queries = texts.subList(0, 128);
		List<String> models = List.of(System.getProperty("bench.models", "minilm,bge,e5").split(","));
		int rounds = Integer.getInteger("bench.rounds", 3);
		Map<String, double[]> best = new LinkedHashMap<>();
		for (String model : models) {
			TestEmbeddings.embed(model, texts.subList(0, 16)); // load and warm up
			best.put(model, new double[2]);
		}
		for (int round = 0; round < rounds; round++) {
			for (String model : models) {
				long started = System.nanoTime();
				TestEmbeddings.embed(model, texts);
				double ingest = texts.size() / ((System.nanoTime() - started) / 1e9);
				started = System.nanoTime();
				for (String query : queries) {
					TestEmbeddings.embed(model, List.of(query));
				}
				double query = queries.size() / ((System.nanoTime() - started) / 1e9);
				System.out.printf("round %d %-8s ingestion %.1f texts/s, queries %.1f texts/s%n", round, model, ingest,
						query);
				double[] b = best.get(model);
				b[0] = Math.max(b[0], ingest);
				b[1] = Math.max(b[1], query);
			}
		}
		System.out.printf("%nbest of %d rounds, %d texts (batches of 64) / %d queries (one at a time), %d cores:%n",
				rounds, texts.size(), queries.size(), Runtime.getRuntime().availableProcessors());
		best.forEach((model, b) -> System.out.printf("%-8s ingestion %.1f texts/s, queries %.1f texts/s%n", model, b[0],
				b[1]));
	}

}
