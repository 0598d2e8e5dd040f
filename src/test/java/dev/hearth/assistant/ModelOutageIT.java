package dev.hearth.assistant;

import dev.hearth.testing.Tables;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.hearth.knowledge.DocumentImporter;
import dev.hearth.testing.HearthHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The language model endpoint slow or down while customers ask: an OpenAI-compatible
 * address on loopback that first holds every request without a byte (as a hung server
 * does), then sends only keep-alive comments (a server that accepts but never answers),
 * each for 60 s, then refuses connections (stopped). 50 customers
 * ({@code -Dmodel-outage.customers}) ask at once through the widget API; every turn ends
 * within the configured timeouts with an escalation ({@code MODEL_FAILURE}), health and
 * new widgets are answered meanwhile, and the threads do not grow with the hung requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "hearth.assistant.model.provider=openai", "hearth.assistant.model.openai.model=test",
				"hearth.assistant.model.openai.timeout=2s", "hearth.assistant.answer.model-timeout-seconds=4",
				// as in production: 50 concurrent turns, not the test profile's small
				// pool
				"hearth.system.database.pool-size=20" })
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelOutageIT {

	static final int CUSTOMERS = Integer.getInteger("model-outage.customers", 50);

	/**
	 * Connect/read timeout (2 s) or the whole answer's (4 s), plus the turn's own work.
	 */
	static final long BOUND_MILLIS = 40_000;

	static final StuckModel model = StuckModel.start();

	@DynamicPropertySource
	static void model(DynamicPropertyRegistry registry) {
		registry.add("hearth.assistant.model.openai.base-url", model::baseUrl);
	}

	@AfterAll
	static void stop() {
		model.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	DocumentImporter importer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RouterService router;

	@BeforeEach
	void oneDocument() {
		Tables.truncate(this.jdbc, "kb_document, faq_entry, router_model cascade");
		this.importer.importDocument("docs/refunds.md", """
				# Refunds

				## How long refunds take
				Refunds reach your account within 5 working days. Card refunds can take another 3 days to appear.
				""".getBytes(StandardCharsets.UTF_8), Map.of("audience", List.of("customer")), "en", "test");
		this.router.trainNow();
	}

	@Test
	@Order(1)
	void aHungModelServerEscalatesEveryTurnWithinTheReadTimeout() throws Exception {
		model.mode = StuckModel.Mode.SILENT;
		concurrentTurns("silent");
	}

	@Test
	@Order(2)
	void aModelServerThatNeverFinishesEscalatesWithinTheAnswerTimeout() throws Exception {
		model.mode = StuckModel.Mode.TRICKLE;
		concurrentTurns("trickling");
	}

	@Test
	@Order(3)
	void aStoppedModelServerEscalatesAtOnce() throws Exception {
		model.refuse();
		concurrentTurns("refusing");
	}

	private void concurrentTurns(String what) throws Exception {
		HearthHttp http = new HearthHttp(this.port);
		int threadsBefore = serverThreads();
		List<Long> millis = new CopyOnWriteArrayList<>();
		Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
		List<Throwable> failures = new CopyOnWriteArrayList<>();
		long started = System.nanoTime();
		List<Thread> customers = new ArrayList<>();
		for (int i = 0; i < CUSTOMERS; i++) {
			customers.add(Thread.ofVirtual().start(() -> {
				try {
					HearthHttp.Chat chat = http.start();
					long asked = System.nanoTime();
					JsonNode answer = http.ask(chat, "How long does a refund take to reach my account?")
						.get("answer")
						.get("answer");
					millis.add((System.nanoTime() - asked) / 1_000_000);
					String outcome = answer.get("decision").asString() + " " + (answer.hasNonNull("reason")
							? answer.get("reason").asString() : answer.path("answeredBy").asString());
					outcomes.computeIfAbsent(outcome, (k) -> new AtomicInteger()).incrementAndGet();
				}
				catch (Throwable ex) {
					failures.add(ex);
				}
			}));
		}
		// while the turns wait for the model: the replica still answers
		Thread.sleep(1000);
		long probe = System.nanoTime();
		assertThat(http.send("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
		long healthMillis = (System.nanoTime() - probe) / 1_000_000;
		probe = System.nanoTime();
		HearthHttp.Chat other = http.start();
		assertThat(http.send("GET", "/api/widget/conversations/" + other.id() + "/messages", null, other.token())
			.statusCode()).isEqualTo(200);
		long widgetMillis = (System.nanoTime() - probe) / 1_000_000;
		int threadsDuring = serverThreads();
		for (Thread customer : customers) {
			customer.join(BOUND_MILLIS * 4);
		}
		long total = (System.nanoTime() - started) / 1_000_000;
		List<Long> sorted = millis.stream().sorted().toList();
		System.out.printf(
				"model %s: %d turns in %d ms, turn p50 %d ms, max %d ms, outcomes %s; during the outage: health %d ms, a new widget %d ms; server platform threads %d before, %d during, %d model connections%n",
				what, sorted.size(), total, sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2),
				sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1), outcomes, healthMillis, widgetMillis,
				threadsBefore, threadsDuring, model.connections.get());
		assertThat(failures).isEmpty();
		assertThat(sorted).hasSize(CUSTOMERS);
		assertThat(sorted.get(sorted.size() - 1)).as("every turn ends within the timeouts").isLessThan(BOUND_MILLIS);
		assertThat(outcomes.keySet())
			.allSatisfy((outcome) -> assertThat(outcome).isIn("ESCALATE MODEL_FAILURE", "ANSWERED extractive"));
		assertThat(healthMillis).as("health while the model hangs (its probe gives up after 2 s)").isLessThan(15_000);
		assertThat(widgetMillis).as("a new widget while the model hangs").isLessThan(BOUND_MILLIS);
		assertThat(threadsDuring - threadsBefore).as("hung model requests do not take a platform thread each")
			.isLessThan(CUSTOMERS / 5);
	}

	/**
	 * Platform threads of this JVM except the test's own HTTP client's workers (the
	 * customers' requests): what the server holds.
	 */
	private static int serverThreads() {
		return (int) Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(false, false))
			.filter((thread) -> !thread.getThreadName().startsWith("HttpClient-"))
			.count();
	}

	/**
	 * A loopback TCP server that takes every request and answers nothing
	 * ({@link Mode#SILENT}) or only SSE keep-alive comments ({@link Mode#TRICKLE}), each
	 * for at most 60 s; after {@link #refuse()} its port refuses connections. Stops on
	 * {@link #close()}.
	 */
	static final class StuckModel implements AutoCloseable {

		enum Mode {

			SILENT, TRICKLE

		}

		volatile Mode mode = Mode.SILENT;

		final AtomicInteger connections = new AtomicInteger();

		private final ServerSocket listener;

		private final List<Socket> open = new CopyOnWriteArrayList<>();

		private StuckModel(ServerSocket listener) {
			this.listener = listener;
			Thread.ofVirtual().start(this::accept);
		}

		static StuckModel start() {
			try {
				return new StuckModel(new ServerSocket(0, 100, InetAddress.getLoopbackAddress()));
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		String baseUrl() {
			return "http://127.0.0.1:" + this.listener.getLocalPort() + "/v1";
		}

		private void accept() {
			while (!this.listener.isClosed()) {
				try {
					Socket socket = this.listener.accept();
					this.connections.incrementAndGet();
					this.open.add(socket);
					Thread.ofVirtual().start(() -> hold(socket));
				}
				catch (IOException ex) {
					return;
				}
			}
		}

		private void hold(Socket socket) {
			try (socket) {
				InputStream in = socket.getInputStream();
				in.readNBytes(Math.max(1, in.available()));
				OutputStream out = socket.getOutputStream();
				long end = System.nanoTime() + 60_000_000_000L;
				if (this.mode == Mode.TRICKLE) {
					out.write(
							("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
								.getBytes(StandardCharsets.US_ASCII));
					out.flush();
				}
				while (System.nanoTime() < end && !socket.isClosed()) {
					Thread.sleep(1000);
					if (this.mode == Mode.TRICKLE) {
						out.write("3\r\n:\n\n\r\n".getBytes(StandardCharsets.US_ASCII));
						out.flush();
					}
				}
			}
			catch (IOException | InterruptedException ex) {
				// the client gave up: as it should
			}
		}

		/** Stops listening: the port refuses connections from now on. */
		void refuse() throws IOException {
			this.listener.close();
		}

		@Override
		public void close() {
			try {
				this.listener.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
			for (Socket socket : this.open) {
				try {
					socket.close();
				}
				catch (IOException ex) {
					// closing anyway
				}
			}
		}

	}

}
