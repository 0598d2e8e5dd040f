package dev.hearth.assistant.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

import dev.hearth.assistant.model.ModelProperties.LlamaSettings;

/**
 * Time to first token and decoding speed of {@link LlamaChatModel} on random-weight
 * models {@link TinyGguf} writes (tiny 0.6 MB, small 57 MB, large 617 MB: larger than
 * this machine's 480 MB L3 cache), next to this machine's memory bandwidth, and what
 * those figures predict for real models.
 * <p>
 * CPU decoding reads every weight once per token, so tokens/s ≈ effective memory
 * bandwidth / bytes of weights; the large model measures how much of the streaming
 * bandwidth llama.cpp reaches ("efficiency"); the smaller ones, served from the caches,
 * show the per-token overhead. Prompt processing is compute-bound: about 2 × parameters ×
 * prompt tokens floating-point operations, at the rate the small model's prompt reached.
 * Both are rough: real models are quantized (other kernels), and other processes share
 * this machine's cores.
 * <p>
 * Not a unit test: run it with
 * {@code mvn -q -o test -Dtest=LlamaBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * it prints a table and writes {@code target/bench/llama.json}.
 */
class LlamaBenchmark {

	private static final int WARM_UP = 2;

	private static final int RUNS = Integer.getInteger("bench.runs", 7);

	private static final int MAX_TOKENS = 64;

	private static final int THREADS = Runtime.getRuntime().availableProcessors();

	/** Real models for the extrapolation: name, parameters, GGUF bytes (Q4_K_M). */
	private static final Object[][] REAL_MODELS = { { "Qwen2.5-0.5B-Instruct Q4_K_M", 0.49e9, 0.40e9 },
			{ "Qwen2.5-1.5B-Instruct Q4_K_M", 1.54e9, 1.0e9 }, { "Qwen2.5-3B-Instruct Q4_K_M", 3.09e9, 1.9e9 },
			{ "Qwen2.5-7B-Instruct Q4_K_M", 7.62e9, 4.7e9 } };

	@TempDir
	Path folder;

