package dev.hearth.console.analytics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * How long the analytics page's report takes with {@code bench.conversations}
 * conversations (default 100,000) spread over the last 365 days, each with a customer
 * message and an answer, two in three answers rated, one in three handed off, one in two
 * with a satisfaction rating: the report for the last 30 days and for the whole year,
 * {@code bench.runs} times each (default 20) after two warm-up runs. Run with
 * {@code mvn test -Dtest=AnalyticsBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * writes {@code target/bench/analytics.json}. Uses its own database,
 * hearth_bench_analytics.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/hearth_bench_analytics")
@ActiveProfiles("test")
class AnalyticsBenchmark {

	private static final int CONVERSATIONS = Integer.getInteger("bench.conversations", 100_000);

	private static final int RUNS = Integer.getInteger("bench.runs", 20);

	@Autowired
	Analytics analytics;

	@Autowired
	JdbcClient jdbc;

	@Test
	void reportTimes() throws Exception {
		long seeded = seed();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("conversations", CONVERSATIONS);
		results.put("seedMillis", seeded);
		results.put("last30Days", time(new DateRange(today.minusDays(29), today)));
		results.put("last365Days", time(new DateRange(today.minusDays(364), today)));
		String json = JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(results);
		Files.createDirectories(Path.of("target/bench"));
		Files.writeString(Path.of("target/bench/analytics.json"), json);
		System.out.println(json);
	}

	private long seed() {
		long started = System.nanoTime();
		this.jdbc.sql("truncate conversation cascade").update();
		this.jdbc
			.sql("""
					insert into conversation (id, state, created_at, last_activity, escalation_rule, waiting_since,
					                          claimed_at, csat)
					select gen_random_uuid(), 'BOT', t, t,
					       case when i % 3 = 0 then (array['low-confidence', 'customer-asked-for-person', 'out-of-scope'])[1 + i % 9 / 3] end,
					       case when i % 3 = 0 then t + interval '5 seconds' end,
					       case when i % 3 = 0 and i % 5 <> 0 then t + make_interval(secs => 10 + i % 1800) end,
					       case when i % 2 = 0 then 1 + i % 5 end
					from (select i, now() - make_interval(secs => (i::bigint * 31536000 / ?)::double precision) as t
					      from generate_series(1, ?) i) s
					""")
			.param(CONVERSATIONS)
			.param(CONVERSATIONS)
			.update();
		this.jdbc.sql("""
				insert into conversation_message (conversation_id, seq, role, text, created_at)
				select id, 1, 'CUSTOMER', 'question', created_at from conversation
				""").update();
		this.jdbc.sql("""
				insert into conversation_message (conversation_id, seq, role, text, answer, created_at)
				select id, 2, 'ASSISTANT', 'answer',
				       jsonb_build_object('decision', 'ANSWERED', 'timings',
				           jsonb_build_object('embed', 5, 'total', 100 + abs(hashtext(id::text)) % 900)),
				       created_at + interval '1 second'
				from conversation
				""").update();
		this.jdbc
			.sql("""
					insert into answer_feedback (conversation_id, message_seq, rating, created_at)
					select id, 2, case when abs(hashtext(id::text)) % 4 = 0 then -1 else 1 end, created_at + interval '1 minute'
					from conversation where abs(hashtext(id::text)) % 3 <> 0
					""")
			.update();
		this.jdbc.sql("analyze").update();
		return (System.nanoTime() - started) / 1_000_000;
	}

	private Map<String, Object> time(DateRange range) {
		for (int i = 0; i < 2; i++) {
			this.analytics.report(range);
		}
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < RUNS; i++) {
			long started = System.nanoTime();
			this.analytics.report(range);
			millis.add((System.nanoTime() - started) / 1e6);
		}
		Collections.sort(millis);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("days", range.days());
		result.put("p50Millis", millis.get(millis.size() / 2));
		result.put("maxMillis", millis.get(millis.size() - 1));
		return result;
	}

}
