package dev.hearth.knowledge;

import dev.hearth.testing.Tables;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.hearth.HearthApplication;
import dev.hearth.testing.HearthHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas (two application contexts, each with its own index folder) on one
 * PostgreSQL: what is imported through one is searched and answered from the other,
 * within seconds, through the change log and PostgreSQL notifications.
 */
class ReplicaSyncIT {

	private static final Duration WITHIN = Duration.ofSeconds(20);

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	private static AdminApi one;

	private static AdminApi two;

	@BeforeAll
	static void startTwoReplicas() throws Exception {
		first = replica(Files.createTempDirectory("hearth-replica-1"));
		Tables.truncate(first.getBean(JdbcClient.class), "kb_document, faq_entry, kb_import_event cascade");
		first.getBean(KnowledgeWriter.class).rebuildIndex();
		second = replica(Files.createTempDirectory("hearth-replica-2"));
		one = api(first);
		two = api(second);
	}

	@AfterAll
	static void stop() {
		if (second != null) {
			second.close();
		}
		if (first != null) {
			first.close();
		}
	}

	@Test
	void aDocumentImportedOnOneReplicaIsSearchedOnTheOtherAndItsDeletionToo() {
		assertThat(two.search("which port does the grey fibre cable go into").json()).isEmpty();
		byte[] document = """
				# Router setup

				## Connecting the cables
				Plug the grey fibre cable into the port marked FIBRE. The power light turns green within two minutes.
				""".getBytes(StandardCharsets.UTF_8);
		assertThat(one.putDocument("docs/replica-router.md", document, "audience:customer").status()).isEqualTo(200);
		long imported = System.nanoTime();
		awaitTrue("the second replica finds the passage imported through the first",
				() -> two.search("which port does the grey fibre cable go into").json().size() > 0);
		System.out.printf("replica sync: searchable on the other replica after %d ms%n",
				(System.nanoTime() - imported) / 1_000_000);
		JsonNode hit = two.search("which port does the grey fibre cable go into").json().get(0);
		assertThat(hit.get("passage").asString()).contains("port marked FIBRE");

		assertThat(two.delete("/api/admin/documents?source=" + AdminApi.encode("docs/replica-router.md")).status())
			.isEqualTo(200);
		awaitTrue("the first replica forgets the document deleted through the second",
				() -> one.search("which port does the grey fibre cable go into").json().isEmpty());
		assertThat(indexRevision(first)).isEqualTo(indexRevision(second));
	}

	@Test
	void anFaqImportedOnOneReplicaIsAnsweredByTheOthersRouter() {
		String faq = """
				{"id": "replica-bill", "question": "When is my bill due?", "examples": ["payment date of my invoice", "when do I have to pay"], "answer": "Bills are due on the 14th of each month.", "tags": {"audience": "customer"}}
				{"id": "replica-esim", "question": "Can I use an eSIM?", "examples": ["digital sim card", "esim on my phone"], "answer": "Yes, every mobile plan supports eSIM.", "tags": {"audience": "customer"}}
				""";
		assertThat(one.postFaq(faq, "jsonl", false).status()).isEqualTo(200);
		awaitTrue("the first replica trains a router on the new FAQ", () -> live(one) != null);
		awaitTrue("the second replica puts the same router version live",
				() -> live(one).equals(live(two)) && !two.get("/api/admin/router").json().get("training").asBoolean());
		JsonNode answer = two.postJson("/api/admin/answer", "{\"question\": \"when do I have to pay my bill\"}").json();
		assertThat(answer.get("faqId").asString()).isEqualTo("replica-bill");
		assertThat(answer.get("text").asString()).contains("14th");
	}

	@Test
	void aStreamOnOneReplicaIsWokenAtOnceByAHandoffOnTheOtherWithoutPolling() throws Exception {
		HearthHttp customerOnOne = new HearthHttp(port(first));
		HearthHttp.Chat chat = customerOnOne.start();
		HttpResponse<java.io.InputStream> stream = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI
					.create("http://127.0.0.1:" + port(second) + "/api/widget/conversations/" + chat.id() + "/events"))
				.header("Authorization", "Bearer " + chat.token())
				.header("Accept", "text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofInputStream());
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
			assertThat(nextStatus(reader)).contains("\"state\":\"BOT\"");
			long pressed = System.nanoTime();
			assertThat(customerOnOne
				.send("POST", "/api/widget/conversations/" + chat.id() + "/handoff", null, chat.token())
				.statusCode()).isEqualTo(200);
			String status = nextStatus(reader);
			long millis = (System.nanoTime() - pressed) / 1_000_000;
			System.out.printf("replica sync: handoff on one replica reached the stream on the other in %d ms%n",
					millis);
			assertThat(status).contains("\"state\":\"WAITING_FOR_AGENT\"");
			assertThat(millis).as("woken by the notification, not by the one-minute safety poll").isLessThan(10_000);
		}
	}

	/** The data of the next status event (messages are skipped). */
	private static String nextStatus(BufferedReader reader) throws Exception {
		String event = null;
		String line;
		while ((line = reader.readLine()) != null) {
			if (line.startsWith("event:")) {
				event = line.substring(6).strip();
			}
			else if (line.startsWith("data:") && "status".equals(event)) {
				return line.substring(5).strip();
			}
		}
		throw new AssertionError("the stream ended without a status event");
	}

	private static Integer live(AdminApi api) {
		JsonNode version = api.get("/api/admin/router").json().get("liveVersion");
		return (version == null || version.isNull()) ? null : version.asInt();
	}

	private static long indexRevision(ConfigurableApplicationContext context) {
		return context.getBean(KnowledgeIndex.class).passages().revision();
	}

	private static void awaitTrue(String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + WITHIN.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Not within " + WITHIN + ": " + what);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	private static ConfigurableApplicationContext replica(Path dataDir) {
		// command-line arguments: they win over application.yml
		return new SpringApplicationBuilder(HearthApplication.class).profiles("test")
			.run("--server.port=0", "--hearth.system.data-dir=" + dataDir, "--hearth.system.change-feed.catch-up=2s",
					"--hearth.widget.event-poll=1m",
					// as the chart sets it: the same on every replica, so a widget's
					// token is valid on all
					"--hearth.conversation.token-secret=replica-sync-test-secret-of-32-characters");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static AdminApi api(ConfigurableApplicationContext context) {
		return new AdminApi(port(context), context.getBean(dev.hearth.system.SystemProperties.class).dataDir());
	}

}
