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

	private static final Map<String, dev.langchain4j.model.embedding.EmbeddingModel> MODELS = new HashMap<>();

	/**
	 * The benchmark's embedding model: {@code minilm} (default), {@code bge} or
	 * {@code e5}, or two joined by {@code +} (for instance {@code minilm+bge}): each
	 * model's unit vector, concatenated and divided by the square root of their number,
	 * so that the cosine of two combined vectors is the mean of the models' cosines.
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

	private static dev.langchain4j.model.embedding.EmbeddingModel load(String name) {
		String type = switch (name) {
			case "minilm" -> null;
			case "bge" -> "dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel";
			case "e5" -> "dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel";
			default -> throw new IllegalArgumentException(
					"bench.model must be minilm, bge or e5 or two joined by +, got " + modelName());
		};
		if (type == null) {
			return new AllMiniLmL6V2QuantizedEmbeddingModel();
		}
		try {
			return (dev.langchain4j.model.embedding.EmbeddingModel) Class.forName(type).getConstructor().newInstance();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(
					"the " + name + " model is not on the classpath: run with -Pembedding-models", ex);
		}
	}

	private TestEmbeddings() {
	}

	/** The models {@link #modelName()} joins, one or more. */
	static List<String> components() {
		return List.of(modelName().split("\\+"));
	}

	static synchronized List<float[]> embed(List<String> texts) {
		List<String> names = components();
		if (names.size() == 1) {
			return embed(names.get(0), texts);
		}
		List<List<float[]>> parts = new ArrayList<>();
		for (String name : names) {
			parts.add(embed(name, texts));
		}
		return combine(parts, texts.size());
	}

	/** One model's vectors of the texts (e5 with its "query: " prefix), batches of 64. */
	static synchronized List<float[]> embed(String name, List<String> texts) {
		dev.langchain4j.model.embedding.EmbeddingModel model = MODELS.computeIfAbsent(name, TestEmbeddings::load);
		String prefix = "e5".equals(name) ? "query: " : "";
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

	/** Each model's unit vectors concatenated, scaled by 1 / sqrt(models). */
	private static List<float[]> combine(List<List<float[]>> parts, int count) {
		List<float[]> combined = new ArrayList<>(count);
		float scale = (float) (1 / Math.sqrt(parts.size()));
		for (int i = 0; i < count; i++) {
			int dimensions = 0;
			for (List<float[]> part : parts) {
				dimensions += part.get(i).length;
			}
			float[] vector = new float[dimensions];
			int at = 0;
			for (List<float[]> part : parts) {
				float[] v = part.get(i);
				double norm = Math.sqrt(VectorMath.dot(v, v));
				for (float x : v) {
					vector[at++] = (norm > 0) ? (float) (x / norm * scale) : 0;
				}
			}
			combined.add(vector);
		}
		return combined;
	}

	/**
	 * As {@link #cached(List, Path)} for the benchmark's model: the file is
	 * {@code <base>.bin} for the bundled model, {@code <base>-<model>.bin} for another; a
	 * combination reads and fills each model's file and combines their vectors.
	 */
	static Map<String, float[]> cachedFor(List<String> texts, String base) throws IOException {
		List<String> names = components();
		if (names.size() == 1) {
			return cached(texts, path(base, names.get(0)), names.get(0));
		}
		List<List<float[]>> parts = new ArrayList<>();
		for (String name : names) {
			Map<String, float[]> vectors = cached(texts, path(base, name), name);
			parts.add(texts.stream().map(vectors::get).toList());
		}
		List<float[]> combined = combine(parts, texts.size());
		Map<String, float[]> result = new LinkedHashMap<>();
		for (int i = 0; i < texts.size(); i++) {
			result.put(texts.get(i), combined.get(i));
		}
		return result;
	}

	private static Path path(String base, String name) {
		return Path.of(base + ("minilm".equals(name) ? "" : "-" + name) + ".bin");
	}

	static Map<String, float[]> cached(List<String> texts, Path cache) throws IOException {
		List<String> names = components();
		return (names.size() == 1) ? cached(texts, cache, names.get(0)) : uncachedCombination(texts);
	}

	private static Map<String, float[]> uncachedCombination(List<String> texts) {
		List<String> distinct = texts.stream().distinct().toList();
		List<float[]> vectors = embed(distinct);
		Map<String, float[]> result = new LinkedHashMap<>();
		for (int i = 0; i < distinct.size(); i++) {
			result.put(distinct.get(i), vectors.get(i));
		}
		return result;
	}

	/**
	 * One model's vectors of the texts, from the cache file where present; new ones are
	 * added to it.
	 */
	private static Map<String, float[]> cached(List<String> texts, Path cache, String name) throws IOException {
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
			List<float[]> vectors = embed(name, missing);
			double seconds = (System.nanoTime() - started) / 1e9;
			System.out.printf("embedded %d texts with %s in %.1f s (%.1f texts/s)%n", missing.size(), name, seconds,
					missing.size() / seconds);
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
