package dev.hearth.conversation;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.hearth.privacy.AuditTrail;
import dev.hearth.testing.HearthHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Simultaneous escalations and the audit trail's one hash chain:
 * {@code bench.escalations} (50) customers press "Talk to a person" at the same moment
 * ({@code POST /api/widget/conversations/{id}/handoff}: the handoff, its audit event, the
 * decision log and the notice in one transaction each), {@code bench.rounds} (5) times,
 * with the production connection pool (20). Meanwhile {@code pg_locks} is sampled every
 * 10 ms for sessions waiting on an advisory lock (the chain's). Reports the requests'
 * p50/p95/max, the most sessions seen waiting on the lock at once, and checks that every
 * handoff is in the trail once and the chain verifies. Run with {@code mvn test -pl src
 * -am -Dtest=EscalationBurstBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; writes
 * {@code target/bench/escalation-burst.json}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "hearth.system.database.pool-size=20")
@ActiveProfiles("test")
class EscalationBurstBenchmark {

	private static final int ESCALATIONS = Integer.getInteger("bench.escalations", 50);

	private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail audit;

	@Test
	void simultaneousEscalations() throws Exception {
		HearthHttp http = new HearthHttp(this.port);
		HttpClient client = HttpClient.newBuilder()
			.executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor())
			.build();
		long handoffsBefore = handoffEvents();
		List<Long> millis = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger failures = new AtomicInteger();
		int mostWaiting = 0;
		List<Long> roundMillis = new ArrayList<>();
		for (int round = 0; round < ROUNDS; round++) {
			List<HearthHttp.Chat> chats = new ArrayList<>();
			for (int i = 0; i < ESCALATIONS; i++) {
				HearthHttp.Chat chat = http.start();
				http.ask(chat, "hello");
				chats.add(chat);
			}
			CountDownLatch go = new CountDownLatch(1);
			CountDownLatch done = new CountDownLatch(ESCALATIONS);
			for (HearthHttp.Chat chat : chats) {
				Thread.ofVirtual().start(() -> {
					try {
						go.await();
						long sent = System.nanoTime();
						HttpResponse<String> response = client.send(java.net.http.HttpRequest
							.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port
									+ "/api/widget/conversations/" + chat.id() + "/handoff"))
							.header("Authorization", "Bearer " + chat.token())
							.POST(java.net.http.HttpRequest.BodyPublishers.noBody())
							.build(), HttpResponse.BodyHandlers.ofString());
						millis.add((System.nanoTime() - sent) / 1_000_000);
						if (response.statusCode() != 200) {
							failures.incrementAndGet();
						}
					}
					catch (Exception ex) {
						failures.incrementAndGet();
					}
					finally {
						done.countDown();
					}
				});
			}
			long started = System.nanoTime();
			go.countDown();
			while (done.getCount() > 0) {
				mostWaiting = Math.max(mostWaiting, advisoryWaiters());
				Thread.sleep(10);
			}
			roundMillis.add((System.nanoTime() - started) / 1_000_000);
		}
		List<Long> sorted = new ArrayList<>(millis);
		Collections.sort(sorted);
		AuditTrail.Verification verification = this.audit.verify();
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("escalationsPerRound", ESCALATIONS);
		results.put("rounds", ROUNDS);
		results.put("failures", failures.get());
		results.put("p50Millis", sorted.get(sorted.size() / 2));
		results.put("p95Millis", sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(0.95 * sorted.size()) - 1)));
		results.put("maxMillis", sorted.get(sorted.size() - 1));
		results.put("roundMillis", roundMillis);
		results.put("mostSessionsWaitingOnAdvisoryLock", mostWaiting);
		results.put("handoffEvents", handoffEvents() - handoffsBefore);
		results.put("chain", verification.detail());
		results.put("loadAverage",
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		String json = http.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(results);
		System.out.println("escalation burst: " + json);
		Path out = Path.of("target/bench/escalation-burst.json");
		Files.createDirectories(out.getParent());
		Files.writeString(out, json);
		assertThat(failures.get()).isZero();
		assertThat(handoffEvents() - handoffsBefore).isEqualTo((long) ESCALATIONS * ROUNDS);
		assertThat(verification.valid()).as(verification.detail()).isTrue();
	}

	private long handoffEvents() {
		return this.jdbc.sql("select count(*) from audit_event where kind = 'HANDOFF'").query(Long.class).single();
	}

	private int advisoryWaiters() {
		return this.jdbc.sql("""
				select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid
				where l.locktype = 'advisory' and not l.granted and a.datname = current_database()
				""").query(Integer.class).single();
	}

}
