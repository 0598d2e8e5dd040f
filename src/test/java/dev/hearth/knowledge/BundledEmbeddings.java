package dev.hearth.knowledge;

import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The bundled embedding model without Spring, for fits that replay benchmark rows
 * ({@code SpanChoiceFit}). Not thread-safe beyond what the model is.
 */
public final class BundledEmbeddings {

	private BundledEmbeddings() {
	}

	/** A new instance of the bundled all-MiniLM-L6-v2; embeds a text per call. */
	public static Function<String, float[]> open() {
		InProcessEmbeddingModel model = new InProcessEmbeddingModel(
				Executors.newFixedThreadPool(1, Thread.ofPlatform().daemon(true).factory()));
		return model::embed;
	}

}
