package dev.hearth.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small client of the admin API for integration tests: real HTTP against the running
 * server.
 */
final class AdminApi {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final String base;

	private final String token;

	AdminApi(int port, Path dataDir) {
		this.base = "http://127.0.0.1:" + port;
		try {
			this.token = Files.readString(dataDir.resolve("admin-token")).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Response putDocument(String source, byte[] body, String... tags) {
		StringBuilder query = new StringBuilder("source=").append(encode(source));
		for (String tag : tags) {
			query.append("&tag=").append(encode(tag));
		}
		return send(request("/api/admin/documents?" + query).PUT(HttpRequest.BodyPublishers.ofByteArray(body))
			.header("Content-Type", "application/octet-stream"));
	}

	/**
	 * {@code POST /api/admin/documents} as multipart/form-data: a source part, then a
	 * file part, for each entry of {@code files} (source to bytes, in order).
	 */
	Response postDocuments(java.util.SequencedMap<String, byte[]> files, String... tags) {
		String boundary = "hearth-test-" + java.util.UUID.randomUUID();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		files.forEach((source, bytes) -> {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"source\"\r\n"
					+ "Content-Type: text/plain; charset=UTF-8\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(source.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
					+ "filename=\"upload\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(bytes);
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		});
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return postMultipart("/api/admin/documents", boundary, body.toByteArray(), tags);
	}

	Response postMultipart(String path, String boundary, byte[] body, String... tags) {
		StringBuilder query = new StringBuilder();
		for (String tag : tags) {
			query.append(query.isEmpty() ? "?" : "&").append("tag=").append(encode(tag));
		}
		return send(request(path + query).POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary));
	}

	Response anonymousPostDocuments(java.util.SequencedMap<String, byte[]> files) {
		return new AdminApi(this.base, null).postDocuments(files);
	}

	Response postFaq(String body, String format, boolean replace) {
		return send(request("/api/admin/faq?format=" + format + "&replace=" + replace)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "text/plain; charset=utf-8"));
	}

	Response search(String query, String... params) {
		return get("/api/admin/search?q=" + encode(query) + (params.length > 0 ? "&" + String.join("&", params) : ""));
	}

	Response get(String path) {
		return send(request(path).GET());
	}

	Response postJson(String path, String json) {
		return send(request(path).POST(HttpRequest.BodyPublishers.ofString(json))
			.header("Content-Type", "application/json"));
	}

	Response post(String path) {
		return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
	}

	Response delete(String path) {
		return send(request(path).DELETE());
	}

	Response anonymous(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
	}

	private AdminApi(String base, String token) {
		this.base = base;
		this.token = token;
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path));
		return (this.token != null) ? request.header("Authorization", "Bearer " + this.token) : request;
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String body = response.body();
			JsonNode node = (body.startsWith("{") || body.startsWith("[")) ? this.json.readTree(body) : null;
			return new Response(response.statusCode(), body, node);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	record Response(int status, String body, JsonNode json) {
	}

}
