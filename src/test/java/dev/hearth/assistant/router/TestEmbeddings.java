package dev.hearth.assistant.router;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * Embeds texts with the model Hearth uses (all-MiniLM-L6-v2 quantized, in-process), with
 * an optional cache file so benchmark reruns skip the model. Benchmarks may compare other
 * in-process models of Maven Central with {@code -Dbench.model=bge} (bge-small-en-v1.5,
 * quantized) or {@code e5} (e5-small-v2, quantized; texts prefixed "query: "), which need
 * the {@code embedding-models} profile ({@code -Pembedding-models}).
 */
final class TestEmbeddings {

	private static dev.langchain4j.model.embedding.EmbeddingModel model;

	/**
	 * The benchmark's embedding model: {@code minilm} (default), {@code bge} or
	 * {@code e5}.
	 */
	static String modelName() {
		return System.getProperty("bench.model", "minilm");
	}

	/**
	 * Whether the benchmark embeds with the bundled model (that of the out-of-domain
	 * corpus).
	 */
	static boolean bundledModel() {
		return "minilm".equals(modelName());
	}

	private static dev.langchain4j.model.embedding.EmbeddingModel load() {
		String type = switch (modelName()) {
			case "minilm" -> null;
			case "bge" -> "dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel";
			case "e5" -> "dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel";
			default -> throw new IllegalArgumentException("bench.model must be minilm, bge or e5, got " + modelName());
		};
		if (type == null) {
			return new AllMiniLmL6V2QuantizedEmbeddingModel();
		}
		try {
			return (dev.langchain4j.model.embedding.EmbeddingModel) Class.forName(type).getConstructor().newInstance();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(
					"the " + modelName() + " model is not on the classpath: run with -Pembedding-models", ex);
		}
	}

	private TestEmbeddings() {
	}

	static synchronized List<float[]> embed(List<String> texts) {
		if (model == null) {
			model = load();
		}
		String prefix = "e5".equals(modelName()) ? "query: " : "";
		List<float[]> vectors = new ArrayList<>(texts.size());
		for (int from = 0; from < texts.size(); from += 64) {
			List<TextSegment> batch = texts.subList(from, Math.min(texts.size(), from + 64))
				.stream()
				.map((text) -> TextSegment.from(prefix + text))
				.toList();
			for (Embedding embedding : model.embedAll(batch).content()) {
				vectors.add(embedding.vector());
			}
		}
		return vectors;
	}

	/**
	 * Vectors of the texts, from the cache file where present; new ones are added to it.
	 */
	static Map<String, float[]> cached(List<String> texts, Path cache) throws IOException {
		Map<String, float[]> known = new HashMap<>();
		if (Files.exists(cache)) {
			try (DataInputStream in = new DataInputStream(Files.newInputStream(cache))) {
				int count = in.readInt();
				for (int i = 0; i < count; i++) {
					String text = in.readUTF();
					float[] vector = new float[in.readInt()];
					for (int d = 0; d < vector.length; d++) {
						vector[d] = in.readFloat();
					}
					known.put(text, vector);
				}
			}
		}
		List<String> missing = texts.stream().distinct().filter((t) -> !known.containsKey(t)).toList();
		if (!missing.isEmpty()) {
			long started = System.nanoTime();
			List<float[]> vectors = embed(missing);
			System.out.printf("embedded %d texts in %.1f s%n", missing.size(), (System.nanoTime() - started) / 1e9);
			for (int i = 0; i < missing.size(); i++) {
				known.put(missing.get(i), vectors.get(i));
			}
			Files.createDirectories(cache.getParent());
			try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(cache)))) {
				out.writeInt(known.size());
				for (Map.Entry<String, float[]> entry : known.entrySet()) {
					out.writeUTF(entry.getKey());
					out.writeInt(entry.getValue().length);
					for (float v : entry.getValue()) {
						out.writeFloat(v);
					}
				}
			}
		}
		Map<String, float[]> result = new LinkedHashMap<>();
		for (String text : texts) {
			result.put(text, known.get(text));
		}
		return result;
	}

}
