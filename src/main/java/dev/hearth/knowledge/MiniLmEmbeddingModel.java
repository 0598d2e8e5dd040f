package dev.hearth.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

/**
 * The embedded default embedding model: all-MiniLM-L6-v2, quantized, run in-process by
 * ONNX Runtime from the weights inside its jar (nothing is downloaded). 384 dimensions,
 * unit length. Long texts are embedded in windows and averaged. Thread-safe; a batch is
 * spread over the given executor.
 */
final class MiniLmEmbeddingModel implements EmbeddingModel, AutoCloseable {

	static final int DIMENSIONS = 384;

	private final ExecutorService executor;

	private final AllMiniLmL6V2QuantizedEmbeddingModel model;

	MiniLmEmbeddingModel(ExecutorService executor) {
		this.executor = executor;
		this.model = new AllMiniLmL6V2QuantizedEmbeddingModel(executor);
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
		return DIMENSIONS;
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
