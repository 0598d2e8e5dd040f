package dev.hearth.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
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
 * are embedded in windows and averaged. Each inference runs on its caller's thread
 * ({@link SingleThreadOnnxModel}). Thread-safe; a batch is spread over the given
 * executor.
 */
final class InProcessEmbeddingModel implements EmbeddingModel, AutoCloseable {

	static final int BUNDLED_DIMENSIONS = 384;

	private final ExecutorService executor;

	private final AbstractInProcessEmbeddingModel model;

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

}
