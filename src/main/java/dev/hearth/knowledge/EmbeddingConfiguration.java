package dev.hearth.knowledge;

import java.util.concurrent.Executors;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The in-process MiniLM model, unless the application defines another Spring AI
 * {@link EmbeddingModel} (then also set {@code hearth.knowledge.embedding-model-id}, so
 * stored vectors are re-embedded).
 */
@Configuration(proxyBeanMethods = false)
class EmbeddingConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(EmbeddingModel.class)
	MiniLmEmbeddingModel embeddingModel() {
		int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
		return new MiniLmEmbeddingModel(Executors.newFixedThreadPool(threads,
				Thread.ofPlatform().name("embedding-", 0).daemon(true).factory()));
	}

}
