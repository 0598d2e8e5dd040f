package dev.hearth.assistant.model;

import dev.hearth.privacy.EgressGuard;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link ChatModel} that {@code hearth.assistant.model.provider} names: none at all
 * for {@code none} (the default), the in-process llama.cpp model for {@code llama}, an
 * OpenAI-compatible server for {@code openai}. A model that cannot be set up stops the
 * application's start with a {@link ModelUnavailableException}, which
 * {@link ModelFailureAnalyzer} reports in a few lines.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ModelProperties.class)
class ModelConfiguration {

	private static final String PROVIDER = "hearth.assistant.model.provider";

	@Bean(destroyMethod = "close")
	@ConditionalOnProperty(name = PROVIDER, havingValue = "llama")
	LlamaChatModel llamaChatModel(ModelProperties properties) {
		return new LlamaChatModel(properties.llama());
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnProperty(name = PROVIDER, havingValue = "openai")
	OpenAiCompatibleChatModel openAiChatModel(ModelProperties properties, EgressGuard egress) {
		return new OpenAiCompatibleChatModel(properties.openai(), egress);
	}

}
