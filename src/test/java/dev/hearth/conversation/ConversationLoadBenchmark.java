package dev.hearth.conversation;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.hearth.system.SystemProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many customers at once, as they really chat: {@code bench.conversations} (500)
 * concurrent customers on the widget API over loopback HTTP, for {@code bench.seconds}
 * (300), with the sample knowledge base, extractive answers (no generative model) and the
 * production connection pool (20). Each customer thinks {@code bench.think.min} to
 * {@code bench.think.max} seconds (5 to 15, uniform) before each message, plays either a
 * scripted dialog of {@code docs/eval/sample-kb-dialogs.jsonl} (share
 * {@code bench.dialogs}, 0.3: answerable, off-topic, ambiguous, frustrated, asking for a
 * person, German; some end with a handoff) or asks 1 to 6 questions of
 * {@code docs/eval/sample-kb-questions.jsonl}, and then starts a new conversation. Every
 * message carries a client message id; a 429, 5xx or broken connection is sent again with
 * the same id after {@code Retry-After}, as the widget does. After the deadline no new
 * message is sent; the run ends when the last answer is in.
 * <p>
 * Reports errors (every non-200 and connection failure), the round trip's p50/p95/p99,
 * throughput, the JVM's peak RSS and heap, its CPU split into the load client's own
 * threads and the rest (the server), and checks against PostgreSQL that every
 * acknowledged message is stored exactly once and every stored customer message has a
 * reply. The client is asynchronous ({@link HttpClient#sendAsync}) on a few named
 * platform threads, so that its CPU time can be measured; the server serves on virtual
 * threads. Run with {@code mvn test -pl src -am -Dtest=ConversationLoadBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.seconds=30 -Dbench.conversations=100]};
 * writes {@code target/bench/conversation-load.json}. The database is {@code bench.db}
 * ({@code hearth_bench_load}), dropped first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "hearth.knowledge.sample.enabled=true",
				"spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/${bench.db:hearth_bench_load}",
				"hearth.system.database.pool-size=20" })
@ActiveProfiles("test")
class ConversationLoadBenchmark {

	private static final int CONVERSATIONS = Integer.getInteger("bench.conversations", 500);

	private static final int SECONDS = Integer.getInteger("bench.seconds", 300);

	private static final int THINK_MIN_MS = Integer.getInteger("bench.think.min", 5) * 1000;

	private static final int THINK_MAX_MS = Integer.getInteger("bench.think.max", 15) * 1000;

	private static final double DIALOG_SHARE = Double.parseDouble(System.getProperty("bench.dialogs", "0.3"));

	/** The load client's threads: its own, and the HTTP client's selector. */
	private static final String CLIENT_THREADS = "bench-client";

	@LocalServerPort
	int port;

	@Autowired
	SystemProperties system;

	@Autowired
	JdbcClient jdbc;

	private WidgetBench bench;

	private List<String> questions;

	private List<JsonNode> dialogs;

	private HttpClient http;

	private ScheduledExecutorService timer;

	private long deadline;

	private final Map<String, AtomicLong> statuses = new ConcurrentSkipListMap<>();

	/** conversation id -> client ids acknowledged with a 200 */
	private final Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();

	private final List<Long> roundTrips = Collections.synchronizedList(new ArrayList<>());

	private final AtomicInteger conversationsStarted = new AtomicInteger();

	private final AtomicInteger handoffs = new AtomicInteger();

	private final AtomicInteger withoutReply = new AtomicInteger();

	private final AtomicInteger retries = new AtomicInteger();

	/** Messages acknowledged before the deadline. */
	private final AtomicInteger inWindow = new AtomicInteger();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger maxInFlight = new AtomicInteger();

	@BeforeAll
	static void freshDatabase() throws Exception {
		WidgetBench.dropDatabase(System.getProperty("bench.db", "hearth_bench_load"));
	}

