package dev.hearth.conversation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the widget benchmarks share ({@link AnswerLatencyBenchmark},
 * {@link DeflectionBenchmark}, {@link ConversationLoadBenchmark}): a fresh database, the
 * router trained on the sample knowledge base, the evaluation questions and scripted
 * dialogs of {@code docs/eval}, the widget API's requests and percentiles. The requests
 * are built here and sent by each benchmark's own client (blocking or asynchronous).
 */
final class WidgetBench {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final URI base;

	WidgetBench(int port) {
		this.base = URI.create("http://127.0.0.1:" + port);
	}

	/**
	 * Drops {@code database} on the local PostgreSQL, so that the sample knowledge base
	 * is imported again on start-up.
	 */
	static void dropDatabase(String database) throws Exception {
		try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
				var statement = connection.createStatement()) {
			statement.execute("drop database if exists " + database + " with (force)");
		}
	}

	/** Trains the FAQ router and waits until it is live. */
	void trainRouter(HttpClient http, Path dataDir) throws Exception {
		String token = Files.readString(dataDir.resolve("admin-token")).strip();
		HttpResponse<String> trained = http.send(HttpRequest.newBuilder(uri("/api/admin/router/train?wait=true"))
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		if (trained.statusCode() != 200) {
			throw new IllegalStateException("training the router gave HTTP " + trained.statusCode());
		}
	}

	/** The sample knowledge base's evaluation questions. */
	static List<String> questions() throws Exception {
		List<String> questions = new ArrayList<>();
		for (String line : Files.readAllLines(Path.of("docs/eval/sample-kb-questions.jsonl"))) {
			if (!line.isBlank()) {
				questions.add(JSON.readTree(line).get("question").asString());
			}
		}
		return questions;
	}

	/**
	 * The scripted multi-turn dialogs (answerable, off-topic, ambiguous, frustrated,
	 * asking for a person, German).
	 */
	static List<JsonNode> dialogs() throws Exception {
		List<JsonNode> dialogs = new ArrayList<>();
		for (String line : Files.readAllLines(Path.of("docs/eval/sample-kb-dialogs.jsonl"))) {
			if (!line.isBlank()) {
				dialogs.add(JSON.readTree(line));
			}
		}
		return dialogs;
	}

	/**
	 * Starts a widget conversation ({@code 201}: {@code conversationId}, {@code token}).
	 */
	HttpRequest start(String language) {
		String body = (language != null) ? JSON.createObjectNode().put("language", language).toString() : "{}";
		return HttpRequest.newBuilder(uri("/api/widget/conversations"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	/**
	 * A customer message, answered in the response ({@code 200}: {@code message},
	 * {@code answer}).
	 * @param clientId the widget's message id (a retry with the same id is stored once),
	 * or {@code null}
	 */
	HttpRequest ask(String conversation, String token, String text, String clientId) {
		var body = JSON.createObjectNode().put("text", text);
		if (clientId != null) {
			body.put("clientId", clientId);
		}
		return HttpRequest.newBuilder(uri("/api/widget/conversations/" + conversation + "/messages"))
			.timeout(java.time.Duration.ofSeconds(120))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build();
	}

	/** p50, p95 and p99 in milliseconds (one decimal) of durations in microseconds. */
	static Map<String, Double> percentiles(List<Long> micros) {
		List<Long> sorted = new ArrayList<>(micros);
		Collections.sort(sorted);
		Map<String, Double> result = new LinkedHashMap<>();
		for (double p : new double[] { 0.50, 0.95, 0.99 }) {
			long value = sorted.isEmpty() ? 0
					: sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
			result.put("p" + (int) (p * 100), Math.round(value / 100.0) / 10.0);
		}
		return result;
	}

	URI uri(String path) {
		return this.base.resolve(path);
	}

}
