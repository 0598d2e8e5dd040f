package dev.hearth.conversation;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.hearth.system.SystemProperties;

/**
 * Answer latency with no generative model: 50 concurrent customer conversations on the
 * widget API over loopback HTTP, each asking the sample knowledge base's evaluation
 * questions one after another with a think time between them (exponential, mean
 * {@code bench.think.ms}, default 1000 ms), for {@code bench.seconds} (default 60), after
 * a warm-up of {@code bench.warmup.seconds} (default 60) at the same load that is not
 * measured. Also a run with no think time, to show the saturation point. A conversation
 * that is handed over (the bot then stays quiet) is replaced by a new one, so all of them
 * keep asking; the pipeline's time is taken from every answer that has one (a handoff
 * before answering has none). The database is {@code bench.db} (default
 * {@code hearth_bench}), dropped first. Run with
 * {@code mvn test -Dtest=AnswerLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * writes {@code target/bench/answer-latency.json}; with {@code -Dbench.jfr=FILE} the run
 * with think time is recorded with the JDK's Flight Recorder into that file ({@code
 * -Dbench.jfr.sockets=true} also records every socket read and write, so every database
 * round trip). Runs with the production default of 20 database connections
 * ({@code bench.pool} sets another). Reports the process's CPU time per question (server
 * and clients), which a shared machine does not distort as it does the percentiles, and
 * PostgreSQL's write-ahead log per question.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "hearth.knowledge.sample.enabled=true",
				"spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/${bench.db:hearth_bench}",
				// the production default (SystemProperties), not the test profile's 4
				"hearth.system.database.pool-size=${bench.pool:20}" })
@ActiveProfiles("test")
class AnswerLatencyBenchmark {

	private static final int CONVERSATIONS = Integer.getInteger("bench.conversations", 50);

	private static final int SECONDS = Integer.getInteger("bench.seconds", 60);

	private static final int THINK_MS = Integer.getInteger("bench.think.ms", 1000);

	private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup.seconds", 60);

	@LocalServerPort
	int port;

	@Autowired
	SystemProperties system;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = WidgetBench.JSON;

	private WidgetBench bench;

	/** A fresh database, so that the sample knowledge base is imported on start-up. */
	@BeforeAll
	static void freshDatabase() throws Exception {
		WidgetBench.dropDatabase(System.getProperty("bench.db", "hearth_bench"));
	}

	@Test
	void latency() throws Exception {
		WidgetBench bench = new WidgetBench(this.port);
		bench.trainRouter(this.http, this.system.dataDir());
		List<String> questions = WidgetBench.questions();
		this.bench = bench;
		Map<String, Object> results = new LinkedHashMap<>();
		// -Dbench.jfr=FILE records the run with think time with the JDK's Flight Recorder
		String jfr = System.getProperty("bench.jfr");
		try (var recording = (jfr != null) ? new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"))
				: null) {
			if (recording != null) {
				recording.setDestination(Path.of(jfr));
				// CPU time samples include native code (the embedding model's inference)
				recording.enable("jdk.CPUTimeSample").with("throttle", "10ms");
				if (Boolean.getBoolean("bench.jfr.sockets")) {
					// every socket read and write, not only those over the profile's
					// threshold: each database round trip of a turn, however short
					recording.enable("jdk.SocketRead").withThreshold(Duration.ZERO);
					recording.enable("jdk.SocketWrite").withThreshold(Duration.ZERO);
				}
				recording.start();
			}
			// the conversations run through a warm-up at the measured load before their
			// turns count: with 5 s of 10 conversations before, the first measured ten
			// seconds had a p95 of 782 ms, falling to 57 ms in the last ten (the JIT was
			// still compiling the turn's paths), and 50 conversations starting together
			// make a burst of first questions that is no steady state either
			results.put("withThinkTime", run(questions, CONVERSATIONS, THINK_MS, WARMUP_SECONDS, SECONDS));
			if (recording != null) {
				recording.stop();
			}
		}
		results.put("noThinkTime", run(questions, CONVERSATIONS, 0, 10, Math.max(10, SECONDS / 3)));
		results.put("cores", Runtime.getRuntime().availableProcessors());
		Files.createDirectories(Path.of("target/bench"));
		Files.writeString(Path.of("target/bench/answer-latency.json"),
				this.json.writerWithDefaultPrettyPrinter().writeValueAsString(results));
		System.out.println("\n=== Answer latency, no generative model ===");
		results.forEach((key, value) -> System.out.println(key + ": " + value));
	}

	private Map<String, Object> run(List<String> questions, int conversations, int thinkMs, int warmupSeconds,
			int seconds) throws Exception {
		List<Long> roundTrips = Collections.synchronizedList(new ArrayList<>());
		List<Long> pipeline = Collections.synchronizedList(new ArrayList<>());
		// the round trips of turns that were answered and of those handed over, apart:
		// which kind of turn the tail is
		List<Long> answered = Collections.synchronizedList(new ArrayList<>());
		List<Long> handedOver = Collections.synchronizedList(new ArrayList<>());
		// when each turn was sent (ms into the run) and its round trip: whether the tail
		// is
		// spread over the run or bunched (a start-up transient, a stall of the process)
		List<long[]> trace = Collections.synchronizedList(new ArrayList<>());
		long runStart = System.nanoTime() + warmupSeconds * 1_000_000_000L;
		AtomicInteger errors = new AtomicInteger();
		AtomicInteger escalations = new AtomicInteger();
		java.util.concurrent.atomic.AtomicLong cpuBefore = new java.util.concurrent.atomic.AtomicLong(
				processCpuNanos());
		java.util.concurrent.atomic.AtomicReference<Map<String, Long>> walBefore = new java.util.concurrent.atomic.AtomicReference<>(
				wal());
		Thread.ofVirtual().start(() -> {
			try {
				Thread.sleep(Duration.ofNanos(Math.max(0, runStart - System.nanoTime())));
				cpuBefore.set(processCpuNanos());
				walBefore.set(wal());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		long deadline = runStart + seconds * 1_000_000_000L;
		CountDownLatch done = new CountDownLatch(conversations);
		for (int c = 0; c < conversations; c++) {
			int seed = c;
			Thread.ofVirtual().start(() -> {
				Random random = new Random(seed);
				try {
					String[] conversation = start();
					int asked = 0;
					while (System.nanoTime() < deadline && asked < 1000) {
						if (thinkMs > 0) {
							Thread.sleep((long) (-Math.log(1 - random.nextDouble()) * thinkMs));
						}
						String question = questions.get(random.nextInt(questions.size()));
						long sent = System.nanoTime();
						HttpResponse<String> response = this.http.send(this.bench.ask(conversation[0], conversation[1],
								question, java.util.UUID.randomUUID().toString()),
								HttpResponse.BodyHandlers.ofString());
						long micros = (System.nanoTime() - sent) / 1000;
						asked++;
						boolean measured = sent >= runStart;
						if (response.statusCode() != 200) {
							errors.addAndGet(measured ? 1 : 0);
							continue;
						}
						JsonNode reply = this.json.readTree(response.body()).get("answer");
						JsonNode answer = (reply != null && !reply.isNull()) ? reply.get("answer") : null;
						boolean handed = answer == null || answer.has("handoff");
						if (measured) {
							roundTrips.add(micros);
							trace.add(new long[] { (sent - runStart) / 1_000_000, micros });
							if (answer != null && answer.has("timings")) {
								pipeline.add(answer.get("timings").get("total").asLong() * 1000);
							}
							(handed ? handedOver : answered).add(micros);
							escalations.addAndGet(handed ? 1 : 0);
						}
						if (handed) {
							// handed over: a person has it now and the bot stays quiet
							conversation = start();
						}
					}
				}
				catch (Exception ex) {
					errors.incrementAndGet();
				}
				finally {
					done.countDown();
				}
			});
		}
		done.await();
		long cpuNanos = processCpuNanos() - cpuBefore.get();
		Map<String, Long> walAfter = wal();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("conversations", conversations);
		result.put("thinkTimeMeanMs", thinkMs);
		result.put("warmupSeconds", warmupSeconds);
		result.put("questions", roundTrips.size());
		result.put("questionsPerSecond", Math.round(roundTrips.size() * 10.0 / seconds) / 10.0);
		result.put("errors", errors.get());
		result.put("escalations", escalations.get());
		result.put("roundTripMs", WidgetBench.percentiles(roundTrips));
		result.put("pipelineMs", WidgetBench.percentiles(pipeline));
		result.put("roundTripAnsweredMs", WidgetBench.percentiles(answered));
		result.put("roundTripHandedOverMs", WidgetBench.percentiles(handedOver));
		result.put("roundTripByTenSecondsMs", byTenSeconds(trace, seconds));
		// the whole process (server and the 50 clients): judged by when the machine is
		// shared, where wall-clock percentiles are mostly other processes' queue
		result.put("cpuMsPerQuestion",
				roundTrips.isEmpty() ? 0 : Math.round(cpuNanos / 1e4 / roundTrips.size()) / 100.0);
		// the database server's write-ahead log while measuring (the whole cluster: run
		// it
		// alone): what each turn costs PostgreSQL's commits, full-page images after a
		// checkpoint included
		Map<String, Double> walPerQuestion = new LinkedHashMap<>();
		walAfter.forEach((key, value) -> walPerQuestion.put(key, roundTrips.isEmpty() ? 0
				: Math.round((value - walBefore.get().get(key)) * 10.0 / roundTrips.size()) / 10.0));
		result.put("walPerQuestion", walPerQuestion);
		return result;
	}

	/** PostgreSQL's write-ahead log counters since their last reset. */
	private Map<String, Long> wal() {
		return this.jdbc.sql("select wal_records, wal_fpi, wal_bytes, wal_sync from pg_stat_wal").query((rs, row) -> {
			Map<String, Long> counters = new LinkedHashMap<>();
			for (String column : List.of("wal_records", "wal_fpi", "wal_bytes", "wal_sync")) {
				counters.put(column, rs.getLong(column));
			}
			return counters;
		}).single();
	}

	/** The round trips' percentiles in each ten seconds of the run, in order. */
	private static List<Map<String, Double>> byTenSeconds(List<long[]> trace, int seconds) {
		List<Map<String, Double>> windows = new ArrayList<>();
		for (int from = 0; from < seconds; from += 10) {
			long start = from * 1000L;
			List<Long> window = new ArrayList<>();
			synchronized (trace) {
				for (long[] turn : trace) {
					if (turn[0] >= start && turn[0] < start + 10_000) {
						window.add(turn[1]);
					}
				}
			}
			Map<String, Double> figures = new LinkedHashMap<>(WidgetBench.percentiles(window));
			figures.put("n", (double) window.size());
			windows.add(figures);
		}
		return windows;
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/** A new conversation: its id and its token. */
	private String[] start() throws Exception {
		JsonNode started = this.json
			.readTree(this.http.send(this.bench.start(null), HttpResponse.BodyHandlers.ofString()).body());
		return new String[] { started.get("conversationId").asString(), started.get("token").asString() };
	}

}
