package dev.hearth.conversation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.hearth.testing.HearthHttp;

/**
 * What open widget streams cost the database and the CPU while nothing happens: opens 500
 * and then 2,000 live event streams ({@code bench.streams}, comma-separated) on loopback,
 * waits until each has its first status, and counts PostgreSQL transactions
 * ({@code pg_stat_database.xact_commit}) and the JVM's CPU time over
 * {@code bench.seconds} (40). The streams then close; it stops by itself. Streams are
 * held open for {@code bench.stream} (30 min, so that no reconnect falls in the window;
 * the default is 5 min, try {@code -Dbench.stream=5m -Dbench.seconds=300} for the cost of
 * the reconnects). Since the replica-wide sweep, {@code bench.poll} (30 s) is only the
 * fallback while the change feed is down, so {@code -Dbench.poll=1s} no longer reproduces
 * the per-stream polling of before. Run with {@code mvn test -Dtest=WidgetStreamBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}; writes
 * {@code target/bench/widget-streams-<poll>.json}. The JVM's CPU includes the test's own
 * idle client connections; the CPU of the client's HTTP selector (which reads every
 * stream) is reported beside it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "hearth.widget.event-poll=${bench.poll:30s}", "hearth.widget.event-stream=${bench.stream:30m}" })
@ActiveProfiles("test")
class WidgetStreamBenchmark {

	private static final int SECONDS = Integer.getInteger("bench.seconds", 40);

	/** Seconds between the last stream's first status and the measurement (5 before). */
	private static final int SETTLE = Integer.getInteger("bench.settle", 20);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void openStreamsCostNoDatabaseWhileNothingHappens() throws Exception {
		HearthHttp http = new HearthHttp(this.port);
		HttpClient client = HttpClient.newBuilder()
			.executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor())
			.build();
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("poll", System.getProperty("bench.poll", "30s"));
		results.put("seconds", SECONDS);
		results.put("settleSeconds", SETTLE);
		results.put("idle", measure(10));
		List<Thread> readers = new ArrayList<>();
		int open = 0;
		for (String count : System.getProperty("bench.streams", "500,2000").split(",")) {
			int target = Integer.parseInt(count.strip());
			CountDownLatch connected = new CountDownLatch(target - open);
			for (; open < target; open++) {
				HearthHttp.Chat chat = http.start();
				readers.add(Thread.ofVirtual().start(() -> follow(client, chat, connected)));
			}
			if (!connected.await(5, TimeUnit.MINUTES)) {
				throw new AssertionError("not every stream received its first status within 5 minutes");
			}
			// the opening's own work (and PostgreSQL's statistics of it, flushed up to
			// 10 s late) must not fall into the window
			Thread.sleep(SETTLE * 1000L);
			Map<String, Object> measured = measure(SECONDS);
			results.put(target + " streams", measured);
			System.out.printf("widget streams: %d open, poll %s: %s%n", target, results.get("poll"), measured);
		}
		readers.forEach(Thread::interrupt);
		client.shutdownNow();
		Path out = Path.of("target/bench/widget-streams-" + results.get("poll") + ".json");
		Files.createDirectories(out.getParent());
		Files.writeString(out, http.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(results));
	}

	private void follow(HttpClient client, HearthHttp.Chat chat, CountDownLatch connected) {
		try {
			HttpResponse<java.io.InputStream> response = client.send(HttpRequest
				.newBuilder(URI
					.create("http://127.0.0.1:" + this.port + "/api/widget/conversations/" + chat.id() + "/events"))
				.header("Authorization", "Bearer " + chat.token())
				.header("Accept", "text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofInputStream());
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
				boolean counted = false;
				String line;
				while ((line = reader.readLine()) != null) {
					if (!counted && line.startsWith("event:status")) {
						connected.countDown();
						counted = true;
					}
				}
			}
		}
		catch (IOException ex) {
			// closed at the end
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private Map<String, Object> measure(int seconds) throws InterruptedException {
		com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean();
		long commits = commits();
		long cpu = os.getProcessCpuTime();
		long selector = selectorCpu();
		List<Long> backends = backends();
		long postgres = postgresCpu(backends);
		long started = System.nanoTime();
		Thread.sleep(seconds * 1000L);
		// PostgreSQL publishes a backend's counts at least once a second while it is busy
		Thread.sleep(1_500);
		long elapsed = System.nanoTime() - started;
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("transactionsPerSecond", Math.round((commits() - commits) * 10 / (elapsed / 1e9)) / 10.0);
		result.put("cpuPercentOfOneCore", Math.round((os.getProcessCpuTime() - cpu) * 1000.0 / elapsed) / 10.0);
		result.put("postgresCpuPercentOfOneCore",
				Math.round((postgresCpu(backends) - postgres) * 1e9 / TICKS * 1000.0 / elapsed) / 10.0);
		result.put("clientSelectorCpuPercentOfOneCore",
				Math.round((selectorCpu() - selector) * 1000.0 / elapsed) / 10.0);
		result.put("loadAverage", os.getSystemLoadAverage());
		return result;
	}

	/**
	 * CPU time of the test client's HTTP selector threads, which read every stream: part
	 * of the JVM's CPU that is not the server's.
	 */
	private static long selectorCpu() {
		java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long total = 0;
		for (java.lang.management.ThreadInfo info : threads.dumpAllThreads(false, false)) {
			if (info.getThreadName().startsWith("HttpClient-") && info.getThreadName().endsWith("SelectorManager")) {
				total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
			}
		}
		return total;
	}

	/** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ). */
	private static final long TICKS = 100;

	/**
	 * The PostgreSQL backends of this database (the pool's and the change feed's
	 * listener): all the database work the streams cause.
	 */
	private List<Long> backends() {
		return this.jdbc.sql("select pid from pg_stat_activity where datname = current_database()")
			.query(Long.class)
			.list();
	}

	/** CPU time of those backends in clock ticks ({@code /proc}: same machine only). */
	private static long postgresCpu(List<Long> pids) {
		long ticks = 0;
		for (long pid : pids) {
			try {
				String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			}
			catch (IOException | RuntimeException ex) {
				// gone, or not on this machine
			}
		}
		return ticks;
	}

	private long commits() {
		return this.jdbc
			.sql("select xact_commit + xact_rollback from pg_stat_database where datname = current_database()")
			.query(Long.class)
			.single();
	}

}
