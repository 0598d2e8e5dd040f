package dev.hearth.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

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
 * are embedded in windows and averaged. Each inference runs on one thread
 * ({@link SingleThreadOnnxModel}): one text on the caller's thread, several (a document's
 * chunks) one per task of the given executor. Thread-safe.
 */
final class InProcessEmbeddingModel implements EmbeddingModel, AutoCloseable {

	static final int BUNDLED_DIMENSIONS = 384;

	private final ExecutorService executor;

	private final SingleThreadOnnxModel model;

	private final int dimensions;

	/** The bundled all-MiniLM-L6-v2 (quantized). */
	InProcessEmbeddingModel(ExecutorService executor) {
		this.executor = executor;
		this.model = SingleThreadOnnxModel.fromClassPath(AllMiniLmL6V2QuantizedEmbeddingModel.class.getClassLoader(),
				"all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", PoolingMode.MEAN, executor);
		this.dimensions = BUNDLED_DIMENSIONS;
	}

	/**
	 * A model from files; its dimension is measured by embedding one probe text.
	 * @param pooling how token vectors become one: {@code mean} (most
	 * sentence-transformers models) or {@code cls}
	 */
	InProcessEmbeddingModel(Path modelFile, Path tokenizerFile, String pooling, ExecutorService executor) {
		this.executor = executor;
		this.model = SingleThreadOnnxModel.fromFiles(modelFile, tokenizerFile, poolingMode(pooling), executor);
		this.dimensions = this.model.embed("dimension probe").content().vector().length;
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
		float[][] vectors = embedAll(texts);
		List<Embedding> embeddings = new ArrayList<>(vectors.length);
		for (int i = 0; i < vectors.length; i++) {
			embeddings.add(new Embedding(vectors[i], i));
		}
		return new EmbeddingResponse(embeddings);
	}

	/** Vectors of {@code texts} in their order, one text per task of the executor. */
	private float[][] embedAll(List<String> texts) {
		float[][] vectors = new float[texts.size()][];
		if (texts.size() == 1) {
			vectors[0] = embed(texts.get(0));
			return vectors;
		}
		List<Future<?>> tasks = new ArrayList<>(texts.size());
		for (int i = 0; i < texts.size(); i++) {
			int index = i;
			tasks.add(this.executor.submit(() -> vectors[index] = this.model.embedText(texts.get(index))));
		}
		for (Future<?> task : tasks) {
			try {
				task.get();
			}
			catch (InterruptedException ex) {
				tasks.forEach((t) -> t.cancel(false));
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while embedding", ex);
			}
			catch (ExecutionException ex) {
				throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
						: new IllegalStateException(ex.getCause());
			}
		}
		return vectors;
	}

	@Override
	public float[] embed(String text) {
		return this.model.embedText(text);
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

}