	@Test
	void manyConversationsWithThinkTime() throws Exception {
		this.bench = new WidgetBench(this.port);
		this.questions = WidgetBench.questions();
		this.dialogs = WidgetBench.dialogs();
		ExecutorService handlers = Executors.newFixedThreadPool(2, named(CLIENT_THREADS + "-handler-"));
		this.timer = Executors.newScheduledThreadPool(1, named(CLIENT_THREADS + "-timer-"));
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.executor(handlers)
			.build();
		this.bench.trainRouter(HttpClient.newHttpClient(), this.system.dataDir());

		Memory memory = new Memory();
		Thread sampler = Thread.ofPlatform().daemon(true).name("bench-memory").start(memory::sample);
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean();
		long[] machineBefore = machineCpu();
		long processCpuBefore = os.getProcessCpuTime();
		long started = System.nanoTime();
		this.deadline = started + SECONDS * 1_000_000_000L;
		CountDownLatch finished = new CountDownLatch(CONVERSATIONS);
		for (int c = 0; c < CONVERSATIONS; c++) {
			Customer customer = new Customer(c, finished);
			// arrivals spread over the first think time, as customers come and go
			this.timer.schedule(customer::startConversation, customer.random.nextInt(THINK_MAX_MS),
					TimeUnit.MILLISECONDS);
		}
		boolean allDone = finished.await(SECONDS + 300, TimeUnit.SECONDS);
		long elapsed = System.nanoTime() - started;
		long processCpu = os.getProcessCpuTime() - processCpuBefore;
		long clientCpu = clientCpu(threads);
		long[] machineAfter = machineCpu();
		sampler.interrupt();

		long acknowledgedCount = this.acknowledged.values().stream().mapToLong(Set::size).sum();
		Stored stored = stored();
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("conversations", CONVERSATIONS);
		results.put("seconds", SECONDS);
		results.put("elapsedSeconds", Math.round(elapsed / 1e8) / 10.0);
		results.put("thinkSeconds", THINK_MIN_MS / 1000 + "-" + THINK_MAX_MS / 1000);
		results.put("allCustomersFinished", allDone);
		results.put("conversationsStarted", this.conversationsStarted.get());
		results.put("handoffs", this.handoffs.get());
		results.put("statuses", this.statuses);
		results.put("errors",
				this.statuses.entrySet()
					.stream()
					.filter((e) -> !e.getKey().equals("200") && !e.getKey().equals("201"))
					.mapToLong((e) -> e.getValue().get())
					.sum());
		results.put("retries", this.retries.get());
		results.put("acknowledged", acknowledgedCount);
		results.put("messagesPerSecond", Math.round(this.inWindow.get() * 10.0 / SECONDS) / 10.0);
		results.put("maxConcurrentRequests", this.maxInFlight.get());
		results.put("roundTripMs", WidgetBench.percentiles(this.roundTrips));
		results.put("lost", stored.lost());
		results.put("storedMoreThanOnce", stored.duplicated());
		results.put("customerMessagesWithoutReply", stored.unanswered());
		results.put("responsesWithoutReply", this.withoutReply.get());
		results.put("cpuPercentOfOneCore", Map.of("process", percent(processCpu, elapsed), "loadClient",
				percent(clientCpu, elapsed), "server", percent(processCpu - clientCpu, elapsed)));
		results.put("loadClientShareOfProcessCpu", Math.round(clientCpu * 1000.0 / processCpu) / 10.0);
		results.put("machineBusyPercent", machineBusy(machineBefore, machineAfter));
		results.put("cores", Runtime.getRuntime().availableProcessors());
		results.put("memory", memory.report());
		results.put("loadAverageAtEnd", os.getSystemLoadAverage());
		String json = WidgetBench.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results);
		System.out.println("\n=== Conversation load ===\n" + json);
		Path out = Path.of("target/bench/conversation-load.json");
		Files.createDirectories(out.getParent());
		Files.writeString(out, json);
		this.timer.shutdownNow();
		handlers.shutdownNow();
		assertThat(allDone).as("every customer finished").isTrue();
		assertThat(stored.lost()).as("acknowledged but not stored").isZero();
		assertThat(stored.duplicated()).as("stored twice").isZero();
		assertThat(stored.unanswered()).as("customer messages without a reply").isZero();
	}

	/** One customer: a chain of conversations, each a few messages with think time. */
	private final class Customer {

		private final int index;

		private final Random random;

		private final CountDownLatch finished;

		private String conversation;

		private String token;

		private List<String> script;

		private int next;

		private int sent;

		private Customer(int index, CountDownLatch finished) {
			this.index = index;
			this.random = new Random(index);
			this.finished = finished;
		}

		private void startConversation() {
			if (System.nanoTime() >= ConversationLoadBenchmark.this.deadline) {
				this.finished.countDown();
				return;
			}
			String language = null;
			if (this.random.nextDouble() < DIALOG_SHARE) {
				JsonNode dialog = ConversationLoadBenchmark.this.dialogs
					.get(this.random.nextInt(ConversationLoadBenchmark.this.dialogs.size()));
				language = dialog.get("language").asString();
				this.script = new ArrayList<>();
				dialog.get("turns").forEach((turn) -> this.script.add(turn.asString()));
			}
			else {
				int length = 1 + this.random.nextInt(6);
				this.script = new ArrayList<>();
				for (int i = 0; i < length; i++) {
					this.script.add(ConversationLoadBenchmark.this.questions
						.get(this.random.nextInt(ConversationLoadBenchmark.this.questions.size())));
				}
			}
			this.next = 0;
			send(ConversationLoadBenchmark.this.bench.start(language), (response) -> {
				JsonNode node = WidgetBench.JSON.readTree(response.body());
				this.conversation = node.get("conversationId").asString();
				this.token = node.get("token").asString();
				ConversationLoadBenchmark.this.conversationsStarted.incrementAndGet();
				ConversationLoadBenchmark.this.acknowledged.putIfAbsent(this.conversation,
						ConcurrentHashMap.newKeySet());
				later(this::ask);
			}, this::startConversation, 201);
		}

		private void ask() {
			if (System.nanoTime() >= ConversationLoadBenchmark.this.deadline) {
				this.finished.countDown();
				return;
			}
			String text = this.script.get(this.next);
			String clientId = "load-" + this.index + "-" + this.sent++;
			HttpRequest request = ConversationLoadBenchmark.this.bench.ask(this.conversation, this.token, text,
					clientId);
			long first = System.nanoTime();
			send(request, (response) -> {
				long now = System.nanoTime();
				ConversationLoadBenchmark.this.roundTrips.add((now - first) / 1000);
				if (now < ConversationLoadBenchmark.this.deadline) {
					ConversationLoadBenchmark.this.inWindow.incrementAndGet();
				}
				ConversationLoadBenchmark.this.acknowledged.get(this.conversation).add(clientId);
				JsonNode reply = WidgetBench.JSON.readTree(response.body()).get("answer");
				JsonNode answer = (reply != null && !reply.isNull()) ? reply.get("answer") : null;
				if (reply == null || reply.isNull()) {
					ConversationLoadBenchmark.this.withoutReply.incrementAndGet();
				}
				this.next++;
				if (answer != null && answer.has("handoff")) {
					// a person has it now: the customer waits for them, the bot stays
					// quiet
					ConversationLoadBenchmark.this.handoffs.incrementAndGet();
					this.next = this.script.size();
				}
				later((this.next < this.script.size()) ? this::ask : this::startConversation);
			}, null, 200);
		}

		/**
		 * Sends, retries a temporary failure after {@code Retry-After} with the same
		 * request (the same client id), and calls {@code success} on the expected status;
		 * any other status is counted and the customer moves on ({@code otherwise}, or
		 * the next message).
		 */
		private void send(HttpRequest request, java.util.function.Consumer<HttpResponse<String>> success,
				Runnable otherwise, int expected) {
			int now = ConversationLoadBenchmark.this.inFlight.incrementAndGet();
			ConversationLoadBenchmark.this.maxInFlight.accumulateAndGet(now, Math::max);
			ConversationLoadBenchmark.this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
				.whenComplete((response, failure) -> {
					ConversationLoadBenchmark.this.inFlight.decrementAndGet();
					try {
						if (failure != null) {
							count("connection error");
							retry(request, success, otherwise, expected, 1);
						}
						else if (response.statusCode() == expected) {
							count(Integer.toString(response.statusCode()));
							success.accept(response);
						}
						else {
							count(Integer.toString(response.statusCode()));
							if (response.statusCode() == 429 || response.statusCode() >= 500) {
								retry(request, success, otherwise, expected,
										response.headers().firstValueAsLong("Retry-After").orElse(1));
							}
							else {
								later((otherwise != null) ? otherwise : this::startConversation);
							}
						}
					}
					catch (RuntimeException ex) {
						count("client error " + ex.getClass().getSimpleName());
						later(this::startConversation);
					}
				});
		}

		private void retry(HttpRequest request, java.util.function.Consumer<HttpResponse<String>> success,
				Runnable otherwise, int expected, long seconds) {
			// a retry of a message already sent is allowed a minute past the deadline
			if (System.nanoTime() >= ConversationLoadBenchmark.this.deadline + 60_000_000_000L) {
				this.finished.countDown();
				return;
			}
			ConversationLoadBenchmark.this.retries.incrementAndGet();
			ConversationLoadBenchmark.this.timer.schedule(() -> send(request, success, otherwise, expected),
					Math.max(1, Math.min(seconds, 10)), TimeUnit.SECONDS);
		}

		/**
		 * The next step after a think time, or the end if that falls after the deadline.
		 */
		private void later(Runnable step) {
			int think = THINK_MIN_MS + this.random.nextInt(Math.max(1, THINK_MAX_MS - THINK_MIN_MS));
			if (System.nanoTime() + think * 1_000_000L >= ConversationLoadBenchmark.this.deadline) {
				this.finished.countDown();
				return;
			}
			ConversationLoadBenchmark.this.timer.schedule(step, think, TimeUnit.MILLISECONDS);
		}

	}

	private void count(String status) {
		this.statuses.computeIfAbsent(status, (k) -> new AtomicLong()).incrementAndGet();
	}

	record Stored(long lost, long duplicated, long unanswered) {
	}

	/** What PostgreSQL holds for the conversations of this run. */
	private Stored stored() {
		long lost = 0;
		long duplicated = 0;
		long unanswered = 0;
		for (Map.Entry<String, Set<String>> e : this.acknowledged.entrySet()) {
			UUID id = UUID.fromString(e.getKey());
			List<String> clientIds = this.jdbc
				.sql("select client_id from conversation_message where conversation_id = ? and role = 'CUSTOMER'")
				.param(id)
				.query(String.class)
				.list();
			for (String clientId : e.getValue()) {
				long times = clientIds.stream().filter(clientId::equals).count();
				lost += (times == 0) ? 1 : 0;
				duplicated += (times > 1) ? 1 : 0;
			}
			unanswered += this.jdbc.sql("""
					select count(*) from conversation_message q
					where q.conversation_id = ? and q.role = 'CUSTOMER'
					  and not exists (select 1 from conversation_message r
					                  where r.conversation_id = q.conversation_id and r.reply_to = q.seq)
					""").param(id).query(Long.class).single();
		}
		return new Stored(lost, duplicated, unanswered);
	}

	/** CPU time of the load client's threads (its handlers, its timer, its selector). */
	private static long clientCpu(ThreadMXBean threads) {
		long total = 0;
		for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
			String name = info.getThreadName();
			if (name.startsWith(CLIENT_THREADS)
					|| (name.startsWith("HttpClient-") && name.endsWith("SelectorManager"))) {
				long cpu = threads.getThreadCpuTime(info.getThreadId());
				total += Math.max(0, cpu);
			}
		}
		return total;
	}

	private static double percent(long cpuNanos, long elapsedNanos) {
		return Math.round(cpuNanos * 1000.0 / elapsedNanos) / 10.0;
	}

	/** Busy and total jiffies of the whole machine ({@code /proc/stat}), or nothing. */
	private static long[] machineCpu() {
		try {
			String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long total = 0;
			for (int i = 1; i < fields.length; i++) {
				total += Long.parseLong(fields[i]);
			}
			long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
			return new long[] { total - idle, total };
		}
		catch (IOException | RuntimeException ex) {
			return new long[] { 0, 0 };
		}
	}

	private static Double machineBusy(long[] before, long[] after) {
		long total = after[1] - before[1];
		return (total <= 0) ? null : Math.round((after[0] - before[0]) * 1000.0 / total) / 10.0;
	}

	private static ThreadFactory named(String prefix) {
		return Thread.ofPlatform().daemon(true).name(prefix, 1).factory();
	}

	/** Peak RSS and heap, sampled every second. */
	private static final class Memory {

		private volatile long peakRss;

		private volatile long lastRss;

		private volatile long peakHeapUsed;

		private volatile long peakHeapCommitted;

		private void sample() {
			var memory = ManagementFactory.getMemoryMXBean();
			while (!Thread.currentThread().isInterrupted()) {
				long rss = rss();
				this.lastRss = rss;
				this.peakRss = Math.max(this.peakRss, rss);
				var heap = memory.getHeapMemoryUsage();
				this.peakHeapUsed = Math.max(this.peakHeapUsed, heap.getUsed());
				this.peakHeapCommitted = Math.max(this.peakHeapCommitted, heap.getCommitted());
				try {
					Thread.sleep(1_000);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

		private Map<String, Object> report() {
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("peakRssMb", this.peakRss >> 20);
			result.put("rssAtEndMb", this.lastRss >> 20);
			result.put("peakHeapUsedMb", this.peakHeapUsed >> 20);
			result.put("peakHeapCommittedMb", this.peakHeapCommitted >> 20);
			long live = 0;
			for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
				if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getCollectionUsage() != null) {
					live += pool.getCollectionUsage().getUsed();
				}
			}
			result.put("heapAfterLastGcMb", live >> 20);
			result.put("maxHeapMb", Runtime.getRuntime().maxMemory() >> 20);
			return result;
		}

		private static long rss() {
			try {
				for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
					if (line.startsWith("VmRSS:")) {
						return Long.parseLong(line.replaceAll("\\D", "")) << 10;
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				// not Linux: no RSS
			}
			return 0;
		}

	}

}
