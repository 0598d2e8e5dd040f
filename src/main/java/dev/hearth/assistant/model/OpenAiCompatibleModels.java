package dev.hearth.assistant.model;

import java.net.URI;
import java.time.Duration;

import org.springframework.ai.chat.model.ChatModel;

import dev.hearth.privacy.EgressGuard;

/**
 * Builds OpenAI-compatible chat models for other parts of Hearth (the approved-LLM
 * gateway).
 */
public final class OpenAiCompatibleModels {

	private OpenAiCompatibleModels() {
	}

	/**
	 * A model client; close it (it is {@link AutoCloseable}) when done.
	 * @param baseUrl the API address up to {@code /v1}
	 * @param model the model name
	 * @param apiKey the key, or empty
	 * @param maxTokens the longest answer
	 * @param timeout connect and read timeout
	 * @param egress the egress guard every request passes
	 */
	public static ChatModel create(URI baseUrl, String model, String apiKey, int maxTokens, Duration timeout,
			EgressGuard egress) {
		return new OpenAiCompatibleChatModel(new ModelProperties.OpenAiSettings(baseUrl, model,
				(apiKey != null) ? apiKey : "", maxTokens, 0.2, timeout), egress);
	}

	/**
	 * An Azure OpenAI chat model client; close it when done.
	 * @param resource the resource address, e.g. {@code https://x.openai.azure.com}
	 * @param deployment the deployment name
	 * @param apiKey the key
	 * @param maxTokens the longest answer
	 * @param timeout connect and read timeout
	 * @param egress the egress guard every request passes
	 */
	public static ChatModel azure(URI resource, String deployment, String apiKey, int maxTokens, Duration timeout,
			EgressGuard egress) {
		return new OpenAiCompatibleChatModel(new ModelProperties.OpenAiSettings(resource, deployment,
				(apiKey != null) ? apiKey : "", maxTokens, 0.2, timeout), egress, true);
	}

	/**
	 * An Anthropic messages API client; close it when done.
	 * @param baseUrl e.g. {@code https://api.anthropic.com}
	 * @param model the model name
	 * @param apiKey the key
	 * @param maxTokens the longest answer
	 * @param timeout connect and read timeout
	 * @param egress the egress guard every request passes
	 */
	public static ChatModel anthropic(URI baseUrl, String model, String apiKey, int maxTokens, Duration timeout,
			EgressGuard egress) {
		return new AnthropicApiChatModel(baseUrl, model, apiKey, maxTokens, timeout, egress);
	}

}
