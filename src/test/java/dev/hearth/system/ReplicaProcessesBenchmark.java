package dev.hearth.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.hearth.testing.HearthHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas in two processes: the packaged server
 * ({@code java -jar target/hearth-*.jar}) started twice on two free loopback ports, on
 * one PostgreSQL database of its own ({@code hearth_replicas_bench}, created and dropped
 * here), each with its own data and index folder. Measures, in this order:
 * <ol>
 * <li>a customer on replica B asks for a person; an agent on replica A sees the
 * conversation in the agent API's queue, claims it and answers; the customer's live
 * stream on B receives the reply (B's safety poll is set to one minute: the reply arrives
 * by {@code NOTIFY});</li>
 * <li>a document imported through A is found by B's search and answered to a customer on
 * B;</li>
 * <li>SIGKILL of replica A while {@code kb-import} imports a folder of
 * {@code bench.documents} (60) documents through it; A is restarted, the import run again
 * to its end: the documents and chunks must equal those of a clean import of the same
 * folder (no duplicates, nothing half-stored);</li>
 * <li>B's index folder deleted while B runs: B answers searches throughout and is rebuilt
 * from PostgreSQL without a restart.</li>
 * </ol>
 * Slow (two server starts, three with the restart: minutes on a shared machine), so not
 * part of {@code mvn verify}; one command after {@code mvn -q -DskipTests package}:
 * {@code mvn test -pl src -Dtest=ReplicaProcessesBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Writes {@code target/bench/replicas.json} and the servers' logs next to it. Loopback
 * only; every wait is bounded; the servers are stopped at the end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicaProcessesBenchmark {

	private static final String POSTGRES = System.getProperty("bench.postgres", "jdbc:postgresql://127.0.0.1:5432/");

	private static final String DATABASE = System.getProperty("bench.database", "hearth_replicas_bench");

	private static final int DOCUMENTS = Integer.getInteger("bench.documents", 60);

	private static final String ADMIN = "replica-bench-admin-" + Long.toString(System.nanoTime(), 36);

	private static final String AGENT = "replica-bench-agent-" + Long.toString(System.nanoTime(), 36);

	private static final Duration START_WITHIN = Duration.ofMinutes(4);

	private static final Map<String, Object> results = new LinkedHashMap<>();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static Path work;

	private static Replica a;

	private static Replica b;

	@BeforeAll
	static void startTwoReplicas() throws Exception {
		try (Connection db = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
				Statement sql = db.createStatement()) {
			sql.execute("drop database if exists " + DATABASE + " with (force)");
			sql.execute("create database " + DATABASE);
		}
		work = Files.createDirectories(Path.of("target", "bench", "replicas"));
		a = new Replica("a", freePort(), Files.createTempDirectory("hearth-replica-a"));
		results.put("startA", a.start());
		b = new Replica("b", freePort(), Files.createTempDirectory("hearth-replica-b"));
		results.put("startB", b.start());
		try (Connection db = database(); Statement sql = db.createStatement()) {
			sql.execute(
					"insert into api_token (id, name, token_sha256, role) values (gen_random_uuid(), 'bench-agent', "
							+ "encode(sha256(convert_to('" + AGENT + "', 'UTF8')), 'hex'), 'AGENT')");
		}
	}

	@AfterAll
	static void stop() throws Exception {
		for (Replica replica : new Replica[] { b, a }) {
			if (replica != null) {
				replica.stop();
			}
		}
		Files.createDirectories(Path.of("target", "bench"));
		String report = json.writerWithDefaultPrettyPrinter().writeValueAsString(results);
		Files.writeString(Path.of("target", "bench", "replicas.json"), report);
		System.out.println("replicas in two processes: " + report);
		try (Connection db = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
				Statement sql = db.createStatement()) {
			sql.execute("drop database if exists " + DATABASE + " with (force)");
		}
	}

	@Test
	@Order(1)
	void anAgentOnOneReplicaAnswersACustomerConnectedToTheOther() throws Exception {
		HearthHttp customerOnB = new HearthHttp(b.port);
		HearthHttp.Chat chat = customerOnB.start();
		LiveStream stream = LiveStream.open(b.port, chat);
		awaitTrue("B's stream says hello", Duration.ofSeconds(30), () -> stream.contains("\"state\":\"BOT\""));

		long handedOff = System.nanoTime();
		assertThat(customerOnB.send("POST", "/api/widget/conversations/" + chat.id() + "/handoff", null, chat.token())
			.statusCode()).isEqualTo(200);
		awaitTrue("the agent on A sees the conversation waiting", Duration.ofSeconds(30),
				() -> agent("GET", "/api/agent/conversations?filter=waiting", null).body().contains(chat.id()));
		long seen = System.nanoTime();

		assertThat(agent("POST", "/api/agent/conversations/" + chat.id() + "/claim", null).statusCode()).isEqualTo(200);
		String reply = "Agent reply from replica A " + Long.toString(System.nanoTime(), 36);
		long replied = System.nanoTime();
		assertThat(agent("POST", "/api/agent/conversations/" + chat.id() + "/messages",
				json.createObjectNode().put("text", reply).toString())
			.statusCode()).isEqualTo(201);
		awaitTrue("the customer's stream on B receives the reply", Duration.ofSeconds(30),
				() -> stream.contains(reply));
		long received = stream.at(reply);

		String question = "Customer follow-up on B " + Long.toString(System.nanoTime(), 36);
		long asked = System.nanoTime();
		customerOnB.ask(chat, question);
		awaitTrue("the agent on A reads the customer's message", Duration.ofSeconds(30),
				() -> agent("GET", "/api/agent/conversations/" + chat.id() + "/messages", null).body()
					.contains(question));
		long read = System.nanoTime();
		stream.close();

		Map<String, Object> handoff = new LinkedHashMap<>();
		handoff.put("handoffOnBSeenInAgentQueueOnAMillis", millis(handedOff, seen));
		handoff.put("agentReplyOnAInCustomerStreamOnBMillis", millis(replied, received));
		handoff.put("customerMessageOnBReadByAgentOnAMillis", millis(asked, read));
		results.put("handoffAcrossReplicas", handoff);
	}

	@Test
	@Order(2)
	void aDocumentImportedThroughOneReplicaIsAnsweredFromTheOther() throws Exception {
		String marker = "Qv" + Long.toString(System.nanoTime(), 36);
		String document = "# Fibre box lights\n\n## The " + marker + " light\nWhen the " + marker
				+ " light on the fibre box blinks red, the fibre cable is bent or unplugged: plug it back in firmly.\n";
		long imported = System.nanoTime();
		HttpResponse<String> put = admin(a, "PUT",
				"/api/admin/documents?source=docs/replica-lights.md&tag=audience:customer",
				HttpRequest.BodyPublishers.ofString(document));
		assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
		long stored = System.nanoTime();
		awaitTrue("B's search finds the document imported through A", Duration.ofSeconds(30),
				() -> admin(b, "GET", "/api/admin/search?q=" + marker + "+light+blinks+red",
						HttpRequest.BodyPublishers.noBody())
					.body()
					.contains("replica-lights.md"));
		long searchable = System.nanoTime();
		HearthHttp customerOnB = new HearthHttp(b.port);
		JsonNode answer = customerOnB
			.ask(customerOnB.start(), "What does it mean when the " + marker + " light blinks red?")
			.get("answer")
			.get("answer");
		long answered = System.nanoTime();
		assertThat(answer.get("decision").asString()).as(answer.toString()).isEqualTo("ANSWERED");
		assertThat(answer.toString()).contains("replica-lights.md");

		Map<String, Object> sync = new LinkedHashMap<>();
		sync.put("importOnAMillis", millis(imported, stored));
		sync.put("searchableOnBAfterImportMillis", millis(stored, searchable));
		sync.put("customerOnBAnsweredFromItMillis", millis(searchable, answered));
		sync.put("answeredBy", answer.path("answeredBy").asString());
		results.put("documentAcrossReplicas", sync);
	}

	@Test
	@Order(3)
	void aReplicaKilledDuringAnImportLeavesNoDuplicatesAndTheRerunCompletes() throws Exception {
		Path folder = Files.createDirectories(work.resolve("import"));
		for (int i = 0; i < DOCUMENTS; i++) {
			StringBuilder text = new StringBuilder("# Service note " + i + "\n\n");
			for (int s = 0; s < 6; s++) {
				text.append("## Section ").append(s).append('\n');
				text.append("Service note ")
					.append(i)
					.append(" section ")
					.append(s)
					.append(" explains how the router, the fibre box and the set-top box work together when the ")
					.append("line is restarted, and what a customer checks before calling support. ".repeat(4))
					.append("\n\n");
			}
			Files.writeString(folder.resolve("note-" + i + ".md"), text);
		}
		long before = count("select count(*) from kb_document");

		Process killed = kbImport(a, folder, "kb-import-killed.log");
		awaitTrue("a third of the folder is imported", Duration.ofMinutes(3),
				() -> count("select count(*) from kb_document") - before >= DOCUMENTS / 3);
		long docsAtKill = count("select count(*) from kb_document") - before;
		a.kill();
		killed.waitFor(60, TimeUnit.SECONDS);
		killed.destroyForcibly();
		results.put("restartAAfterKill", a.start());

		long rerunStarted = System.nanoTime();
		Process rerun = kbImport(a, folder, "kb-import-rerun.log");
		assertThat(rerun.waitFor(10, TimeUnit.MINUTES)).isTrue();
		long rerunMillis = millis(rerunStarted, System.nanoTime());
		assertThat(rerun.exitValue()).as(Files.readString(work.resolve("kb-import-rerun.log"))).isZero();
		Counts afterRerun = counts();

		// a clean import of the same folder, for comparison
		List<String> sources = new ArrayList<>();
		try (Connection db = database();
				Statement sql = db.createStatement();
				ResultSet rows = sql.executeQuery("select source from kb_document where source like '%note-%.md'")) {
			while (rows.next()) {
				sources.add(rows.getString(1));
			}
		}
		for (String source : sources) {
			assertThat(admin(a, "DELETE",
					"/api/admin/documents?source=" + java.net.URLEncoder.encode(source, StandardCharsets.UTF_8),
					HttpRequest.BodyPublishers.noBody())
				.statusCode()).isEqualTo(200);
		}
		assertThat(counts().documents()).isZero();
		Process clean = kbImport(a, folder, "kb-import-clean.log");
		assertThat(clean.waitFor(10, TimeUnit.MINUTES)).isTrue();
		assertThat(clean.exitValue()).isZero();
		Counts afterClean = counts();

		Map<String, Object> kill = new LinkedHashMap<>();
		kill.put("documents", DOCUMENTS);
		kill.put("documentsStoredWhenKilled", docsAtKill);
		kill.put("afterKillAndRerun", afterRerun);
		kill.put("afterCleanImport", afterClean);
		kill.put("rerunMillis", rerunMillis);
		results.put("sigkillDuringImport", kill);
		assertThat(afterRerun).isEqualTo(afterClean);
		assertThat(afterRerun.documents()).isEqualTo(DOCUMENTS);
	}

	@Test
	@Order(4)
	void aDeletedIndexFolderIsRebuiltWhileTheReplicaRuns() throws Exception {
		awaitTrue("B has caught up", Duration.ofSeconds(60), () -> indexFresh(b));
		String query = "/api/admin/search?q=Service+note+7+section+3+router";
		long deleted = System.nanoTime();
		deleteRecursively(b.dataDir.resolve("index"));
		int failures = 0;
		int searches = 0;
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		boolean rebuilt = false;
		while (System.nanoTime() < deadline && !rebuilt) {
			HttpResponse<String> search = admin(b, "GET", query, HttpRequest.BodyPublishers.noBody());
			searches++;
			if (search.statusCode() != 200 || !search.body().contains("note-7.md")) {
				failures++;
			}
			// rebuilt into a new folder (index.<millis>), which a restart takes back as
			// "index"
			rebuilt = rebuiltFolder(b) && indexFresh(b);
			Thread.sleep(100);
		}
		long millis = millis(deleted, System.nanoTime());
		assertThat(rebuilt).as("rebuilt within 60 s").isTrue();
		assertThat(admin(b, "GET", query, HttpRequest.BodyPublishers.noBody()).body()).contains("note-7.md");
		Map<String, Object> lost = new LinkedHashMap<>();
		lost.put("rebuiltAndFreshAfterMillis", millis);
		lost.put("searchesMeanwhile", searches);
		lost.put("searchesWithoutTheDocument", failures);
		results.put("indexFolderDeleted", lost);
		assertThat(failures).isZero();
	}

	record Counts(long documents, long chunks, long faqEntries) {
	}

	private static Counts counts() throws SQLException {
		return new Counts(count("select count(*) from kb_document where source like '%note-%.md'"), count(
				"select count(*) from kb_chunk c join kb_document d on d.id = c.document_id where d.source like '%note-%.md'"),
				count("select count(*) from faq_entry"));
	}

	private static boolean rebuiltFolder(Replica replica) {
		try (Stream<Path> folders = Files.list(replica.dataDir)) {
			return folders.anyMatch((f) -> f.getFileName().toString().matches("index\\.\\d+"));
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static boolean indexFresh(Replica replica) {
		try {
			JsonNode status = json
				.readTree(admin(replica, "GET", "/api/admin/status", HttpRequest.BodyPublishers.noBody()).body());
			return status.path("index").path("fresh").asBoolean(false);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static Process kbImport(Replica replica, Path folder, String log) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(javaBin(), "-jar",
				Path.of("kb-import", "target", "kb-import.jar").toString(), "import", folder.toString(), "--tag",
				"audience=customer", "--server", "http://127.0.0.1:" + replica.port)
			.redirectErrorStream(true)
			.redirectOutput(work.resolve(log).toFile());
		builder.environment().put("HEARTH_TOKEN", ADMIN);
		return builder.start();
	}

	private static HttpResponse<String> agent(String method, String path, String body) {
		return send(a, method, path,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody(),
				AGENT);
	}

	private static HttpResponse<String> admin(Replica replica, String method, String path,
			HttpRequest.BodyPublisher body) {
		return send(replica, method, path, body, ADMIN);
	}

	private static HttpResponse<String> send(Replica replica, String method, String path,
			HttpRequest.BodyPublisher body, String token) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + replica.port + path))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type",
						path.startsWith("/api/admin/documents") ? "application/octet-stream" : "application/json")
				.timeout(Duration.ofSeconds(60))
				.method(method, body)
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Connection database() throws SQLException {
		return DriverManager.getConnection(POSTGRES + DATABASE, "postgres", "");
	}

	private static long count(String query) {
		try (Connection db = database();
				Statement sql = db.createStatement();
				ResultSet rows = sql.executeQuery(query)) {
			rows.next();
			return rows.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long millis(long from, long to) {
		return (to - from) / 1_000_000;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String javaBin() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static Path serverJar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter((f) -> f.getFileName().toString().matches("hearth-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"No target/hearth-*.jar: build it first with mvn -q -DskipTests package"));
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	private static void awaitTrue(String what, Duration within, BooleanSupplier condition) {
		long deadline = System.nanoTime() + within.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Not within " + within + ": " + what);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	/** One server process. */
	static final class Replica {

		final String name;

		final int port;

		final Path dataDir;

		private Process process;

		Replica(String name, int port, Path dataDir) {
			this.name = name;
			this.port = port;
			this.dataDir = dataDir;
		}

		/** Starts the server and waits until it is ready; returns the milliseconds. */
		long start() throws Exception {
			long started = System.nanoTime();
			ProcessBuilder builder = new ProcessBuilder(javaBin(), "-Xmx768m", "-XX:+ExitOnOutOfMemoryError", "-jar",
					serverJar().toString(), "--server.port=" + this.port, "--hearth.system.data-dir=" + this.dataDir,
					"--hearth.knowledge.sample.enabled=false",
					"--hearth.system.database.embedded-when-unavailable=false",
					// as the chart sets them: the same on every replica
					"--hearth.conversation.token-secret=replica-bench-secret-of-at-least-32-characters",
					"--hearth.crypto.keys.bench-1=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
					"--hearth.crypto.active-key=bench-1",
					// live events must arrive by NOTIFY, not by the safety poll
					"--hearth.widget.event-poll=1m", "--hearth.widget.rate-limit.posts-per-minute-per-address=100000",
					"--hearth.widget.rate-limit.requests-per-minute-per-address=100000")
				.redirectErrorStream(true)
				.redirectOutput(
						ProcessBuilder.Redirect.appendTo(work.resolve("server-" + this.name + ".log").toFile()));
			builder.environment().put("HEARTH_DB_URL", POSTGRES + DATABASE);
			builder.environment().put("HEARTH_ADMIN_TOKEN", ADMIN);
			builder.environment().remove("SPRING_DATASOURCE_URL");
			this.process = builder.start();
			long deadline = System.nanoTime() + START_WITHIN.toNanos();
			while (System.nanoTime() < deadline) {
				if (!this.process.isAlive()) {
					throw new IllegalStateException("Replica " + this.name + " exited with " + this.process.exitValue()
							+ ": see " + work.resolve("server-" + this.name + ".log"));
				}
				try {
					HttpResponse<String> ready = http.send(HttpRequest
						.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health/readiness"))
						.timeout(Duration.ofSeconds(5))
						.build(), HttpResponse.BodyHandlers.ofString());
					if (ready.statusCode() == 200) {
						return millis(started, System.nanoTime());
					}
				}
				catch (IOException ex) {
					// not listening yet
				}
				Thread.sleep(250);
			}
			throw new IllegalStateException("Replica " + this.name + " not ready within " + START_WITHIN);
		}

		/** SIGKILL: no shutdown hook, no graceful close. */
		void kill() throws InterruptedException {
			this.process.destroyForcibly();
			this.process.waitFor(30, TimeUnit.SECONDS);
		}

		void stop() throws InterruptedException {
			if (this.process != null && this.process.isAlive()) {
				this.process.destroy();
				if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
					this.process.destroyForcibly();
				}
			}
		}

	}

	/** A customer's live event stream, each line with the time it arrived. */
	static final class LiveStream implements AutoCloseable {

		private final List<String> lines = new CopyOnWriteArrayList<>();

		private final List<Long> arrived = new CopyOnWriteArrayList<>();

		private final InputStream body;

		private LiveStream(InputStream body) {
			this.body = body;
			Thread.ofVirtual().start(this::read);
		}

		static LiveStream open(int port, HearthHttp.Chat chat) throws Exception {
			HttpResponse<InputStream> response = http.send(HttpRequest
				.newBuilder(
						URI.create("http://127.0.0.1:" + port + "/api/widget/conversations/" + chat.id() + "/events"))
				.header("Authorization", "Bearer " + chat.token())
				.header("Accept", "text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofInputStream());
			assertThat(response.statusCode()).isEqualTo(200);
			return new LiveStream(response.body());
		}

		private void read() {
			try (BufferedReader reader = new BufferedReader(new InputStreamReader(this.body, StandardCharsets.UTF_8))) {
				String line;
				while ((line = reader.readLine()) != null) {
					this.arrived.add(System.nanoTime());
					this.lines.add(line);
				}
			}
			catch (IOException ex) {
				// closed
			}
		}

		boolean contains(String text) {
			return this.lines.stream().anyMatch((line) -> line.contains(text));
		}

		long at(String text) {
			for (int i = 0; i < this.lines.size(); i++) {
				if (this.lines.get(i).contains(text)) {
					return this.arrived.get(i);
				}
			}
			throw new AssertionError("not in the stream: " + text);
		}

		@Override
		public void close() throws IOException {
			this.body.close();
		}

	}

}
