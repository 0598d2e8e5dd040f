package dev.hearth.assistant.model;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.openai.azure.AzureOpenAIServiceVersion;
import com.openai.azure.AzureUrlPathMode;
import com.openai.azure.credential.AzureApiKeyCredential;
import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientAsync;
import com.openai.client.OpenAIClientAsyncImpl;
import com.openai.client.OpenAIClientImpl;
import com.openai.core.ClientOptions;
import com.openai.core.http.HttpClient;
import com.openai.errors.OpenAIServiceException;
import reactor.core.publisher.Flux;

import dev.hearth.privacy.EgressGuard;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

import dev.hearth.assistant.model.ModelProperties.OpenAiSettings;

/**
 * A model behind an OpenAI-compatible chat completions API inside the network (vLLM,
 * llama.cpp's server, Ollama), as a Spring AI {@link ChatModel}: Spring AI's
 * {@link OpenAiChatModel} over an HTTP client from {@link ModelHttpClients}, with every
 * failure turned into a {@link ModelUnavailableException} that names the server, the
 * model and the cause.
 * <p>
 * Requests are not retried (the caller falls back at once); environment variables such as
 * {@code OPENAI_API_KEY} or {@code OPENAI_BASE_URL} are ignored, so nothing reaches a
 * server the settings do not name. An empty API key sends no {@code Authorization}
 * header. Streams ask the server for token usage in their last chunk. Thread-safe.
 */
final class OpenAiCompatibleChatModel implements ChatModel, AutoCloseable {

	private static final String NO_KEY = "none";

	private final OpenAiSettings settings;

	private final URI baseUrl;

	private final HttpClient http;

	private final ExecutorService streamHandlers;

	private final OpenAIClient client;

	private final OpenAIClientAsync asyncClient;

	private final OpenAiChatModel delegate;

	/**
	 * Builds the clients; sends nothing yet.
	 * @param settings the server's settings
	 * @throws ModelUnavailableException if the base URL or the model is missing or
	 * malformed
	 */
	OpenAiCompatibleChatModel(OpenAiSettings settings, EgressGuard egress) {
		this(settings, egress, false);
	}

