package dev.hearth.assistant.model;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.anthropic.backends.AnthropicBackend;
import com.anthropic.client.AnthropicClient;
import com.anthropic.client.AnthropicClientAsync;
import com.anthropic.client.AnthropicClientAsyncImpl;
import com.anthropic.client.AnthropicClientImpl;
import com.anthropic.core.ClientOptions;
import com.anthropic.core.RequestOptions;
import com.anthropic.core.Sleeper;
import com.anthropic.core.Timeout;
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
 * {@link ModelUnavailableException}s naming the endpoint.
 * <p>
 * Every instance shares one bounded pool ({@link #MAX_THREADS} daemon threads, idle ones
 * end after a minute, at most {@link #MAX_QUEUED} waiting tasks; more are refused and
 * fail the request) for OkHttp's asynchronous calls and the streams' handlers, and one
 * sleeper, so neither requests nor endpoints add threads; blocking calls run on the
 * caller's thread. Connect, read, write and whole-request timeouts are set. Thread-safe.
 */
final class AnthropicApiChatModel implements ChatModel, AutoCloseable {

	/** The name prefix of the shared pool's threads. */
	static final String THREAD_PREFIX = "anthropic-http-";

	/** The shared pool's threads at most. */
	static final int MAX_THREADS = 8;

	/** Tasks waiting for a thread of the shared pool at most. */
	static final int MAX_QUEUED = 256;

	/** The longest a connection is tried before the request fails. */
	private static final Duration MAX_CONNECT = Duration.ofSeconds(10);

	private static final ExecutorService SHARED_POOL = sharedPool();

	/** No retries are made; a sleeper that needs no thread of its own. */
	private static final Sleeper SLEEPER = new Sleeper() {

		@Override
		public void sleep(Duration duration) {
			try {
				Thread.sleep(duration);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		@Override
		public CompletableFuture<Void> sleepAsync(Duration duration) {
			return CompletableFuture.runAsync(() -> {
			}, CompletableFuture.delayedExecutor(duration.toMillis(), TimeUnit.MILLISECONDS, SHARED_POOL));
		}

		@Override
		public void close() {
			// shared: never closed
		}

	};

	private final URI baseUrl;

	private final String model;

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
		Timeout timeouts = timeouts(timeout);
		HttpClient okhttp = SpringAiAnthropicHttpClient.builder()
			.backend(AnthropicBackend.builder().apiKey(apiKey).baseUrl(this.baseUrl.toString()).build())
			.timeout(timeouts)
			.maxIdleConnections(MAX_THREADS)
			.keepAliveDuration(Duration.ofMinutes(1))
			.dispatcherExecutorService(new SharedPoolView())
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
			.timeout(timeouts)
			.maxRetries(0)
			.streamHandlerExecutor(new SharedPoolView())
			.sleeper(SLEEPER)
			.build();
		this.client = new AnthropicClientImpl(options);
		this.asyncClient = new AnthropicClientAsyncImpl(options);
		this.delegate = AnthropicChatModel.builder()
			.anthropicClient(this.client)
			.anthropicClientAsync(this.asyncClient)
			.options(AnthropicChatOptions.builder().model(model).maxTokens(maxTokens).build())
			.build();
	}

	/**
	 * The shared pool as the clients see it: closing a client shuts down the executors it
	 * was given, which must not end the pool for the other instances.
	 */
	private static final class SharedPoolView extends AbstractExecutorService {

		@Override
		public void execute(Runnable task) {
			SHARED_POOL.execute(task);
		}

		@Override
		public void shutdown() {
			// shared: never shut down by one client
		}

		@Override
		public List<Runnable> shutdownNow() {
			return List.of();
		}

		@Override
		public boolean isShutdown() {
			return false;
		}

		@Override
		public boolean isTerminated() {
			return false;
		}

		@Override
		public boolean awaitTermination(long timeout, TimeUnit unit) {
			return false;
		}

	}

	private static ExecutorService sharedPool() {
		ThreadPoolExecutor pool = new ThreadPoolExecutor(MAX_THREADS, MAX_THREADS, 60, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(MAX_QUEUED),
				Thread.ofPlatform().name(THREAD_PREFIX, 0).daemon(true).factory());
		pool.allowCoreThreadTimeOut(true);
		return pool;
	}

	/**
	 * {@code timeout} for reading, writing and the whole request; connecting at most
	 * {@link #MAX_CONNECT}.
	 */
	static Timeout timeouts(Duration timeout) {
		Duration connect = (timeout.compareTo(MAX_CONNECT) < 0) ? timeout : MAX_CONNECT;
		return Timeout.builder().connect(connect).read(timeout).write(timeout).request(timeout).build();
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
		// the shared pool and sleeper stay for the other instances
		this.http.close();
	}

}
