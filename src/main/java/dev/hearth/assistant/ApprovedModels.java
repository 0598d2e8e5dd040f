package dev.hearth.assistant;

import java.net.URI;
import java.time.Duration;

import org.springframework.ai.chat.model.ChatModel;

import dev.hearth.assistant.model.OpenAiCompatibleModels;
import dev.hearth.privacy.EgressGuard;

/** The assistant module's way for others to get a chat model for an approved endpoint. */
public final class ApprovedModels {

	private ApprovedModels() {
	}

	/** An OpenAI-compatible chat model behind the egress guard; close it when done. */
	public static ChatModel openAiCompatible(URI baseUrl, String model, String apiKey, int maxTokens, Duration timeout,
			EgressGuard egress) {
		return OpenAiCompatibleModels.create(baseUrl, model, apiKey, maxTokens, timeout, egress);
	}

	/** An Azure OpenAI deployment behind the egress guard; close it when done. */
	public static ChatModel azureOpenAi(URI resource, String deployment, String apiKey, int maxTokens, Duration timeout,
			EgressGuard egress) {
		return OpenAiCompatibleModels.azure(resource, deployment, apiKey, maxTokens, timeout, egress);
	}

	/** An Anthropic model behind the egress guard; close it when done. */
	public static ChatModel anthropic(URI baseUrl, String model, String apiKey, int maxTokens, Duration timeout,
			EgressGuard egress) {
		return OpenAiCompatibleModels.anthropic(baseUrl, model, apiKey, maxTokens, timeout, egress);
	}

}
