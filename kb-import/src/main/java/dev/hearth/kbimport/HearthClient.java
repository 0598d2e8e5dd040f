package dev.hearth.kbimport;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.MissingNode;

/**
 * The admin API of one Hearth server, one method per endpoint; the only class that speaks
 * HTTP. Answers are JSON trees so that fields the server adds pass through untouched.
 *
 * <p>
 * Errors: a problem answer becomes an {@link ApiException} carrying the problem's
 * {@code detail}; 401 and 403, a refused connection, or a timeout become a
 * {@link ServerUnavailableException}. Thread-safe: uploads share one instance.
 */
final class HearthClient implements AutoCloseable {

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration QUERY_TIMEOUT = Duration.ofMinutes(2);

	/** Parsing and embedding a large document takes a while. */
	private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(30);

	private static final Duration REBUILD_TIMEOUT = Duration.ofHours(6);

	private final Connection connection;

	private final PrintStream debug;

	private final HttpClient http;

	/**
	 * @param connection the server and token
	 * @param debug where to trace requests, or {@code null}
	 */
	HearthClient(Connection connection, PrintStream debug) {
		this.connection = connection;
		this.debug = debug;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(CONNECT_TIMEOUT)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	String server() {
		return this.connection.displayServer();
	}

	JsonNode status() {
		return send("GET", "/api/admin/status", new QueryString(), BodyPublishers.noBody(), null, QUERY_TIMEOUT);
	}

	JsonNode documents() {
		return send("GET", "/api/admin/documents", new QueryString(), BodyPublishers.noBody(), null, QUERY_TIMEOUT);
	}

	/**
	 * Uploads one file's bytes as the document {@code source}.
	 * @throws UncheckedIOException when the file cannot be read
	 */
	JsonNode putDocument(String source, Tags tags, String language, Path file) {
		QueryString query = new QueryString().add("source", source)
			.addAll("tag", tags.asQueryValues())
			.add("language", language);
		BodyPublisher body;
		try {
			body = BodyPublishers.ofFile(file);
		}
		catch (FileNotFoundException ex) {
			throw new UncheckedIOException(ex);
		}
		return send("PUT", "/api/admin/documents", query, body, "application/octet-stream", UPLOAD_TIMEOUT);
	}

	/**
	 * Uploads several files in one request ({@code POST /api/admin/documents}, multipart:
	 * a {@code source} part before each {@code file} part); the server imports each on
	 * its own and answers one result per file, in this order.
	 * @throws UncheckedIOException when a file cannot be opened
	 */
	JsonNode postDocuments(List<LocalFile> files, Tags tags, String language) {
		QueryString query = new QueryString().addAll("tag", tags.asQueryValues()).add("language", language);
		String boundary = "kb-import-" + UUID.randomUUID();
		List<BodyPublisher> parts = new ArrayList<>(files.size() * 2 + 1);
		for (LocalFile file : files) {
			String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"source\"\r\n"
					+ "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + file.source() + "\r\n--" + boundary
					+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + partFileName(file)
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
			parts.add(BodyPublishers.ofString(head, StandardCharsets.UTF_8));
			try {
				parts.add(BodyPublishers.ofFile(file.path()));
			}
			catch (FileNotFoundException ex) {
				throw new UncheckedIOException(ex);
			}
			parts.add(BodyPublishers.ofString("\r\n", StandardCharsets.UTF_8));
		}
		parts.add(BodyPublishers.ofString("--" + boundary + "--\r\n", StandardCharsets.UTF_8));
		return send("POST", "/api/admin/documents", query, BodyPublishers.concat(parts.toArray(BodyPublisher[]::new)),
				"multipart/form-data; boundary=" + boundary, UPLOAD_TIMEOUT);
	}

	/**
	 * The file part's name, only so that the server keeps the part as a file: the source
	 * travels in its own part. ASCII letters, digits, dots, dashes and underscores of the
	 * file's name, at most 64.
	 */
	static String partFileName(LocalFile file) {
		String name = file.path().getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
		name = (name.length() > 64) ? name.substring(name.length() - 64) : name;
		return name.isEmpty() ? "file" : name;
	}

	JsonNode deleteDocument(String source) {
		return send("DELETE", "/api/admin/documents", new QueryString().add("source", source), BodyPublishers.noBody(),
				null, QUERY_TIMEOUT);
	}

	JsonNode importFaq(String format, boolean replace, String text) {
		QueryString query = new QueryString().add("format", format).add("replace", replace);
		return send("POST", "/api/admin/faq", query, BodyPublishers.ofString(text, StandardCharsets.UTF_8),
				"text/plain; charset=utf-8", UPLOAD_TIMEOUT);
	}

	JsonNode faqEntries() {
		return send("GET", "/api/admin/faq", new QueryString(), BodyPublishers.noBody(), null, QUERY_TIMEOUT);
	}

	JsonNode deleteFaq(String id) {
		return send("DELETE", "/api/admin/faq/" + QueryString.encode(id), new QueryString(), BodyPublishers.noBody(),
				null, QUERY_TIMEOUT);
	}

	/** Removes the bundled sample knowledge base; the company's own content stays. */
	JsonNode removeSample() {
		return send("DELETE", "/api/admin/sample", new QueryString(), BodyPublishers.noBody(), null, UPLOAD_TIMEOUT);
	}

	JsonNode rebuild() {
		return send("POST", "/api/admin/index/rebuild", new QueryString(), BodyPublishers.noBody(), null,
				REBUILD_TIMEOUT);
	}

	/**
	 * The answer pipeline's answer to {@code question} after the earlier turns
	 * {@code history} (oldest first), with {@code threshold} as out-of-scope threshold
	 * when it is not {@code null}.
	 */
	JsonNode answer(String question, List<Labelled.Turn> history, Double threshold) {
		ObjectNode body = Json.MAPPER.createObjectNode().put("question", question);
		if (!history.isEmpty()) {
			ArrayNode turns = body.putArray("history");
			history
				.forEach((turn) -> turns.addObject().put("fromCustomer", turn.fromCustomer()).put("text", turn.text()));
		}
		if (threshold != null) {
			body.put("threshold", threshold);
		}
		return send("POST", "/api/admin/answer", new QueryString(), BodyPublishers.ofString(body.toString()),
				"application/json", QUERY_TIMEOUT);
	}

	/**
	 * The server's metrics of evaluated questions ({@code what} is {@code metrics}), or
	 * the threshold it chooses on them ({@code calibration}).
	 */
	JsonNode evaluation(String what, ArrayNode outcomes) {
		String body = Json.MAPPER.createObjectNode().set("outcomes", outcomes).toString();
		return send("POST", "/api/admin/eval/" + what, new QueryString(), BodyPublishers.ofString(body),
				"application/json", REBUILD_TIMEOUT);
	}

	JsonNode accounts() {
		return send("GET", "/api/admin/accounts", new QueryString(), BodyPublishers.noBody(), null, QUERY_TIMEOUT);
	}

	JsonNode saveAccount(ObjectNode account) {
		return send("POST", "/api/admin/accounts", new QueryString(), BodyPublishers.ofString(account.toString()),
				"application/json", QUERY_TIMEOUT);
	}

	JsonNode verifyAudit() {
		return send("GET", "/api/admin/audit/verify", new QueryString(), BodyPublishers.noBody(), null,
				REBUILD_TIMEOUT);
	}

	JsonNode knowledgeGaps(QueryString query) {
		return send("GET", "/api/admin/knowledge-gaps", query, BodyPublishers.noBody(), null, REBUILD_TIMEOUT);
	}

	JsonNode routerStatus() {
		return send("GET", "/api/admin/router", new QueryString(), BodyPublishers.noBody(), null, QUERY_TIMEOUT);
	}

	JsonNode train(boolean wait) {
		return send("POST", "/api/admin/router/train", new QueryString().add("wait", wait), BodyPublishers.noBody(),
				null, REBUILD_TIMEOUT);
	}

	JsonNode saveThreshold(double threshold) {
		String body = Json.MAPPER.createObjectNode().put("threshold", threshold).toString();
		return send("PUT", "/api/admin/router/threshold", new QueryString(), BodyPublishers.ofString(body),
				"application/json", QUERY_TIMEOUT);
	}

	JsonNode search(String query, int top, Tags tags, String fusion) {
		QueryString parameters = new QueryString().add("q", query)
			.add("top", top)
			.addAll("tag", tags.asQueryValues())
			.add("fusion", fusion);
		return send("GET", "/api/admin/search", parameters, BodyPublishers.noBody(), null, QUERY_TIMEOUT);
	}

	private JsonNode send(String method, String path, QueryString query, BodyPublisher body, String contentType,
			Duration timeout) {
		URI uri = URI.create(this.connection.server() + path + query);
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.method(method, body)
			.timeout(timeout)
			.header("Accept", "application/json, application/problem+json");
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (this.connection.token() != null) {
			request.header("Authorization", "Bearer " + this.connection.token());
		}
		long start = System.nanoTime();
		trace("> " + method + " " + uri);
		HttpResponse<byte[]> response;
		try {
			response = this.http.send(request.build(), BodyHandlers.ofByteArray());
		}
		catch (HttpConnectTimeoutException ex) {
			throw ServerUnavailableException.unreachable(server(), ex);
		}
		catch (HttpTimeoutException ex) {
			throw ServerUnavailableException.timedOut(server(), ex);
		}
		catch (IOException ex) {
			if (isConnectFailure(ex)) {
				throw ServerUnavailableException.unreachable(server(), ex);
			}
			throw ServerUnavailableException.connectionFailed(server(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw ServerUnavailableException.connectionFailed(server(), ex);
		}
		trace("< " + response.statusCode() + " " + method + " " + uri + " ("
				+ Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms)");
		return read(method, uri, response);
	}

	private JsonNode read(String method, URI uri, HttpResponse<byte[]> response) {
		int status = response.statusCode();
		JsonNode body = parse(response.body());
		if (status >= 300 && status < 400) {
			String location = response.headers().firstValue("Location").orElse("another address");
			throw new ApiException(status, "Hearth at " + server() + " redirects to " + location
					+ " — set --server or HEARTH_URL to the address it answers on", null);
		}
		if (status >= 200 && status < 300) {
			if (body == null) {
				throw new ApiException(status, "the server's answer is not JSON — is " + server() + " a Hearth server?",
						null);
			}
			return body;
		}
		if (body == null && status == 413) {
			throw new ApiException(status, "too large for the server", "TOO_LARGE");
		}
		if (body == null && status != 401 && status != 403) {
			throw new ApiException(status, "HTTP " + status + " to " + method + " " + uri.getPath()
					+ " without a Hearth answer — is " + server() + " a running Hearth server?", null);
		}
		Problem problem = Problem.from(status, body);
		if (status == 401) {
			throw ServerUnavailableException.tokenRefused(this.connection.token() != null);
		}
		if (status == 403) {
			throw ServerUnavailableException.forbidden(problem.detail());
		}
		throw new ApiException(status, problem.detail(), problem.reason());
	}

	private static JsonNode parse(byte[] body) {
		if (body.length == 0) {
			return MissingNode.getInstance();
		}
		try {
			return Json.MAPPER.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static boolean isConnectFailure(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof UnresolvedAddressException
					|| cause instanceof java.net.UnknownHostException) {
				return true;
			}
		}
		return false;
	}

	private void trace(String line) {
		if (this.debug != null) {
			this.debug.println(line);
		}
	}

	@Override
	public void close() {
		this.http.close();
	}

}
