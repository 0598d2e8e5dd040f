package dev.hearth.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A test client for a Hearth started on a random port: the widget API as a customer uses
 * it, and the token-protected agent and admin APIs.
 */
public final class HearthHttp {

	private final int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	public HearthHttp(int port) {
		this.port = port;
	}

	/** A started conversation: its id and its customer token. */
	public record Chat(String id, String token) {
	}

	public Chat start() throws Exception {
		JsonNode started = json(send("POST", "/api/widget/conversations", "{}", null));
		return new Chat(started.get("conversationId").asString(), started.get("token").asString());
	}

	/**
	 * Sends a customer message, with a message id of its own as the widget does, and
	 * waits for the JSON reply ({@code message}, {@code answer}).
	 */
	public JsonNode ask(Chat chat, String text) throws Exception {
		HttpResponse<String> response = send("POST", "/api/widget/conversations/" + chat.id() + "/messages",
				this.json.createObjectNode()
					.put("text", text)
					.put("clientId", java.util.UUID.randomUUID().toString())
					.toString(),
				chat.token());
		if (response.statusCode() != 200) {
			throw new AssertionError(
					"asking '" + text + "' gave HTTP " + response.statusCode() + ": " + response.body());
		}
		return this.json.readTree(response.body());
	}

	public JsonNode transcript(Chat chat) throws Exception {
		return json(send("GET", "/api/widget/conversations/" + chat.id() + "/messages", null, chat.token()));
	}

	/** Any request, with a bearer token if given. */
	public HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	public JsonNode json(HttpResponse<String> response) {
		if (response.statusCode() >= 300) {
			throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
		}
		return this.json.readTree(response.body());
	}

	public JsonMapper mapper() {
		return this.json;
	}

	/** Creates (or replaces) an API token with a role, as an operator would. */
	public static void token(JdbcClient jdbc, String name, String secret, String role) throws Exception {
		jdbc.sql("""
				insert into api_token (id, name, token_sha256, role) values (?, ?, ?, ?)
				on conflict (name) do update set token_sha256 = excluded.token_sha256, role = excluded.role
				""").param(UUID.randomUUID()).param(name).param(sha256(secret)).param(role).update();
	}

	private static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256")
				.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

}
