package dev.hearth.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import dev.hearth.conversation.AgentInbox;
import dev.hearth.conversation.ConversationSearch;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console inbox with 10,000 conversations ({@code bench.conversations}), 4 messages
 * each: the inbox query and the whole rendered inbox page (MockMvc, signed in) with 1,000
 * of them in the queue and then with all of them in it, plus full-text search. Run with
 * {@code mvn test
 * -Dtest=InboxBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; writes
 * {@code target/bench/inbox.json}.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/hearth_bench_console")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class InboxBenchmark {

	private static final int CONVERSATIONS = Integer.getInteger("bench.conversations", 10_000);

	private static final int RUNS = Integer.getInteger("bench.runs", 200);

	private static final String[] WORDS = ("router internet invoice refund roaming contract fibre outage password "
			+ "speed wifi modem technician appointment cancel move address payment sim esim porting channel box")
		.split(" ");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AgentInbox inbox;

	@Autowired
	ConversationSearch search;

	@Autowired
	MockMvc mvc;

	@Test
	void inboxWithTenThousandConversations() throws Exception {
		seed();
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("conversations", CONVERSATIONS);
		results.put("messages", CONVERSATIONS * 4);

		queue(1_000);
		results.put("queue1000.query", measure(() -> this.inbox.rows(AgentInbox.Filter.ALL, "agent-1").size()));
		results.put("queue1000.mine", measure(() -> this.inbox.rows(AgentInbox.Filter.MINE, "agent-1").size()));
		results.put("queue1000.page", measure(this::page));

		queue(CONVERSATIONS);
		results.put("queueAll.query", measure(() -> this.inbox.rows(AgentInbox.Filter.ALL, "agent-1").size()));
		results.put("queueAll.page", measure(this::page));
		results.put("search.supervisor",
				measure(() -> this.search.search("router technician", null, java.util.function.UnaryOperator.identity())
					.size()));
		results.put("search.agent",
				measure(() -> this.search
					.search("router technician", "agent-1", java.util.function.UnaryOperator.identity())
					.size()));
		results.put("explain.inbox", this.jdbc.sql("""
				explain (analyze, format text) select id, state, priority, waiting_since, sla_due_at, assigned_agent,
				       escalation_rule, escalation_reason, summary ->> 'question' as question
				from conversation where state in ('WAITING_FOR_AGENT', 'WITH_AGENT')
				order by priority desc, waiting_since limit 200
				""").query(String.class).list());

		Files.createDirectories(Path.of("target/bench"));
		String json = JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(results);
		Files.writeString(Path.of("target/bench/inbox.json"), json);
		System.out.println("\n=== Console inbox ===\n" + json);
	}

	private int page() {
		try {
			return this.mvc.perform(get("/console/inbox").with(ConsoleUsers.agent("agent-1")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString()
				.length();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void seed() {
		this.jdbc.sql("truncate conversation cascade").update();
		Random random = new Random(42);
		this.jdbc
			.sql("""
					insert into conversation (id, state, created_at, last_activity)
					select gen_random_uuid(), 'RESOLVED', now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval
					from generate_series(1, ?) g
					""")
			.param(CONVERSATIONS)
			.update();
		List<UUID> ids = this.jdbc.sql("select id from conversation").query(UUID.class).list();
		List<Object[]> rows = new ArrayList<>();
		for (UUID id : ids) {
			for (int seq = 1; seq <= 4; seq++) {
				rows.add(new Object[] { id, seq, (seq % 2 == 1) ? "CUSTOMER" : "ASSISTANT", sentence(random) });
			}
		}
		for (int from = 0; from < rows.size(); from += 5_000) {
			List<Object[]> batch = rows.subList(from, Math.min(rows.size(), from + 5_000));
			StringBuilder sql = new StringBuilder(
					"insert into conversation_message (conversation_id, seq, role, text) values ");
			List<Object> params = new ArrayList<>();
			for (Object[] row : batch) {
				sql.append(params.isEmpty() ? "" : ",").append("(?, ?, ?, ?)");
				params.addAll(Arrays.asList(row));
			}
			this.jdbc.sql(sql.toString()).params(params).update();
		}
		this.jdbc.sql("analyze conversation").update();
		this.jdbc.sql("analyze conversation_message").update();
	}

	/**
	 * Puts this many conversations in the queue: a quarter with agents, the rest waiting.
	 */
	private void queue(int count) {
		this.jdbc.sql("update conversation set state = 'RESOLVED', assigned_agent = null").update();
		this.jdbc
			.sql("""
					update conversation c set state = case when q.n % 4 = 0 then 'WITH_AGENT' else 'WAITING_FOR_AGENT' end,
					    assigned_agent = case when q.n % 4 = 0 then 'agent-' || (q.n % 20) end,
					    priority = q.n % 3, waiting_since = now() - (q.n % 90 || ' minutes')::interval,
					    sla_due_at = now() + (5 - q.n % 90 || ' minutes')::interval,
					    escalation_rule = 'customer-asked-for-person', escalation_reason = 'the customer asked for a person',
					    summary = jsonb_build_object('question', 'Question number ' || q.n || ' about the router')
					from (select id, row_number() over (order by id) as n from conversation) q
					where c.id = q.id and q.n <= ?
					""")
			.param(count)
			.update();
		this.jdbc.sql("analyze conversation").update();
	}

	private static String sentence(Random random) {
		StringBuilder text = new StringBuilder("My");
		for (int i = 0; i < 12; i++) {
			text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
		}
		return text.append('.').toString();
	}

	private static Map<String, Object> measure(Supplier<Integer> action) {
		for (int i = 0; i < 20; i++) {
			action.get();
		}
		long[] nanos = new long[RUNS];
		int size = 0;
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			size = action.get();
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("runs", RUNS);
		result.put("resultSize", size);
		result.put("p50ms", nanos[RUNS / 2] / 1e6);
		result.put("p95ms", nanos[(int) (RUNS * 0.95)] / 1e6);
		result.put("maxms", nanos[RUNS - 1] / 1e6);
		return result;
	}

}