	@Test
	void benchmark() throws IOException {
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("threads", THREADS);
		report.put("java", Runtime.version().toString());
		double bandwidth1 = streamingBandwidth(1);
		double bandwidth = streamingBandwidth(THREADS);
		report.put("memoryBandwidthGBps",
				Map.of("oneThread", round(bandwidth1 / 1e9), "allThreads", round(bandwidth / 1e9)));
		System.out.printf("%nMemory bandwidth (Java streaming read of 2 GB): %.1f GB/s on 1 thread, %.1f GB/s on %d%n",
				bandwidth1 / 1e9, bandwidth / 1e9, THREADS);

		Map<String, Object> models = new LinkedHashMap<>();
		models.put("tiny", measure("tiny", TinyGguf.Spec.tiny(), RUNS, MAX_TOKENS));
		models.put("small", measure("small", TinyGguf.Spec.small(), RUNS, MAX_TOKENS));
		TinyGguf.Spec large = TinyGguf.Spec.large();
		Map<String, Double> largeResult = measure("large", large, 3, 16);
		models.put("large", largeResult);
		report.put("models", models);

		// the large model does not fit in the caches: it shows what decoding gets of the
		// bandwidth
		double largeBytes = TinyGguf.weightBytes(large);
		double efficiency = largeResult.get("decodeTokensPerSecond") * largeBytes / bandwidth;
		double flops = 2 * (largeBytes / 4) * largeResult.get("promptTokens")
				/ (largeResult.get("firstTokenMs") / 1000);
		report.put("decodeEfficiency", round(efficiency));
		report.put("promptGflopsPerSecond", round(flops / 1e9));
		System.out.printf(
				"%nDecoding the large model read weights at %.1f GB/s, %.0f%% of the streaming bandwidth; "
						+ "its prompt ran at %.1f GFLOP/s.%n",
				largeResult.get("decodeTokensPerSecond") * largeBytes / 1e9, efficiency * 100, flops / 1e9);
		System.out.printf("%nExtrapolation: tokens/s = %.1f GB/s x %.2f / GGUF bytes; first token (500-token prompt) = "
				+ "2 x parameters x 500 / %.1f GFLOP/s%n", bandwidth / 1e9, efficiency, flops / 1e9);
		System.out.printf("%-32s %12s %20s%n", "model", "tokens/s", "first token, 500 tok");
		List<Map<String, Object>> predictions = new ArrayList<>();
		for (Object[] real : REAL_MODELS) {
			double parameters = (double) real[1];
			double bytes = (double) real[2];
			double tokensPerSecond = bandwidth * efficiency / bytes;
			double firstTokenSeconds = 2 * parameters * 500 / flops;
			System.out.printf("%-32s %12.1f %18.1f s%n", real[0], tokensPerSecond, firstTokenSeconds);
			predictions.add(Map.of("model", real[0], "ggufBytes", bytes, "parameters", parameters,
					"predictedTokensPerSecond", round(tokensPerSecond), "predictedFirstTokenSecondsFor500TokenPrompt",
					round(firstTokenSeconds)));
		}
		report.put("predictions", predictions);
		Path out = Path.of("target", "bench", "llama.json");
		Files.createDirectories(out.getParent());
		JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), report);
		System.out.println("\nWrote " + out.toAbsolutePath());
	}

	private Map<String, Double> measure(String name, TinyGguf.Spec spec, int runs, int maxTokens) throws IOException {
		Path file = TinyGguf.write(this.folder.resolve(name + ".gguf"), spec);
		double[] firstTokenMs = new double[runs];
		double[] tokensPerSecond = new double[runs];
		int promptTokens = 0;
		try (LlamaChatModel model = new LlamaChatModel(
				new LlamaSettings(file, null, spec.contextLength(), THREADS, maxTokens, 0.0, 0, false))) {
			for (int run = -WARM_UP; run < runs; run++) {
				// a different first message each run: the prompt cache must not help
				Prompt prompt = new Prompt(List.of(
						new SystemMessage("Run " + run + ". Answer from the passages: the router restarts when its "
								+ "light is red; a refund takes 5 days; roaming costs extra outside the EU."),
						new UserMessage("My internet is down and the light is red, what do I do?")),
						ChatOptions.builder().maxTokens(maxTokens).build());
				AtomicLong first = new AtomicLong();
				long started = System.nanoTime();
				List<ChatResponse> chunks = model.stream(prompt).doOnNext((chunk) -> {
					if (first.get() == 0) {
						first.set(System.nanoTime());
					}
				}).collectList().block();
				long ended = System.nanoTime();
				int tokens = chunks.get(chunks.size() - 1).getMetadata().getUsage().getCompletionTokens();
				promptTokens = chunks.get(chunks.size() - 1).getMetadata().getUsage().getPromptTokens();
				if (run >= 0) {
					firstTokenMs[run] = (first.get() - started) / 1e6;
					tokensPerSecond[run] = (tokens - 1) / ((ended - first.get()) / 1e9);
				}
			}
		}
		Map<String, Double> result = new LinkedHashMap<>();
		result.put("weightBytes", (double) TinyGguf.weightBytes(spec));
		result.put("parameters", TinyGguf.weightBytes(spec) / 4.0);
		result.put("promptTokens", (double) promptTokens);
		result.put("completionTokens", (double) maxTokens);
		result.put("firstTokenMs", round(median(firstTokenMs)));
		result.put("decodeTokensPerSecond", round(median(tokensPerSecond)));
		System.out.printf(
				"%-6s %6.1f MB F32: first token %7.1f ms (%d-token prompt), decoding %7.1f tokens/s "
						+ "(median of %d after %d warm-up)%n",
				name, result.get("weightBytes") / 1e6, result.get("firstTokenMs"), promptTokens,
				result.get("decodeTokensPerSecond"), runs, WARM_UP);
		return result;
	}

	/** Bytes per second summing a 2 GB array on {@code threads} threads (best of 3). */
	private static double streamingBandwidth(int threads) {
		long[] data = new long[256 << 20];
		Arrays.fill(data, 1);
		int slice = data.length / threads;
		long[] sums = new long[threads];
		double best = 0;
		for (int pass = 0; pass < 3; pass++) {
			Thread[] workers = new Thread[threads];
			long started = System.nanoTime();
			for (int t = 0; t < threads; t++) {
				int from = t * slice;
				int index = t;
				workers[t] = Thread.ofPlatform().start(() -> {
					long sum = 0;
					for (int i = from, end = from + slice; i < end; i++) {
						sum += data[i];
					}
					sums[index] = sum;
				});
			}
			for (Thread worker : workers) {
				try {
					worker.join();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			best = Math.max(best, 8.0 * slice * threads / seconds);
		}
		if (Arrays.stream(sums).sum() != (long) slice * threads) {
			throw new IllegalStateException("the streaming sum is wrong");
		}
		return best;
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
