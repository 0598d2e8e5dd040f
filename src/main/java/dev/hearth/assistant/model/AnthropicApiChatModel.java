package dev.hearth.assistant.model;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.anthropic.backends.AnthropicBackend;
import com.anthropic.client.AnthropicClient;
import com.anthropic.client.AnthropicClientAsync;
import com.anthropic.client.AnthropicClientAsyncImpl;
import com.anthropic.client.AnthropicClientImpl;
import com.anthropic.core.ClientOptions;
import com.anthropic.core.RequestOptions;
import com.anthropic.core.http.HttpClient;
import com.anthropic.core.http.HttpRequest;
import com.anthropic.core.http.HttpResponse;
import reactor.core.publisher.Flux;

import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.anthropic.http.okhttp.SpringAiAnthropicHttpClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

import dev.hearth.privacy.EgressGuard;

/**
 * A model behind Anthropic's messages API, as Spring AI's {@link AnthropicChatModel} over
 * an HTTP client that asks the egress guard before every request. The key is sent in
 * {@code x-api-key}; environment variables such as {@code ANTHROPIC_API_KEY} or
 * {@code ANTHROPIC_BASE_URL} are ignored and requests are not retried. Failures become
 * {@link ModelUnavailableException}s naming the endpoint. Thread-safe.
 */
final class AnthropicApiChatModel implements ChatModel, AutoCloseable {

	private final URI baseUrl;

	private final String model;

	private final ExecutorService dispatcher;

	private final HttpClient http;

	private final AnthropicClient client;

	private final AnthropicClientAsync asyncClient;

	private final AnthropicChatModel delegate;

	AnthropicApiChatModel(URI baseUrl, String model, String apiKey, int maxTokens, Duration timeout,
			EgressGuard egress) {
		if (baseUrl == null || baseUrl.getHost() == null
				|| !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))) {
			throw new ModelUnavailableException(
					"The Anthropic address " + baseUrl + " is not an http(s) URL with a host.",
					"Set base-url to the API address, e.g. https://api.anthropic.com.");
		}
		if (apiKey == null || apiKey.isBlank()) {
			throw new ModelUnavailableException("The Anthropic endpoint " + baseUrl + " has no API key.",
					"Set api-key (from a secret) for this endpoint.");
		}
		this.baseUrl = URI.create(baseUrl.toString().replaceAll("/+$", ""));
		this.model = model;
		this.dispatcher = Executors.newCachedThreadPool(
				Thread.ofPlatform().name("anthropic-http-" + baseUrl.getHost() + "-", 0).daemon(true).factory());
		HttpClient okhttp = SpringAiAnthropicHttpClient.builder()
			.backend(AnthropicBackend.builder().apiKey(apiKey).baseUrl(this.baseUrl.toString()).build())
			.timeout(timeout)
			.dispatcherExecutorService(this.dispatcher)
			.build();
		this.http = new HttpClient() {

			@Override
			public HttpResponse execute(HttpRequest request, RequestOptions options) {
				egress.check(request.url(), "approved LLM");
				return okhttp.execute(request, options);
			}

			@Override
			public java.util.concurrent.CompletableFuture<HttpResponse> executeAsync(HttpRequest request,
					RequestOptions options) {
				egress.check(request.url(), "approved LLM");
				return okhttp.executeAsync(request, options);
			}

			@Override
			public void close() {
				okhttp.close();
			}

		};
		ClientOptions options = ClientOptions.builder()
			.httpClient(this.http)
			.baseUrl(this.baseUrl.toString())
			.putHeader("User-Agent", "hearth")
			.timeout(timeout)
			.maxRetries(0)
			.streamHandlerExecutor(this.dispatcher)
			.build();
		this.client = new AnthropicClientImpl(options);
		this.asyncClient = new AnthropicClientAsyncImpl(options);
		this.delegate = AnthropicChatModel.builder()
			.anthropicClient(this.client)
			.anthropicClientAsync(this.asyncClient)
			.options(AnthropicChatOptions.builder().model(model).maxTokens(maxTokens).build())
			.build();
	}

	@Override
	public ChatResponse call(Prompt prompt) {
		try {
			return this.delegate.call(withModel(prompt));
		}
		catch (RuntimeException ex) {
			throw unavailable(ex);
		}
	}

	@Override
	public Flux<ChatResponse> stream(Prompt prompt) {
		return Flux.defer(() -> this.delegate.stream(withModel(prompt))).onErrorMap(this::unavailable);
	}

	@Override
	public ChatOptions getDefaultOptions() {
		return this.delegate.getDefaultOptions();
	}

	private Prompt withModel(Prompt prompt) {
		if (prompt.getOptions() == null || prompt.getOptions() instanceof AnthropicChatOptions) {
			return prompt;
		}
		return new Prompt(prompt.getInstructions(), this.delegate.getDefaultOptions());
	}

	private ModelUnavailableException unavailable(Throwable failure) {
		if (failure instanceof ModelUnavailableException unavailable) {
			return unavailable;
		}
		return new ModelUnavailableException("The Anthropic endpoint " + this.baseUrl + " (model " + this.model
				+ ") failed: " + failure.getMessage(), "Check the endpoint's address, key and health.", failure);
	}

	@Override
	public void close() {
		this.client.close();
		this.asyncClient.close();
		this.http.close();
		this.dispatcher.shutdown();
	}

}