	/**
	 * Builds the clients for an OpenAI-compatible server or, with {@code azure}, an Azure
	 * OpenAI resource (the base URL is the resource, the model the deployment, the key
	 * goes in {@code api-key}); sends nothing yet.
	 */
	OpenAiCompatibleChatModel(OpenAiSettings settings, EgressGuard egress, boolean azure) {
		this.settings = settings;
		this.baseUrl = azure ? azureUrl(settings) : baseUrl(settings);
		if (settings.model() == null || settings.model().isBlank()) {
			throw new ModelUnavailableException(
					"hearth.assistant.model.provider is openai, but hearth.assistant.model.openai.model is not set.",
					"Set it to the model name the server at " + this.baseUrl + " serves (GET " + this.baseUrl
							+ "/models lists them).");
		}
		if (settings.timeout() == null || settings.timeout().isNegative() || settings.timeout().isZero()
				|| settings.maxTokens() < 1 || settings.temperature() < 0) {
			throw new ModelUnavailableException("The openai settings are out of range: " + settings,
					"Use a positive timeout, max-tokens >= 1 and temperature >= 0 under hearth.assistant.model.openai.");
		}
		boolean hasKey = settings.apiKey() != null && !settings.apiKey().isBlank();
		this.http = ModelHttpClients.create(this.baseUrl, settings.timeout(), hasKey, egress);
		// each stream's reader blocks on the server: a virtual thread each, so a hung
		// server
		// cannot take the platform threads
		this.streamHandlers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("model-stream-", 0).factory());
		ClientOptions.Builder builder = ClientOptions.builder().httpClient(this.http).baseUrl(this.baseUrl.toString());
		if (azure) {
			builder.credential(AzureApiKeyCredential.create(settings.apiKey()))
				.azureServiceVersion(AzureOpenAIServiceVersion.latestStableVersion())
				.azureUrlPathMode(AzureUrlPathMode.LEGACY);
		}
		else {
			builder.apiKey(hasKey ? settings.apiKey() : NO_KEY);
		}
		ClientOptions options = builder.timeout(ModelHttpClients.timeout(settings.timeout()))
			.maxRetries(0)
			.streamHandlerExecutor(this.streamHandlers)
			.putHeader("User-Agent", "hearth")
			.build();
		this.client = new OpenAIClientImpl(options);
		this.asyncClient = new OpenAIClientAsyncImpl(options);
		this.delegate = OpenAiChatModel.builder()
			.openAiClient(this.client)
			.openAiClientAsync(this.asyncClient)
			.options(OpenAiChatOptions.builder()
				.model(settings.model())
				.maxTokens(settings.maxTokens())
				.temperature(settings.temperature())
				.streamUsage(true)
				.build())
			.build();
	}

	private static URI azureUrl(OpenAiSettings settings) {
		URI url = settings.baseUrl();
		if (url == null || url.getHost() == null
				|| !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
			throw new ModelUnavailableException(
					"The Azure OpenAI address " + url + " is not an http(s) URL with a host.",
					"Set base-url to the resource, e.g. https://my-resource.openai.azure.com.");
		}
		if (settings.apiKey() == null || settings.apiKey().isBlank()) {
			throw new ModelUnavailableException("The Azure OpenAI endpoint " + url + " has no API key.",
					"Set api-key (from a secret) for this endpoint.");
		}
		return URI.create(url.toString().replaceAll("/+$", ""));
	}

	private static URI baseUrl(OpenAiSettings settings) {
		URI url = settings.baseUrl();
		if (url == null) {
			throw new ModelUnavailableException(
					"hearth.assistant.model.provider is openai, but hearth.assistant.model.openai.base-url is not set.",
					"Set it to the server's API address, e.g. http://llm.internal:8000/v1, or set the provider to none.");
		}
		if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
			throw new ModelUnavailableException(
					"hearth.assistant.model.openai.base-url " + url + " is not an http(s) URL with a host.",
					"Set it to the server's API address, e.g. http://llm.internal:8000/v1.");
		}
		String text = url.toString().replaceAll("/+$", "");
		// a bare server address means its OpenAI-compatible API under /v1
		return URI.create(
				(url.getPath() == null || url.getPath().isEmpty() || "/".equals(url.getPath())) ? text + "/v1" : text);
	}

	@Override
	public ChatResponse call(Prompt prompt) {
		try {
			return this.delegate.call(withOpenAiOptions(prompt));
		}
		catch (RuntimeException ex) {
			throw unavailable(ex);
		}
	}

	@Override
	public Flux<ChatResponse> stream(Prompt prompt) {
		return Flux.defer(() -> this.delegate.stream(withOpenAiOptions(prompt))).onErrorMap(this::unavailable);
	}

	/**
	 * The prompt with its portable {@link ChatOptions} as {@link OpenAiChatOptions},
	 * which Spring AI's OpenAI model expects (its stream casts them), completed from the
	 * settings: Spring AI sends a prompt's options as they are, and would otherwise name
	 * its own default model instead of the configured one. {@link OpenAiChatOptions} are
	 * sent as given.
	 */
	private Prompt withOpenAiOptions(Prompt prompt) {
		ChatOptions options = prompt.getOptions();
		if (options == null || options instanceof OpenAiChatOptions) {
			return prompt;
		}
		OpenAiChatOptions.Builder openAi = OpenAiChatOptions.builder();
		openAi.model(orElse(options.getModel(), this.settings.model()))
			.maxTokens(orElse(options.getMaxTokens(), this.settings.maxTokens()))
			.temperature(orElse(options.getTemperature(), this.settings.temperature()))
			.topP(options.getTopP())
			.frequencyPenalty(options.getFrequencyPenalty())
			.presencePenalty(options.getPresencePenalty())
			.stopSequences(options.getStopSequences())
			.streamUsage(true);
		return new Prompt(prompt.getInstructions(), openAi.build());
	}

	@Override
	public ChatOptions getDefaultOptions() {
		return this.delegate.getDefaultOptions();
	}

	URI baseUrl() {
		return this.baseUrl;
	}

	/** A failure, said in terms of this server and what to do. */
	ModelUnavailableException unavailable(Throwable failure) {
		if (failure instanceof ModelUnavailableException unavailable) {
			return unavailable;
		}
		String server = "The language model server at " + this.baseUrl + " (model " + this.settings.model() + ")";
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof OpenAIServiceException service) {
				int status = service.statusCode();
				String action = switch (status) {
					case 401, 403 -> "Check hearth.assistant.model.openai.api-key.";
					case 404 -> "Check hearth.assistant.model.openai.base-url (it ends in /v1) and .model.";
					case 400, 422 -> "Check the request limits (max-tokens, context length) the server accepts.";
					default -> "Check the server's health and log.";
				};
				return new ModelUnavailableException(server + " answered HTTP " + status + ": " + service.getMessage(),
						action, failure);
			}
			if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
				return new ModelUnavailableException(server + " cannot be reached: " + cause.getMessage(),
						"Start the model server, or correct hearth.assistant.model.openai.base-url.", failure);
			}
			if (cause instanceof InterruptedIOException) {
				return new ModelUnavailableException(
						server + " did not answer within " + describe(this.settings.timeout()) + " ("
								+ cause.getMessage() + ").",
						"Check the server's load, or raise hearth.assistant.model.openai.timeout.", failure);
			}
		}
		return new ModelUnavailableException(server + " failed: " + failure.getMessage(),
				"Check the server's health and log.", failure);
	}

	private static <T> T orElse(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	private static String describe(Duration duration) {
		return (duration.toMillis() < 10_000) ? duration.toMillis() + " ms" : duration.toSeconds() + " s";
	}

	@Override
	public void close() {
		this.client.close();
		this.asyncClient.close();
		this.http.close();
		this.streamHandlers.shutdown();
	}

}
