package dev.hearth.retrieval;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

/**
 * Embeds a list of texts with the real model once and caches the vectors in a file keyed
 * by the texts, so that benchmark reruns skip the slow part. For the benchmark only.
 */
final class BenchEmbeddings {

	private static final int MAGIC = 0x48454D42;

	private static final int BATCH = 256;

	private BenchEmbeddings() {
	}

	static float[][] embedAll(EmbeddingModel model, String modelId, List<String> texts, Path cache) throws IOException {
		long key = key(modelId, texts);
		float[][] cached = read(cache, key, texts.size());
		if (cached != null) {
			return cached;
		}
		float[][] vectors = new float[texts.size()][];
		for (int from = 0; from < texts.size(); from += BATCH) {
			List<TextSegment> batch = new ArrayList<>();
			for (String text : texts.subList(from, Math.min(texts.size(), from + BATCH))) {
				batch.add(TextSegment.from(text));
			}
			List<Embedding> embeddings = model.embedAll(batch).content();
			for (int i = 0; i < embeddings.size(); i++) {
				vectors[from + i] = embeddings.get(i).vector();
			}
		}
		write(cache, key, vectors);
		return vectors;
	}

	private static long key(String modelId, List<String> texts) {
		long hash = 0xcbf29ce484222325L;
		for (String text : texts) {
			hash = (hash ^ text.hashCode()) * 0x100000001b3L;
		}
		return (hash ^ modelId.hashCode()) * 0x100000001b3L;
	}

	private static float[][] read(Path cache, long key, int count) throws IOException {
		if (!Files.exists(cache)) {
			return null;
		}
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cache)))) {
			if (in.readInt() != MAGIC || in.readLong() != key || in.readInt() != count) {
				return null;
			}
			int dimensions = in.readInt();
			float[][] vectors = new float[count][dimensions];
			for (float[] vector : vectors) {
				for (int d = 0; d < dimensions; d++) {
					vector[d] = in.readFloat();
				}
			}
			return vectors;
		}
	}

	private static void write(Path cache, long key, float[][] vectors) throws IOException {
		Files.createDirectories(cache.getParent());
		try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(cache)))) {
			out.writeInt(MAGIC);
			out.writeLong(key);
			out.writeInt(vectors.length);
			out.writeInt(vectors[0].length);
			for (float[] vector : vectors) {
				for (float value : vector) {
					out.writeFloat(value);
				}
			}
		}
	}

}
