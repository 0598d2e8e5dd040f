package dev.hearth.conversation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.hearth.system.SystemProperties;
import dev.hearth.testing.HearthHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL restarted under load: {@code bench.customers} (100) concurrent customers
 * send questions without pause, each with a client message id, and retry a failed send
 * with the same id after {@code Retry-After} (as the widget does); after
 * {@code bench.before} (20 s) the database is restarted with {@code bench.restart}
 * ({@code pg_ctlcluster 15 faults restart}), and the load goes on until
 * {@code bench.seconds} (60 s) in all. Reports the status codes seen, messages
 * acknowledged, lost (acknowledged but not stored) and duplicated (stored twice), and the
 * recovery time (from the restart to the first acknowledged send after it).
 * <p>
 * Needs a PostgreSQL of its own, never the shared one: {@code pg_createcluster 15 faults
 * -p 5440 -- --auth=trust && pg_ctlcluster 15 faults start}, then {@code mvn test
 * -Dtest=DatabaseRestartBenchmark -Dsurefire.failIfNoSpecifiedTests=false}, then
 * {@code pg_dropcluster --stop 15 faults}. Writes {@code target/bench/db-restart.json}.
 * Loopback only; stops by itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=${bench.db:jdbc:postgresql://127.0.0.1:5440/hearth_faults}",
				"hearth.system.database.pool-size=20" })
@ActiveProfiles("test")
class DatabaseRestartBenchmark {

	private static final String FAQ = """
			{"id": "refund-time", "question": "How long does a refund take?", "examples": ["when will I get my money back", "refund duration", "how many days until my refund arrives"], "answer": "Refunds reach your account within 5 working days.", "tags": {"audience": "customer"}}
			{"id": "reset-router", "question": "How do I restart my router?", "examples": ["router reboot", "turn my router off and on", "power cycle the modem"], "answer": "Unplug the router for 30 seconds, then plug it back in.", "tags": {"audience": "customer"}}
			{"id": "opening-hours", "question": "When are you open?", "examples": ["opening hours", "what time can I call you", "customer service hours"], "answer": "We are open Monday to Friday 8:00-20:00.", "tags": {"audience": "customer"}}
			""";

	private static final String[] QUESTIONS = { "how long does a refund take?", "how do I reboot my router",
			"when are you open?", "when will I get my money back", "what are your opening hours" };

	private static final int CUSTOMERS = Integer.getInteger("bench.customers", 100);

	private static final int SECONDS = Integer.getInteger("bench.seconds", 60);

	private static final int BEFORE = Integer.getInteger("bench.before", 20);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SystemProperties system;

	private final Map<String, AtomicLong> statuses = new ConcurrentSkipListMap<>();

	/** conversation id -> client ids acknowledged with a 200 */
	private final Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();

	private final List<Long> latencies = new CopyOnWriteArrayList<>();

	private final List<Long> successes = new CopyOnWriteArrayList<>();

