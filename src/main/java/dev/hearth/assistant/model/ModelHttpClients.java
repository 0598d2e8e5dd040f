package dev.hearth.assistant.model;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.openai.core.RequestOptions;
import com.openai.core.Timeout;
import com.openai.core.http.HttpClient;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpResponse;

import org.springframework.ai.openai.http.okhttp.SpringAiOpenAiHttpClient;

import dev.hearth.privacy.EgressGuard;

/**
 * The one place where this package creates clients that send requests out of the JVM, so
 * that a guard on outbound traffic has a single seam to wrap.
 * <p>
 * Clients use virtual threads only (they never keep the JVM alive, and a request a hung
 * server holds costs no platform thread), no proxy unless the JVM's proxy settings name
 * one, and the given timeout to connect and then between bytes of the answer (a streamed
 * answer may take longer in total; a non-streamed one may not). Stateless.
 */
final class ModelHttpClients {

	private ModelHttpClients() {
	}

	/**
	 * A new HTTP client for the OpenAI-compatible server at {@code baseUrl}.
	 * @param baseUrl where requests go
	 * @param guard asked before every request: only allowed hosts are called
	 * @param timeout the connect and read timeout
	 * @param sendAuthorization whether requests keep their {@code Authorization} header
	 * (false for servers without API keys)
	 * @return the client; close it to release its connections and threads
	 */
	static HttpClient create(URI baseUrl, Duration timeout, boolean sendAuthorization, EgressGuard guard) {
		// virtual threads: requests held by a hung server cost no platform thread each
		ExecutorService dispatcher = Executors
			.newThreadPerTaskExecutor(Thread.ofVirtual().name("model-http-" + baseUrl.getHost() + "-", 0).factory());
		SpringAiOpenAiHttpClient.Builder builder = SpringAiOpenAiHttpClient.builder()
			.timeout(timeout(timeout))
			.dispatcherExecutorService(dispatcher);
		if (!sendAuthorization) {
			builder.interceptor(
					chain -> chain.proceed(chain.request().newBuilder().removeHeader("Authorization").build()));
		}
		HttpClient client = builder.build();
		return new HttpClient() {

			@Override
			public HttpResponse execute(HttpRequest request, RequestOptions options) {
				guard.check(request.url(), "language model");
				return client.execute(request, options);
			}

			@Override
			public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, RequestOptions options) {
				guard.check(request.url(), "language model");
				return client.executeAsync(request, options);
			}

			@Override
			public void close() {
				client.close();
				dispatcher.shutdown();
			}

		};
	}

	/**
	 * Connect, write and read within {@code timeout}; no limit on a whole streamed
	 * answer.
	 */
	static Timeout timeout(Duration timeout) {
		return Timeout.builder().connect(timeout).read(timeout).write(timeout).request(Duration.ZERO).build();
	}

}
