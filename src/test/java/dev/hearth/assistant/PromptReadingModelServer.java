package dev.hearth.assistant;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenAI-compatible streaming chat server on 127.0.0.1 whose reply is computed from
 * the prompt it receives: {@link #respond} gets the system and the user message and
 * returns the reply, which is streamed word by word. Records every request body. Stops on
 * {@link #close()}.
 */
final class PromptReadingModelServer implements AutoCloseable {

	volatile BiFunction<String, String, String> respond = (system, user) -> "NO_ANSWER";

	final List<JsonNode> requests = new CopyOnWriteArrayList<>();

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpServer server;

	PromptReadingModelServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setExecutor(Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon(true).factory()));
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1";
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			JsonNode request = this.json.readTree(exchange.getRequestBody().readAllBytes());
			this.requests.add(request);
			StringBuilder system = new StringBuilder();
			StringBuilder user = new StringBuilder();
			for (JsonNode message : request.path("messages")) {
				String content = message.path("content").isString() ? message.path("content").asString()
						: message.path("content").toString();
				("system".equals(message.path("role").asString()) ? system : user).append(content).append('\n');
			}
			String reply = this.respond.apply(system.toString(), user.toString());
			exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
			exchange.sendResponseHeaders(200, 0);
			OutputStream out = exchange.getResponseBody();
			String[] words = reply.split("(?<= )");
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

	private ObjectNode chunk() {
		ObjectNode node = this.json.createObjectNode();
		node.put("id", "chatcmpl-prompt-reading").put("object", "chat.completion.chunk").put("created", 1_700_000_000L);
		node.put("model", "prompt-reading");
		return node;
	}

	private static void event(OutputStream out, String data) throws IOException {
		out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