	@Test
	void postgresRestartedUnderLoad() throws Exception {
		String admin = Files.readString(this.system.dataDir().resolve("admin-token")).strip();
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		HttpResponse<String> faq = http.send(HttpRequest.newBuilder(uri("/api/admin/faq?format=jsonl&replace=true"))
			.header("Authorization", "Bearer " + admin)
			.POST(HttpRequest.BodyPublishers.ofString(FAQ))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(faq.statusCode()).isEqualTo(200);
		http.send(HttpRequest.newBuilder(uri("/api/admin/router/train?wait=true"))
			.header("Authorization", "Bearer " + admin)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());

		long start = System.currentTimeMillis();
		long end = start + SECONDS * 1000L;
		List<Thread> customers = new ArrayList<>();
		for (int i = 0; i < CUSTOMERS; i++) {
			int customer = i;
			customers.add(Thread.ofVirtual().start(() -> converse(http, customer, end)));
		}
		Thread.sleep(BEFORE * 1000L);
		long restartAt = System.currentTimeMillis();
		Process restart = new ProcessBuilder(
				System.getProperty("bench.restart", "pg_ctlcluster 15 faults restart").split(" "))
			.inheritIO()
			.start();
		int exit = restart.waitFor();
		long restarted = System.currentTimeMillis();
		for (Thread customer : customers) {
			customer.join(Duration.ofSeconds(SECONDS + 120));
		}
		long firstAfter = this.successes.stream()
			.filter((at) -> at > restarted)
			.mapToLong(Long::longValue)
			.min()
			.orElse(-1);

		long acknowledgedCount = this.acknowledged.values().stream().mapToLong(Set::size).sum();
		long lost = 0;
		for (Map.Entry<String, Set<String>> e : this.acknowledged.entrySet()) {
			List<String> stored = this.jdbc
				.sql("select client_id from conversation_message where conversation_id = ? and role = 'CUSTOMER'")
				.param(UUID.fromString(e.getKey()))
				.query(String.class)
				.list();
			lost += e.getValue().stream().filter((id) -> !stored.contains(id)).count();
		}
		long duplicated = this.jdbc.sql("""
				select count(*) from (select conversation_id, client_id from conversation_message
				                      where role = 'CUSTOMER' and client_id is not null
				                      group by conversation_id, client_id having count(*) > 1) d
				""").query(Long.class).single();
		long doubleAnswered = this.jdbc.sql("""
				select count(*) from (select conversation_id, reply_to from conversation_message
				                      where reply_to is not null group by conversation_id, reply_to
				                      having count(*) > 1) d
				""").query(Long.class).single();
		List<Long> sorted = this.latencies.stream().sorted().toList();
		Map<String, Object> results = new java.util.LinkedHashMap<>();
		results.put("customers", CUSTOMERS);
		results.put("seconds", SECONDS);
		results.put("restartCommandExit", exit);
		results.put("restartCommandMillis", restarted - restartAt);
		results.put("recoveryMillisAfterRestartCommand", (firstAfter < 0) ? null : firstAfter - restarted);
		results.put("statuses", this.statuses);
		results.put("acknowledged", acknowledgedCount);
		results.put("messagesPerSecond", Math.round(acknowledgedCount * 10.0 / SECONDS) / 10.0);
		results.put("lost", lost);
		results.put("duplicated", duplicated);
		results.put("answeredTwice", doubleAnswered);
		results.put("p50Millis", percentile(sorted, 0.50));
		results.put("p95Millis", percentile(sorted, 0.95));
		results.put("p99Millis", percentile(sorted, 0.99));
		results.put("loadAverage",
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		String json = new HearthHttp(this.port).mapper().writerWithDefaultPrettyPrinter().writeValueAsString(results);
		System.out.println("database restart under load: " + json);
		Path out = Path.of("target/bench/db-restart.json");
		Files.createDirectories(out.getParent());
		Files.writeString(out, json);
		assertThat(lost).isZero();
		assertThat(duplicated).isZero();
	}

	private void converse(HttpClient http, int customer, long end) {
		String id = null;
		String token = null;
		int asked = 0;
		while (System.currentTimeMillis() < end) {
			try {
				if (id == null) {
					HttpResponse<String> started = post(http, "/api/widget/conversations", "{}", null);
					count(started.statusCode());
					if (started.statusCode() != 201) {
						pause(started);
						continue;
					}
					JsonNode node = new HearthHttp(this.port).mapper().readTree(started.body());
					id = node.get("conversationId").asString();
					token = node.get("token").asString();
				}
				String clientId = "c" + customer + "-" + asked;
				String body = "{\"text\": \"" + QUESTIONS[asked % QUESTIONS.length] + "\", \"clientId\": \"" + clientId
						+ "\"}";
				while (true) {
					long sent = System.nanoTime();
					HttpResponse<String> response;
					try {
						response = post(http, "/api/widget/conversations/" + id + "/messages", body, token);
					}
					catch (java.io.IOException ex) {
						count(-1);
						Thread.sleep(1_000);
						continue;
					}
					count(response.statusCode());
					if (response.statusCode() == 200) {
						this.latencies.add((System.nanoTime() - sent) / 1_000_000);
						this.successes.add(System.currentTimeMillis());
						this.acknowledged.computeIfAbsent(id, (k) -> ConcurrentHashMap.newKeySet()).add(clientId);
						break;
					}
					if (response.statusCode() == 429 || response.statusCode() >= 500) {
						// the widget's retry: the same client id after Retry-After
						pause(response);
						continue;
					}
					throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
				}
				asked++;
			}
			catch (java.io.IOException ex) {
				count(-1);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	private HttpResponse<String> post(HttpClient http, String path, String body, String token)
			throws java.io.IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private void count(int status) {
		this.statuses
			.computeIfAbsent((status < 0) ? "connection error" : Integer.toString(status), (k) -> new AtomicLong())
			.incrementAndGet();
	}

	private static void pause(HttpResponse<String> response) throws InterruptedException {
		long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
		Thread.sleep(Math.max(1, Math.min(seconds, 10)) * 1000);
	}

	private static long percentile(List<Long> sorted, double p) {
		return sorted.isEmpty() ? -1 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
