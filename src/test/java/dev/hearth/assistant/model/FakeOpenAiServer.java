package dev.hearth.assistant.model;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small OpenAI-compatible server on 127.0.0.1 and an ephemeral port: answers
 * {@code POST /v1/chat/completions} with a fixed answer, as one JSON body or, when the
 * request asks to stream, as server-sent events ({@code data: {...}} chunks, a usage
 * chunk, then {@code data: [DONE]}). It records each request; {@link #failWith},
 * {@link #delayMillis} and {@link #stallAfterFirstChunk} make it misbehave. Stops on
 * {@link #close()}, and by itself after 60 seconds.
 */
final class FakeOpenAiServer implements AutoCloseable {

	static final List<String> TOKENS = List.of("Restart", " the", " router", ".");

	/** A request as received. */
	record Request(String path, String authorization, JsonNode body) {
	}

	final List<Request> requests = new CopyOnWriteArrayList<>();

	volatile int failWith;

	volatile long delayMillis;

	volatile boolean stallAfterFirstChunk;

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpServer server;

	private final ExecutorService executor;

	private final ScheduledExecutorService stopper;

	FakeOpenAiServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.executor = Executors.newFixedThreadPool(4,
				Thread.ofPlatform().name("fake-openai-", 0).daemon(true).factory());
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
		this.stopper = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("fake-openai-stopper").daemon(true).factory());
		this.stopper.schedule(this::close, 60, TimeUnit.SECONDS);
	}

	/** The base URL, with {@code /v1}. */
	URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1");
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	Request lastRequest() {
		return this.requests.get(this.requests.size() - 1);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			JsonNode body = this.json.readTree(exchange.getRequestBody().readAllBytes());
			this.requests.add(new Request(exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders().getFirst("Authorization"), body));
			if (!"/v1/chat/completions".equals(exchange.getRequestURI().getPath())) {
				send(exchange, 404, "{\"error\":{\"message\":\"no such endpoint\",\"type\":\"not_found\"}}");
				return;
			}
			pause(this.delayMillis);
			if (this.failWith != 0) {
				send(exchange, this.failWith,
						"{\"error\":{\"message\":\"the model crashed\",\"type\":\"server_error\"}}");
				return;
			}
			if (body.path("stream").asBoolean(false)) {
				stream(exchange, body);
			}
			else {
				send(exchange, 200, this.json.writeValueAsString(completion(body)));
			}
		}
	}

	private ObjectNode completion(JsonNode request) {
		ObjectNode completion = base(request, "chat.completion");
		ObjectNode choice = completion.putArray("choices").addObject();
		choice.put("index", 0).put("finish_reason", "stop").putNull("logprobs");
		choice.putObject("message").put("role", "assistant").put("content", String.join("", TOKENS)).putNull("refusal");
		usage(completion);
		return completion;
	}

	private void stream(HttpExchange exchange, JsonNode request) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
		exchange.sendResponseHeaders(200, 0);
		OutputStream out = exchange.getResponseBody();
		for (int i = 0; i < TOKENS.size(); i++) {
			ObjectNode chunk = base(request, "chat.completion.chunk");
			ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
			choice.putNull("finish_reason");
			ObjectNode delta = choice.putObject("delta").put("content", TOKENS.get(i));
			if (i == 0) {
				delta.put("role", "assistant");
			}
			event(out, this.json.writeValueAsString(chunk));
			if (this.stallAfterFirstChunk) {
				pause(10_000);
				return;
			}
		}
		ObjectNode last = base(request, "chat.completion.chunk");
		last.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("delta");
		event(out, this.json.writeValueAsString(last));
		ObjectNode usage = base(request, "chat.completion.chunk");
		usage.putArray("choices");
		usage(usage);
		event(out, this.json.writeValueAsString(usage));
		event(out, "[DONE]");
	}

	private ObjectNode base(JsonNode request, String object) {
		ObjectNode node = this.json.createObjectNode();
		node.put("id", "chatcmpl-fake").put("object", object).put("created", 1_700_000_000L);
		node.put("model", request.path("model").asString("unknown"));
		return node;
	}

	private static void usage(ObjectNode node) {
		node.putObject("usage").put("prompt_tokens", 12).put("completion_tokens", 4).put("total_tokens", 16);
	}

	private static void event(OutputStream out, String data) throws IOException {
		out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
		this.stopper.shutdownNow();
	}

}
