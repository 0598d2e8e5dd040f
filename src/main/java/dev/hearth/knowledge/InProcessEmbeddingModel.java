package dev.hearth.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

/**
 * A sentence-transformers model run in-process by ONNX Runtime: by default the bundled
 * all-MiniLM-L6-v2, quantized, from the weights inside its jar (nothing is downloaded;
 * 384 dimensions), or any sentence-transformers ONNX model and its {@code tokenizer.json}
 * given by path ({@code hearth.knowledge.embedding.*}). Unit-length vectors; long texts
 * are embedded in windows and averaged. Thread-safe; a batch is spread over the given
 * executor, one text per thread.
 * <p>
 * ONNX Runtime runs each text on the calling executor thread alone (one intra-op thread,
 * no spin-waiting): the executor already keeps every core busy with one text each, and
 * ONNX Runtime's default (a pool as large as the machine, spinning between operators)
 * would put two pools' threads on the same cores and burn the CPU time that parsing,
 * PostgreSQL and Lucene need during an import.
 */
final class InProcessEmbeddingModel implements EmbeddingModel, AutoCloseable {

	static final int BUNDLED_DIMENSIONS = 384;

	private final ExecutorService executor;

	private final AbstractInProcessEmbeddingModel model;

	private final int dimensions;

	/** The bundled all-MiniLM-L6-v2 (quantized). */
	InProcessEmbeddingModel(ExecutorService executor) {
		this.executor = executor;
		this.model = new Encoder(encoder(resource(BUNDLED_MODEL), resource(BUNDLED_TOKENIZER), PoolingMode.MEAN),
				executor);
		this.dimensions = BUNDLED_DIMENSIONS;
	}

	/**
	 * A model from files; its dimension is measured by embedding one probe text.
	 * @param pooling how token vectors become one: {@code mean} (most
	 * sentence-transformers models) or {@code cls}
	 */
	InProcessEmbeddingModel(Path modelFile, Path tokenizerFile, String pooling, ExecutorService executor) {
		this.executor = executor;
		this.model = new Encoder(encoder(read(modelFile), read(tokenizerFile), poolingMode(pooling)), executor);
		this.dimensions = this.model.embed("dimension probe").content().vector().length;
	}

	private static final String BUNDLED_MODEL = "all-minilm-l6-v2-q.onnx";

	private static final String BUNDLED_TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

	/** The model's session: one intra-op thread per run, no spin-waiting. */
	private static OnnxBertBiEncoder encoder(byte[] model, byte[] tokenizer, PoolingMode pooling) {
		OrtEnvironment environment = OrtEnvironment.getEnvironment();
		try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
			options.setIntraOpNumThreads(1);
			options.setInterOpNumThreads(1);
			options.addConfigEntry("session.intra_op.allow_spinning", "0");
			options.addConfigEntry("session.inter_op.allow_spinning", "0");
			OrtSession session = environment.createSession(model, options);
			return new OnnxBertBiEncoder(environment, session, new java.io.ByteArrayInputStream(tokenizer), pooling);
		}
		catch (OrtException ex) {
			throw new IllegalStateException("The embedding model could not be loaded: " + ex.getMessage(), ex);
		}
	}

	private static byte[] resource(String name) {
		try (InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getClassLoader().getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("The bundled embedding model's " + name + " is not on the class path");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

	static PoolingMode poolingMode(String pooling) {
		return switch ((pooling == null) ? "" : pooling.strip().toLowerCase(java.util.Locale.ROOT)) {
			case "mean" -> PoolingMode.MEAN;
			case "cls" -> PoolingMode.CLS;
			default -> throw new IllegalArgumentException(
					"hearth.knowledge.embedding.pooling must be 'mean' or 'cls', got '" + pooling + "'");
		};
	}

	@Override
	public EmbeddingResponse call(EmbeddingRequest request) {
		List<String> texts = request.getInstructions();
		List<TextSegment> segments = new ArrayList<>(texts.size());
		for (String text : texts) {
			segments.add(TextSegment.from(text));
		}
		List<dev.langchain4j.data.embedding.Embedding> vectors = this.model.embedAll(segments).content();
		List<Embedding> embeddings = new ArrayList<>(vectors.size());
		for (int i = 0; i < vectors.size(); i++) {
			embeddings.add(new Embedding(vectors.get(i).vector(), i));
		}
		return new EmbeddingResponse(embeddings);
	}

	@Override
	public float[] embed(String text) {
		return this.model.embed(text).content().vector();
	}

	@Override
	public float[] embed(Document document) {
		return embed(document.getText());
	}

	@Override
	public int dimensions() {
		return this.dimensions;
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	/** The model with a session of ours, its texts spread over the executor. */
	private static final class Encoder extends AbstractInProcessEmbeddingModel {

		private final OnnxBertBiEncoder model;

		Encoder(OnnxBertBiEncoder model, ExecutorService executor) {
			super(executor);
			this.model = model;
		}

		@Override
		protected OnnxBertBiEncoder model() {
			return this.model;
		}

	}

}
