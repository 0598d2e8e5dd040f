package dev.hearth.knowledge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * A sentence-transformers ONNX model whose session runs each inference on the calling
 * thread alone (one intra-op thread). ONNX Runtime's default gives a session a pool of
 * one thread per core that spins while it waits for work: for a customer's question of a
 * dozen tokens that spinning cost about 2.5 times the CPU of the inference itself (5.3
 * against 1.9 ms a question, 21 against 9 ms for 400 characters, the same vectors), and
 * on a server where many requests embed at once the cores are busy anyway. Batches still
 * run in parallel, one text per thread of the given executor. Thread-safe.
 *
 * <p>
 * {@link #embedText} gives the same vectors as the library's {@link #embed} for less CPU.
 * Several texts padded into one inference would not pay: with the quantized bundled model
 * they cost more CPU per text, and their vectors change (the activations are quantized
 * per batch), see docs/benchmarks.md (issue 14, scale2).
 */
final class SingleThreadOnnxModel extends AbstractInProcessEmbeddingModel {

	/** Tokens one inference takes, besides the two special tokens. */
	static final int MAX_TOKENS = 510;

	private final OnnxBertBiEncoder encoder;

	private final OrtEnvironment environment;

	private final OrtSession session;

	private final HuggingFaceTokenizer tokenizer;

	private final PoolingMode pooling;

	private final boolean typeIds;

	private SingleThreadOnnxModel(OrtEnvironment environment, OrtSession session, byte[] tokenizerJson,
			PoolingMode pooling, Executor executor) throws IOException, OrtException {
		super(executor);
		this.environment = environment;
		this.session = session;
		this.encoder = new OnnxBertBiEncoder(environment, session, new ByteArrayInputStream(tokenizerJson), pooling);
		// the library's encoder's settings
		this.tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(tokenizerJson),
				Map.of("padding", "false"));
		this.pooling = pooling;
		this.typeIds = session.getInputNames().contains("token_type_ids");
	}

	/**
	 * A model from the class path (the bundled one).
	 * @param model the ONNX file's resource name
	 * @param tokenizer the resource name of the model's {@code tokenizer.json}
	 * @throws IllegalStateException if a resource is missing or ONNX Runtime cannot load
	 * the model
	 */
	static SingleThreadOnnxModel fromClassPath(ClassLoader loader, String model, String tokenizer, PoolingMode pooling,
			Executor executor) {
		try (InputStream modelBytes = resource(loader, model);
				InputStream tokenizerJson = resource(loader, tokenizer);
				OrtSession.SessionOptions options = options()) {
			OrtEnvironment environment = OrtEnvironment.getEnvironment();
			return new SingleThreadOnnxModel(environment, environment.createSession(modelBytes.readAllBytes(), options),
					tokenizerJson.readAllBytes(), pooling, executor);
		}
		catch (OrtException ex) {
			throw new IllegalStateException(
					"ONNX Runtime could not load the embedding model " + model + ": " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The embedding model " + model + " could not be read", ex);
		}
	}

	/**
	 * A model from files.
	 * @throws IllegalStateException if ONNX Runtime cannot load the model
	 */
	static SingleThreadOnnxModel fromFiles(Path model, Path tokenizer, PoolingMode pooling, Executor executor) {
		try (InputStream tokenizerJson = Files.newInputStream(tokenizer);
				OrtSession.SessionOptions options = options()) {
			OrtEnvironment environment = OrtEnvironment.getEnvironment();
			return new SingleThreadOnnxModel(environment, environment.createSession(model.toString(), options),
					tokenizerJson.readAllBytes(), pooling, executor);
		}
		catch (OrtException ex) {
			throw new IllegalStateException(
					"ONNX Runtime could not load the embedding model " + model + ": " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The tokenizer " + tokenizer + " could not be read", ex);
		}
	}

	private static OrtSession.SessionOptions options() throws OrtException {
		OrtSession.SessionOptions options = new OrtSession.SessionOptions();
		options.setIntraOpNumThreads(1);
		return options;
	}

	private static InputStream resource(ClassLoader loader, String name) {
		InputStream in = loader.getResourceAsStream(name);
		if (in == null) {
			throw new IllegalStateException("The embedding model's " + name + " is missing from the class path");
		}
		return in;
	}

	@Override
	protected OnnxBertBiEncoder model() {
		return this.encoder;
	}

	/**
	 * The unit-length vector of {@code text}, computed on the calling thread: the vector
	 * {@link #embed} gives, for a third of its tokenizing (the library's encoder
	 * tokenizes a text three times: to count its tokens, to check that they read back, to
	 * encode them). A text longer than {@value #MAX_TOKENS} tokens goes to
	 * {@link #embed}, which embeds it in windows.
	 */
	float[] embedText(String text) {
		long[] ids = this.tokenizer.encode(text, true, false).getIds();
		if (ids.length - 2 > MAX_TOKENS) {
			return embed(text).content().vector();
		}
		long[] shape = { 1, ids.length };
		try (OnnxTensor tokenTensor = OnnxTensor.createTensor(this.environment, LongBuffer.wrap(ids), shape);
				OnnxTensor maskTensor = OnnxTensor.createTensor(this.environment, LongBuffer.wrap(ones(ids.length)),
						shape);
				OnnxTensor typeTensor = OnnxTensor.createTensor(this.environment, LongBuffer.wrap(new long[ids.length]),
						shape)) {
			Map<String, OnnxTensor> inputs = new HashMap<>();
			inputs.put("input_ids", tokenTensor);
			inputs.put("attention_mask", maskTensor);
			if (this.typeIds) {
				inputs.put("token_type_ids", typeTensor);
			}
			try (OrtSession.Result result = this.session.run(inputs)) {
				OnnxTensor output = (OnnxTensor) result.get(0);
				int dimensions = (int) output.getInfo().getShape()[2];
				return normalise(pool(output.getFloatBuffer(), ids.length, dimensions));
			}
		}
		catch (OrtException ex) {
			throw new IllegalStateException("The embedding model failed: " + ex.getMessage(), ex);
		}
	}

	private static long[] ones(int length) {
		long[] ones = new long[length];
		java.util.Arrays.fill(ones, 1L);
		return ones;
	}

	/**
	 * The pooled vector of the {@code length} token vectors: in the library encoder's
	 * order of operations, so that the vector is exactly the one it gives.
	 */
	private float[] pool(FloatBuffer values, int length, int dimensions) {
		float[] pooled = new float[dimensions];
		if (this.pooling == PoolingMode.CLS) {
			values.get(0, pooled);
			return pooled;
		}
		for (int t = 0; t < length; t++) {
			int offset = t * dimensions;
			for (int d = 0; d < dimensions; d++) {
				pooled[d] += values.get(offset + d);
			}
		}
		for (int d = 0; d < dimensions; d++) {
			pooled[d] /= length;
		}
		return pooled;
	}

	private static float[] normalise(float[] vector) {
		float sumSquare = 0;
		for (float v : vector) {
			sumSquare += v * v;
		}
		float norm = (float) Math.sqrt(sumSquare);
		float[] normalised = new float[vector.length];
		for (int i = 0; i < vector.length; i++) {
			normalised[i] = vector[i] / norm;
		}
		return normalised;
	}

}
