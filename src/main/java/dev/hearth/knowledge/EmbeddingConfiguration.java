package dev.hearth.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The in-process embedding model: the bundled all-MiniLM-L6-v2, or the
 * sentence-transformers ONNX model and tokenizer given by
 * {@code hearth.knowledge.embedding.model-path} and {@code tokenizer-path} (then
 * {@code hearth.knowledge.embedding-model-id} must name it, so stored vectors are
 * re-embedded), unless the application defines another Spring AI {@link EmbeddingModel}
 * (then also set the id).
 */
@Configuration(proxyBeanMethods = false)
class EmbeddingConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(EmbeddingModel.class)
	InProcessEmbeddingModel embeddingModel(KnowledgeProperties properties) {
		KnowledgeProperties.Embedding embedding = properties.embedding();
		if (embedding.modelPath() == null && embedding.tokenizerPath() == null) {
			return new InProcessEmbeddingModel(executor());
		}
		check(embedding.modelPath(), "model-path", "the model's ONNX file (model.onnx)");
		check(embedding.tokenizerPath(), "tokenizer-path", "the model's tokenizer.json");
		if (KnowledgeProperties.BUNDLED_EMBEDDING_MODEL_ID.equals(properties.embeddingModelId())) {
			throw new IllegalStateException("hearth.knowledge.embedding.model-path is set, but"
					+ " hearth.knowledge.embedding-model-id is still '" + KnowledgeProperties.BUNDLED_EMBEDDING_MODEL_ID
					+ "': set it to a name for the configured model, so that stored vectors are re-embedded");
		}
		return new InProcessEmbeddingModel(embedding.modelPath(), embedding.tokenizerPath(), embedding.pooling(),
				executor());
	}

	private static ExecutorService executor() {
		int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
		return Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("embedding-", 0).daemon(true).factory());
	}

	private static void check(Path path, String property, String what) {
		if (path == null || !Files.isRegularFile(path)) {
			throw new IllegalStateException("hearth.knowledge.embedding." + property + " must be " + what + ", got "
					+ ((path == null) ? "nothing" : "'" + path + "', which is not a readable file"));
		}
	}

}
