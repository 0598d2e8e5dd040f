package dev.hearth.knowledge;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * CPU time per chunk of the bundled embedding model on one thread: the library's encoder,
 * {@link SingleThreadOnnxModel#embedText} (one tokenization), and true batched inference
 * (texts of similar length padded into one tensor, attention-masked, mean-pooled over
 * their own tokens) with its vectors' cosine to one-by-one inference. On the sample
 * knowledge base's chunks; thread CPU time, so a shared machine disturbs it little. Run
 * it with
 * {@code mvn test -Dtest=BatchedEmbeddingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "test", matches = ".*BatchedEmbeddingBenchmark.*",
		disabledReason = "a benchmark; run it with -Dtest=BatchedEmbeddingBenchmark")
class BatchedEmbeddingBenchmark {

	@Test
	void batchSizes() throws Exception {
		var executor = Executors.newSingleThreadExecutor();
		ClassLoader loader = AllMiniLmL6V2QuantizedEmbeddingModel.class.getClassLoader();
		try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
				InputStream modelBytes = loader.getResourceAsStream("all-minilm-l6-v2-q.onnx");
				InputStream tokenizerJson = loader.getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json")) {
			var model = SingleThreadOnnxModel.fromClassPath(loader, "all-minilm-l6-v2-q.onnx",
					"all-minilm-l6-v2-q-tokenizer.json", PoolingMode.MEAN, executor);
			options.setIntraOpNumThreads(1);
			OrtEnvironment environment = OrtEnvironment.getEnvironment();
			OrtSession session = environment.createSession(modelBytes.readAllBytes(), options);
			HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson,
					Map.of("padding", "false"));
			List<String> texts = new ArrayList<>(EmbedTextTest.sampleChunkTexts());
			List<String> sorted = texts.stream().sorted(Comparator.comparingInt(String::length)).toList();
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			int rounds = Integer.getInteger("bench.rounds", 2);
			System.out.printf("%d chunks, mean %d characters; load %s%n", texts.size(),
					texts.stream().mapToInt(String::length).sum() / texts.size(),
					java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip());
			texts.forEach((t) -> model.embed(t));
			texts.forEach(model::embedText);
			for (int round = 0; round < rounds; round++) {
				long start = threads.getCurrentThreadCpuTime();
				texts.forEach((t) -> model.embed(t));
				System.out.printf("round %d  library encoder, one by one   %.2f ms CPU per chunk%n", round,
						(threads.getCurrentThreadCpuTime() - start) / 1e6 / texts.size());
				start = threads.getCurrentThreadCpuTime();
				texts.forEach(model::embedText);
				System.out.printf("round %d  embedText, one by one         %.2f ms CPU per chunk%n", round,
						(threads.getCurrentThreadCpuTime() - start) / 1e6 / texts.size());
				for (int size : new int[] { 2, 4, 8, 16, 32 }) {
					double worst = 1;
					start = threads.getCurrentThreadCpuTime();
					List<float[]> vectors = new ArrayList<>();
					for (int from = 0; from < sorted.size(); from += size) {
						vectors.addAll(padded(environment, session, tokenizer,
								sorted.subList(from, Math.min(sorted.size(), from + size))));
					}
					double millis = (threads.getCurrentThreadCpuTime() - start) / 1e6 / texts.size();
					for (int i = 0; i < sorted.size(); i++) {
						worst = Math.min(worst, Vectors.cosine(vectors.get(i), model.embedText(sorted.get(i))));
					}
					System.out.printf("round %d  padded batches of %2d          %.2f ms CPU per chunk,"
							+ " worst cosine to one by one %.4f%n", round, size, millis, worst);
				}
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	/** Texts padded into one inference, mean-pooled over each text's own tokens. */
	private static List<float[]> padded(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer,
			List<String> texts) throws Exception {
		long[][] ids = new long[texts.size()][];
		int longest = 0;
		for (int i = 0; i < ids.length; i++) {
			ids[i] = tokenizer.encode(texts.get(i), true, false).getIds();
			longest = Math.max(longest, ids[i].length);
		}
		long[] tokens = new long[ids.length * longest];
		long[] mask = new long[ids.length * longest];
		for (int i = 0; i < ids.length; i++) {
			System.arraycopy(ids[i], 0, tokens, i * longest, ids[i].length);
			java.util.Arrays.fill(mask, i * longest, i * longest + ids[i].length, 1L);
		}
		long[] shape = { ids.length, longest };
		try (OnnxTensor tokenTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(tokens), shape);
				OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
				OnnxTensor typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[tokens.length]),
						shape)) {
			Map<String, OnnxTensor> inputs = new HashMap<>();
			inputs.put("input_ids", tokenTensor);
			inputs.put("attention_mask", maskTensor);
			if (session.getInputNames().contains("token_type_ids")) {
				inputs.put("token_type_ids", typeTensor);
			}
			try (OrtSession.Result result = session.run(inputs)) {
				OnnxTensor output = (OnnxTensor) result.get(0);
				int dimensions = (int) output.getInfo().getShape()[2];
				FloatBuffer values = output.getFloatBuffer();
				List<float[]> vectors = new ArrayList<>();
				for (int i = 0; i < ids.length; i++) {
					float[] pooled = new float[dimensions];
					for (int t = 0; t < ids[i].length; t++) {
						for (int d = 0; d < dimensions; d++) {
							pooled[d] += values.get((i * longest + t) * dimensions + d);
						}
					}
					double norm = 0;
					for (float v : pooled) {
						norm += v * v;
					}
					for (int d = 0; d < dimensions; d++) {
						pooled[d] /= (float) Math.sqrt(norm);
					}
					vectors.add(pooled);
				}
				return vectors;
			}
		}
	}

}
