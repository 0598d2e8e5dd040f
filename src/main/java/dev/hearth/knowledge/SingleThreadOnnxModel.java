package dev.hearth.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;

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
 */
final class SingleThreadOnnxModel extends AbstractInProcessEmbeddingModel {

	private final OnnxBertBiEncoder encoder;

	private SingleThreadOnnxModel(OnnxBertBiEncoder encoder, Executor executor) {
		super(executor);
		this.encoder = encoder;
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
			return new SingleThreadOnnxModel(new OnnxBertBiEncoder(environment,
					environment.createSession(modelBytes.readAllBytes(), options), tokenizerJson, pooling), executor);
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
			return new SingleThreadOnnxModel(new OnnxBertBiEncoder(environment,
					environment.createSession(model.toString(), options), tokenizerJson, pooling), executor);
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

}
