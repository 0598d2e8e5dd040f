package dev.hearth.assistant;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenAI-compatible chat server on 127.0.0.1 that streams a scripted reply word by
 * word, or fails with a status. Records how many requests it got. Stops on
 * {@link #close()}, and by itself after two minutes.
 */
public final class ScriptedModelServer implements AutoCloseable {

	public volatile String reply = "";

	public final java.util.List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();

	/** The path and query of each request. */
	public final java.util.List<String> paths = new java.util.concurrent.CopyOnWriteArrayList<>();

	/**
	 * The key each request carried: Authorization, api-key (Azure) or x-api-key
	 * (Anthropic).
	 */
	public final java.util.List<String> keys = new java.util.concurrent.CopyOnWriteArrayList<>();

	public volatile int failWith;

	/** How long each request waits before it is answered (a slow model). */
	public volatile int delayMillis;

	public final AtomicInteger requests = new AtomicInteger();

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpServer server;

	private final ScheduledExecutorService stopper = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon(true).factory());

	public ScriptedModelServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setExecutor(Executors.newFixedThreadPool(4, Thread.ofPlatform().daemon(true).factory()));
		this.server.createContext("/", this::handle);
		this.server.start();
		this.stopper.schedule(this::close, 120, TimeUnit.SECONDS);
	}

	/** The server's address without {@code /v1} (Azure resource, Anthropic API). */
	public String rootUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1";
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String requestBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			this.bodies.add(requestBody);
			this.paths.add(exchange.getRequestURI().toString());
			var headers = exchange.getRequestHeaders();
			this.keys.add(String.valueOf((headers.getFirst("api-key") != null)
					? "api-key " + headers.getFirst("api-key") : (headers.getFirst("x-api-key") != null)
							? "x-api-key " + headers.getFirst("x-api-key") : headers.getFirst("Authorization")));
			this.requests.incrementAndGet();
			if (this.delayMillis > 0) {
				try {
					Thread.sleep(this.delayMillis);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			if (this.failWith != 0) {
				byte[] body = "{\"error\":{\"message\":\"model crashed\",\"type\":\"server_error\"}}"
					.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(this.failWith, body.length);
				exchange.getResponseBody().write(body);
				return;
			}
			if (exchange.getRequestURI().getPath().endsWith("/messages")) {
				anthropicMessage(exchange, requestBody.contains("\"stream\":true"));
				return;
			}
			if (this.bodies.get(this.bodies.size() - 1).contains("\"stream\":false")
					|| !this.bodies.get(this.bodies.size() - 1).contains("\"stream\":true")) {
				completion(exchange);
				return;
			}
			exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
			exchange.sendResponseHeaders(200, 0);
			OutputStream out = exchange.getResponseBody();
			String[] words = this.reply.split("(?<= )");
			for (int i = 0; i < words.length; i++) {
				ObjectNode chunk = chunk();
				ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
				choice.putNull("finish_reason");
				ObjectNode delta = choice.putObject("delta").put("content", words[i]);
				if (i == 0) {
					delta.put("role", "assistant");
				}
				event(out, this.json.writeValueAsString(chunk));
			}
			ObjectNode last = chunk();
			last.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("delta");
			event(out, this.json.writeValueAsString(last));
			event(out, "[DONE]");
		}
	}

	private void completion(HttpExchange exchange) throws IOException {
		ObjectNode completion = this.json.createObjectNode();
		completion.put("id", "chatcmpl-scripted").put("object", "chat.completion").put("created", 1_700_000_000L);
		completion.put("model", "scripted");
		ObjectNode choice = completion.putArray("choices").addObject();
		choice.put("index", 0).put("finish_reason", "stop").putNull("logprobs");
		choice.putObject("message").put("role", "assistant").put("content", this.reply).putNull("refusal");
		completion.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
		byte[] body = this.json.writeValueAsString(completion).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		exchange.getResponseBody().write(body);
	}

	/** A reply in the shape of Anthropic's messages API (streamed when asked). */
	private void anthropicMessage(HttpExchange exchange, boolean streamed) throws IOException {
		if (streamed) {
			anthropicStream(exchange);
			return;
		}
		ObjectNode message = this.json.createObjectNode();
		message.put("id", "msg_scripted").put("type", "message").put("role", "assistant").put("model", "scripted");
		message.putArray("content").addObject().put("type", "text").put("text", this.reply);
		message.put("stop_reason", "end_turn").putNull("stop_sequence");
		message.putObject("usage").put("input_tokens", 10).put("output_tokens", 5);
		byte[] body = this.json.writeValueAsString(message).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		exchange.getResponseBody().write(body);
	}

	/** Anthropic's server-sent events: message, one text block, its deltas, the end. */
	private void anthropicStream(HttpExchange exchange) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
		exchange.sendResponseHeaders(200, 0);
		OutputStream out = exchange.getResponseBody();
		ObjectNode start = this.json.createObjectNode().put("type", "message_start");
		ObjectNode message = start.putObject("message");
		message.put("id", "msg_scripted").put("type", "message").put("role", "assistant").put("model", "scripted");
		message.putArray("content");
		message.putNull("stop_reason").putNull("stop_sequence");
		message.putObject("usage").put("input_tokens", 10).put("output_tokens", 0);
		anthropicEvent(out, "message_start", start);
		ObjectNode blockStart = this.json.createObjectNode().put("type", "content_block_start").put("index", 0);
		blockStart.putObject("content_block").put("type", "text").put("text", "");
		anthropicEvent(out, "content_block_start", blockStart);
		for (String word : this.reply.split("(?<= )")) {
			ObjectNode delta = this.json.createObjectNode().put("type", "content_block_delta").put("index", 0);
			delta.putObject("delta").put("type", "text_delta").put("text", word);
			anthropicEvent(out, "content_block_delta", delta);
		}
		anthropicEvent(out, "content_block_stop",
				this.json.createObjectNode().put("type", "content_block_stop").put("index", 0));
		ObjectNode end = this.json.createObjectNode().put("type", "message_delta");
		end.putObject("delta").put("stop_reason", "end_turn").putNull("stop_sequence");
		end.putObject("usage").put("output_tokens", 5);
		anthropicEvent(out, "message_delta", end);
		anthropicEvent(out, "message_stop", this.json.createObjectNode().put("type", "message_stop"));
	}

	private void anthropicEvent(OutputStream out, String name, ObjectNode data) throws IOException {
		out.write(("event: " + name + "\ndata: " + this.json.writeValueAsString(data) + "\n\n")
			.getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private ObjectNode chunk() {
		ObjectNode node = this.json.createObjectNode();
		node.put("id", "chatcmpl-scripted").put("object", "chat.completion.chunk").put("created", 1_700_000_000L);
		node.put("model", "scripted");
		return node;
	}

	private static void event(OutputStream out, String data) throws IOException {
		out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.stopper.shutdownNow();
	}

}
