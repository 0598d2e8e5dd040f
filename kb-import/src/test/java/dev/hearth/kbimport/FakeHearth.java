package dev.hearth.kbimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small in-memory Hearth admin API on 127.0.0.1 and an ephemeral port, following the
 * contract the CLI is written against. Stops on {@link #close()}, and by itself after 60
 * seconds so a broken test cannot leave it running.
 */
final class FakeHearth implements AutoCloseable {

	static final String GAPS = """
			{"from": "2026-10-22T00:00:00Z", "to": "2026-11-22T00:00:00Z", "gaps": [
			 {"question": "Can you recommend a restaurant nearby?", "occurrences": 3, "conversations": 3,
			  "suggestion": {"action": "ADD_FAQ_ENTRY", "question": "Can you recommend a restaurant nearby?",
			                 "phrasings": ["Which restaurant would you recommend?"], "answer": null}},
			 {"question": "Do you sell gift cards?", "occurrences": 2, "conversations": 2,
			  "suggestion": {"action": "ADD_FAQ_ENTRY", "question": "Do you sell gift cards?", "phrasings": [],
			                 "answer": "Not yet, sorry."}}]}
			""";

	static final String ROUTER_STATUS = """
			{"liveVersion": 1, "liveKbRevision": 1000000, "kbRevision": 7, "training": false, "threshold": 0.5,
			 "thresholdSource": "model", "labels": 2, "examples": 4, "checks": {}, "lastError": null}
			""";

	static final String TOKEN = "test-token";

	/** A stored document. */
	static final class Doc {

		final String source;

		String hash;

		Map<String, List<String>> tags;

		String language;

		int version = 1;

		int size;

		Doc(String source) {
			this.source = source;
		}

	}

	final Map<String, Doc> documents = new ConcurrentHashMap<>();

	final Map<String, String> faq = new ConcurrentHashMap<>();

	/** Sources the server refuses with 422, and the detail it gives. */
	final Map<String, String> unimportable = new ConcurrentHashMap<>();

	final List<String> requests = Collections.synchronizedList(new ArrayList<>());

	/** The body of each {@code POST /api/admin/answer}. */
	final List<JsonNode> asked = Collections.synchronizedList(new ArrayList<>());

	/** The outcomes each {@code POST /api/admin/eval/metrics} sent. */
	final List<JsonNode> evaluated = Collections.synchronizedList(new ArrayList<>());

	volatile long maxDocumentBytes = 1_000_000;

	/** Most files in a multi-document upload; 0 for a server without them (no POST). */
	volatile int maxBatchFiles = 20;

	volatile long maxBatchBytes = 10_000_000;

	/** When not 0, the status a multi-document upload is refused with, whole. */
	volatile int refuseBatches;

	/** The sources of each multi-document upload, in order. */
	final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());

	private final HttpServer server;

	private final ExecutorService executor;

	private final ScheduledExecutorService stopper;

	/** What the server's evaluation answers, whatever it is sent. */
	static final String METRICS = """
			{"n": 2, "accuracy": 0.5, "inScopeAccuracy": 1.0, "inScopeTop1": 1.0, "outOfScopeRecall": 0.0,
			 "mcc": 0.0, "mrr": 1.0, "ece": 0.125, "latencyP50Millis": 7, "latencyP95Millis": 9}
			""";

	FakeHearth() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.executor = Executors.newFixedThreadPool(4, daemon("fake-hearth"));
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
		this.stopper = Executors.newSingleThreadScheduledExecutor(daemon("fake-hearth-stopper"));
		this.stopper.schedule(this::close, 60, TimeUnit.SECONDS);
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Requests that changed something: PUT, POST and DELETE. */
	List<String> writes() {
		synchronized (this.requests) {
			return this.requests.stream().filter((request) -> !request.startsWith("GET")).toList();
		}
	}

	Doc put(String source, String content, Map<String, List<String>> tags, String language) {
		Doc doc = new Doc(source);
		doc.hash = Sha256.of(content.getBytes(StandardCharsets.UTF_8));
		doc.tags = tags;
		doc.language = language;
		doc.size = content.length();
		this.documents.put(source, doc);
		return doc;
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
		this.stopper.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String method = exchange.getRequestMethod();
			String path = exchange.getRequestURI().getRawPath();
			String query = exchange.getRequestURI().getRawQuery();
			Map<String, List<String>> params = params(query);
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			this.requests.add(method + " " + path + ((query != null) ? "?" + query : ""));
			if (path.startsWith("/not-hearth/")) {
				byte[] page = "<html><body>Not Found</body></html>".getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "text/html");
				exchange.sendResponseHeaders(404, page.length);
				exchange.getResponseBody().write(page);
				return;
			}
			if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
				problem(exchange, 401, "Unauthorized", "missing or invalid token", null);
				return;
			}
			String route = method + " " + path;
			switch (route) {
				case "GET /api/admin/status" -> status(exchange);
				case "GET /api/admin/documents" -> send(exchange, 200, documentList());
				case "PUT /api/admin/documents" -> upload(exchange, params, body);
				case "POST /api/admin/documents" -> {
					if (this.maxBatchFiles == 0) {
						problem(exchange, 405, "Method Not Allowed", "Method 'POST' is not supported.", null);
					}
					else {
						uploadMany(exchange, params, exchange.getRequestHeaders().getFirst("Content-Type"), body);
					}
				}
				case "DELETE /api/admin/documents" -> delete(exchange, first(params, "source"));
				case "POST /api/admin/faq" -> faqImport(exchange, params, new String(body, StandardCharsets.UTF_8));
				case "GET /api/admin/faq" -> send(exchange, 200, faqList());
				case "GET /api/admin/router" -> send(exchange, 200, Json.MAPPER.readTree(ROUTER_STATUS));
				case "GET /api/admin/knowledge-gaps" -> send(exchange, 200, Json.MAPPER.readTree(GAPS));
				case "DELETE /api/admin/sample" -> removeSample(exchange);
				case "POST /api/admin/index/rebuild" ->
					send(exchange, 200, object().put("passages", 42).put("revision", 7).put("millis", 12));
				case "GET /api/admin/search" -> search(exchange, params);
				case "POST /api/admin/answer" -> answer(exchange, body);
				case "POST /api/admin/eval/metrics" -> {
					this.evaluated.add(Json.MAPPER.readTree(body).path("outcomes"));
					send(exchange, 200, Json.MAPPER.readTree(METRICS));
				}
				default -> {
					if (method.equals("DELETE") && path.startsWith("/api/admin/faq/")) {
						String id = URLDecoder.decode(path.substring("/api/admin/faq/".length()),
								StandardCharsets.UTF_8);
						if (this.faq.remove(id) == null) {
							problem(exchange, 404, "Not Found", "no FAQ entry " + id, null);
						}
						else {
							send(exchange, 200, object().put("id", id).put("deleted", true));
						}
					}
					else {
						problem(exchange, 404, "Not Found", "no route " + route, null);
					}
				}
			}
		}
	}

	/**
	 * Removes the documents under sample-kb/ and the FAQ entries whose id starts
	 * "sample-".
	 */
	private void removeSample(HttpExchange exchange) throws IOException {
		int documents = 0;
		for (String source : List.copyOf(this.documents.keySet())) {
			if (source.startsWith("sample-kb/") && this.documents.remove(source) != null) {
				documents++;
			}
		}
		int entries = 0;
		for (String id : List.copyOf(this.faq.keySet())) {
			if (id.startsWith("sample-") && this.faq.remove(id) != null) {
				entries++;
			}
		}
		send(exchange, 200, object().put("documents", documents).put("faqEntries", entries));
	}

	private void status(HttpExchange exchange) throws IOException {
		ObjectNode status = object().put("documents", this.documents.size())
			.put("chunks", this.documents.size() * 3)
			.put("faqEntries", this.faq.size())
			.put("revision", 7)
			.put("embeddingModel", "all-minilm-l6-v2-q")
			.put("dimensions", 384)
			.put("maxDocumentBytes", this.maxDocumentBytes);
		if (this.maxBatchFiles > 0) {
			status.put("maxBatchFiles", this.maxBatchFiles).put("maxBatchBytes", this.maxBatchBytes);
		}
		status.putObject("index").put("revision", 7).put("passages", 21).put("fresh", true);
		send(exchange, 200, status);
	}

	private ArrayNode documentList() {
		ArrayNode list = Json.MAPPER.createArrayNode();
		for (Doc doc : new TreeMap<>(this.documents).values()) {
			ObjectNode node = list.addObject()
				.put("id", "id-" + doc.source)
				.put("source", doc.source)
				.put("title", doc.source)
				.put("contentHash", doc.hash)
				.put("version", doc.version)
				.put("language", doc.language)
				.put("mediaType", "text/markdown")
				.put("chunks", 3)
				.put("sizeBytes", doc.size)
				.put("updatedAt", "2026-01-31T14:05:09.123Z");
			ObjectNode tags = node.putObject("tags");
			doc.tags.forEach((key, values) -> values.forEach(tags.withArray(key)::add));
		}
		return list;
	}

	private void upload(HttpExchange exchange, Map<String, List<String>> params, byte[] body) throws IOException {
		ObjectNode result = importOne(first(params, "source"), params, body);
		if (result.has("status")) {
			problem(exchange, result.get("status").asInt(), "Cannot import", result.get("detail").asString(),
					Json.text(result, "reason"));
		}
		else {
			send(exchange, 200, result);
		}
	}

	/**
	 * A multipart body of a source part before each file part, as Hearth takes it: each
	 * file imported on its own, one result per file.
	 */
	private void uploadMany(HttpExchange exchange, Map<String, List<String>> params, String contentType, byte[] body)
			throws IOException {
		if (this.refuseBatches != 0) {
			problem(exchange, this.refuseBatches, "Refused", "the request is refused as a whole", null);
			return;
		}
		String boundary = contentType.substring(contentType.indexOf("boundary=") + "boundary=".length());
		List<String> sources = new ArrayList<>();
		List<byte[]> files = new ArrayList<>();
		String text = new String(body, StandardCharsets.ISO_8859_1);
		for (String part : text.split("--" + java.util.regex.Pattern.quote(boundary))) {
			int blank = part.indexOf("\r\n\r\n");
			if (blank < 0) {
				continue;
			}
			String headers = part.substring(0, blank);
			byte[] content = part.substring(blank + 4, part.length() - 2).getBytes(StandardCharsets.ISO_8859_1);
			if (headers.contains("name=\"source\"")) {
				sources.add(new String(content, StandardCharsets.UTF_8));
			}
			else if (headers.contains("name=\"file\"")) {
				files.add(content);
			}
		}
		if (sources.size() != files.size() || files.size() > this.maxBatchFiles) {
			problem(exchange, 400, "Bad Request", "sources " + sources.size() + ", files " + files.size(), null);
			return;
		}
		if (files.stream().mapToLong((file) -> file.length).sum() > this.maxBatchBytes) {
			problem(exchange, 413, "Too large", "too many bytes in one request", null);
			return;
		}
		this.batches.add(List.copyOf(sources));
		ArrayNode results = Json.MAPPER.createArrayNode();
		for (int i = 0; i < files.size(); i++) {
			ObjectNode result = importOne(sources.get(i), params, files.get(i));
			if (result.has("status")) {
				result.put("outcome", "FAILED");
			}
			results.add(result);
		}
		ObjectNode answer = object().put("files", files.size());
		answer.set("results", results);
		send(exchange, 200, answer);
	}

	/** What importing one file does: its result, or source, status, reason and detail. */
	private ObjectNode importOne(String source, Map<String, List<String>> params, byte[] body) {
		if (this.unimportable.containsKey(source)) {
			return object().put("source", source)
				.put("status", 422)
				.put("reason", "ENCRYPTED")
				.put("detail", this.unimportable.get(source));
		}
		if (body.length > this.maxDocumentBytes) {
			return object().put("source", source)
				.put("status", 413)
				.put("reason", "TOO_LARGE")
				.put("detail", "the document is larger than the limit");
		}
		Map<String, List<String>> tags = new TreeMap<>();
		for (String tag : params.getOrDefault("tag", List.of())) {
			int colon = tag.indexOf(':');
			tags.computeIfAbsent(tag.substring(0, colon), (key) -> new ArrayList<>()).add(tag.substring(colon + 1));
		}
		String language = params.containsKey("language") ? first(params, "language") : "en";
		String hash = Sha256.of(body);
		String outcome;
		synchronized (this.documents) {
			Doc doc = this.documents.get(source);
			if (doc == null) {
				doc = new Doc(source);
				this.documents.put(source, doc);
				outcome = "ADDED";
			}
			else if (doc.hash.equals(hash) && doc.tags.equals(tags)
					&& java.util.Objects.equals(doc.language, language)) {
				outcome = "UNCHANGED";
			}
			else {
				doc.version++;
				outcome = "UPDATED";
			}
			doc.hash = hash;
			doc.tags = tags;
			doc.language = language;
			doc.size = body.length;
			return object().put("source", source)
				.put("outcome", outcome)
				.put("documentId", "id-" + source)
				.put("version", doc.version)
				.put("chunks", 3)
				.put("title", source)
				.put("millis", 5);
		}
	}

	private void delete(HttpExchange exchange, String source) throws IOException {
		if (source == null || this.documents.remove(source) == null) {
			problem(exchange, 404, "Not Found", "no document with source " + source, null);
			return;
		}
		send(exchange, 200, object().put("source", source).put("deleted", true));
	}

	private void faqImport(HttpExchange exchange, Map<String, List<String>> params, String text) throws IOException {
		int added = 0;
		int updated = 0;
		int unchanged = 0;
		ArrayNode failed = Json.MAPPER.createArrayNode();
		String[] lines = text.split("\n");
		boolean csv = "csv".equals(first(params, "format"));
		Map<String, String> seen = new LinkedHashMap<>();
		for (int i = csv ? 1 : 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			String id;
			try {
				id = csv ? line.substring(0, line.indexOf(',')) : Json.MAPPER.readTree(line).path("id").asString(null);
			}
			catch (RuntimeException ex) {
				id = null;
			}
			if (id == null || id.isEmpty()) {
				failed.addObject().put("line", i + 1).put("reason", "missing id");
				continue;
			}
			seen.put(id, line);
		}
		if (seen.isEmpty()) {
			problem(exchange, 400, "Bad Request", "no FAQ entry could be read from the file", null);
			return;
		}
		int removed = 0;
		if ("true".equals(first(params, "replace"))) {
			removed = (int) this.faq.keySet().stream().filter((id) -> !seen.containsKey(id)).count();
			this.faq.keySet().retainAll(seen.keySet());
		}
		for (Map.Entry<String, String> entry : seen.entrySet()) {
			String before = this.faq.put(entry.getKey(), entry.getValue());
			if (before == null) {
				added++;
			}
			else if (before.equals(entry.getValue())) {
				unchanged++;
			}
			else {
				updated++;
			}
		}
		ObjectNode result = object().put("added", added)
			.put("updated", updated)
			.put("unchanged", unchanged)
			.put("removed", removed)
			.put("entries", this.faq.size());
		result.set("failed", failed);
		send(exchange, 200, result);
	}

	private ArrayNode faqList() {
		ArrayNode list = Json.MAPPER.createArrayNode();
		new TreeMap<>(this.faq).forEach((id, line) -> {
			ObjectNode entry = list.addObject().put("id", id).put("question", "Question " + id + "?");
			entry.putArray("examples").add("example");
			entry.put("answer", "Answer.").put("updatedAt", "2026-01-31T14:05:09Z");
			entry.putObject("tags").putArray("product").add("router");
		});
		return list;
	}

	private void search(HttpExchange exchange, Map<String, List<String>> params) throws IOException {
		ArrayNode results = Json.MAPPER.createArrayNode();
		int top = Integer.parseInt(params.getOrDefault("top", List.of("5")).get(0));
		for (int i = 1; i <= Math.min(top, 2); i++) {
			ObjectNode hit = results.addObject()
				.put("source", "docs/guide-" + i + ".md")
				.put("title", "Guide " + i)
				.put("sectionPath", "Setup > Step " + i)
				.put("passage", "To " + first(params, "q") + ",\n  open   the settings.")
				.put("score", 1.0 / i)
				.put("citation", "[" + i + "]")
				.put("documentId", "id-" + i)
				.put("kind", "DOCUMENT");
			hit.put("fusion", first(params, "fusion"));
		}
		send(exchange, 200, results);
	}

	private static ObjectNode object() {
		return Json.MAPPER.createObjectNode();
	}

	private static void problem(HttpExchange exchange, int status, String title, String detail, String reason)
			throws IOException {
		ObjectNode problem = object().put("type", "about:blank")
			.put("title", title)
			.put("status", status)
			.put("detail", detail);
		if (reason != null) {
			problem.put("reason", reason);
		}
		exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
		byte[] bytes = Json.MAPPER.writeValueAsBytes(problem);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static String first(Map<String, List<String>> params, String name) {
		List<String> values = params.get(name);
		return (values == null) ? null : values.get(0);
	}

	private static Map<String, List<String>> params(String rawQuery) {
		Map<String, List<String>> params = new LinkedHashMap<>();
		if (rawQuery != null) {
			for (String pair : rawQuery.split("&")) {
				int equals = pair.indexOf('=');
				String name = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
				String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
				params.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
			}
		}
		return params;
	}

	private static java.util.concurrent.ThreadFactory daemon(String name) {
		return (task) -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * Answers "bill" questions from the FAQ entry "bill", everything else too (wrongly).
	 */
	private void answer(HttpExchange exchange, byte[] body) throws IOException {
		this.asked.add(Json.MAPPER.readTree(body));
		String question = Json.MAPPER.readTree(body).path("question").asString();
		ObjectNode answer = object().put("decision", "ANSWERED")
			.put("answeredBy", "faq")
			.put("faqId", "bill")
			.put("routerConfidence", 0.75);
		answer.putArray("ranked").addObject().put("faqId", "bill").put("probability", 0.75);
		answer.putObject("timings").put("total", question.length());
		send(exchange, 200, answer);
	}

}
