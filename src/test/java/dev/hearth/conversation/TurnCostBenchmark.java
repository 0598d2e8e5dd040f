package dev.hearth.conversation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.hearth.system.SystemProperties;
import dev.hearth.testing.HearthHttp;
import dev.hearth.testing.TurnCounters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one customer turn costs, over the widget API: embedding calls (and texts
 * embedded), JDBC statements and transactions and the process's CPU time from the
 * customer's POST until its side work settled, for an answered and a handed-over turn,
 * first in a conversation and after an earlier question. The median of
 * {@code bench.repeats} (default 7) turns each. Run with
 * {@code mvn test -Dtest=TurnCostBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * writes {@code target/bench/turn-cost.json}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(TurnCostBenchmark.Counting.class)
class TurnCostBenchmark {

	private static final int REPEATS = Integer.getInteger("bench.repeats", 7);

	private static final String FAQ = """
			{"id": "refund-time", "question": "How long does a refund take?", "examples": ["when will I get my money back", "refund duration", "how many days until my refund arrives", "how fast are refunds paid"], "answer": "Refunds reach your account within 5 working days."}
			{"id": "reset-router", "question": "How do I restart my router?", "examples": ["router reboot", "turn my router off and on", "my internet is stuck, how do I reset the box", "power cycle the modem"], "answer": "Unplug the router for 30 seconds, then plug it back in."}
			{"id": "opening-hours", "question": "When are you open?", "examples": ["opening hours", "what time can I call you", "are you open on Saturday", "customer service hours"], "answer": "We are open Monday to Friday 8:00-20:00 and Saturday 9:00-17:00."}
			{"id": "pay-bill", "question": "How can I pay my bill?", "examples": ["payment methods", "can I pay by card", "pay invoice by bank transfer", "set up direct debit"], "answer": "You can pay by direct debit, card or bank transfer."}
			""";

	@TestConfiguration(proxyBeanMethods = false)
	static class Counting {

		@Bean
		static TurnCounters turnCounters() {
			return new TurnCounters();
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	SystemProperties system;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TurnCounters counters;

	private HearthHttp hearth;

	@BeforeAll
	void knowledgeBase() throws Exception {
		this.hearth = new HearthHttp(this.port);
		this.jdbc.sql(
				"truncate kb_document, faq_entry, kb_import_event, conversation, router_model, assistant_setting cascade")
			.update();
		String admin = Files.readString(this.system.dataDir().resolve("admin-token")).strip();
		HttpClient http = HttpClient.newHttpClient();
		for (String[] call : new String[][] { { "/api/admin/faq?format=jsonl", FAQ },
				{ "/api/admin/router/train?wait=true", "" } }) {
			HttpResponse<String> response = http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + call[0]))
					.header("Authorization", "Bearer " + admin)
					.POST(HttpRequest.BodyPublishers.ofString(call[1]))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		}
	}

	@Test
	void costPerTurn() throws Exception {
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("answered, first turn", measure(null, "how many days until I see my refund?", "ANSWERED"));
		report.put("answered, second turn",
				measure("how many days until I see my refund?", "how do I restart my router please", "ANSWERED"));
		report.put("handed over before answering", measure(null, "I want to talk to a real person please", null));
		report.put("handed over after answering, first turn",
				measure(null, "Who won the football world cup in 1998?", "ESCALATE"));
		report.put("handed over after answering, second turn",
				measure("how many days until I see my refund?", "Who won the football world cup in 1998?", "ESCALATE"));
		String text = new HearthHttp(this.port).mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report);
		System.out.println(text);
		Files.createDirectories(Path.of("target/bench"));
		Files.writeString(Path.of("target/bench/turn-cost.json"), text);
	}

	private Map<String, Object> measure(String earlier, String question, String decision) throws Exception {
		List<TurnCounters.Counts> runs = new ArrayList<>();
		List<Long> roundTrips = new ArrayList<>();
		List<Long> pipeline = new ArrayList<>();
		List<Long> cpu = new ArrayList<>();
		for (int i = 0; i < REPEATS; i++) {
			HearthHttp.Chat chat = this.hearth.start();
			if (earlier != null) {
				this.hearth.ask(chat, earlier);
			}
			Thread.sleep(300);
			this.counters.reset();
			long cpuBefore = processCpuNanos();
			long sent = System.nanoTime();
			JsonNode reply = this.hearth.ask(chat, question);
			roundTrips.add((System.nanoTime() - sent) / 1000);
			JsonNode answer = reply.get("answer").get("answer");
			if (answer != null && answer.has("timings")) {
				pipeline.add(answer.get("timings").get("total").asLong() * 1000);
			}
			// side work after the reply (drafts, listeners) belongs to the turn
			Thread.sleep(300);
			runs.add(this.counters.snapshot());
			cpu.add((processCpuNanos() - cpuBefore) / 1000);
			if (decision != null) {
				assertThat(reply.get("answer").get("answer").get("decision").asString()).isEqualTo(decision);
			}
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("embeddingCalls", median(runs, TurnCounters.Counts::embeddingCalls));
		result.put("embeddedTexts", median(runs, TurnCounters.Counts::embeddedTexts));
		result.put("statements", median(runs, TurnCounters.Counts::statements));
		result.put("transactions", median(runs, TurnCounters.Counts::transactions));
		// one turn at a time: what the POST costs around the answer pipeline
		result.put("roundTripMs",
				roundTrips.stream().sorted().skip(roundTrips.size() / 2).findFirst().orElse(0L) / 1000.0);
		result.put("pipelineMs", pipeline.stream().sorted().skip(pipeline.size() / 2).findFirst().orElse(0L) / 1000.0);
		// the process's CPU time from the POST until its side work settled (the 300 ms
		// after it included): what the turn costs whatever else runs on the machine
		result.put("cpuMs", cpu.stream().sorted().skip(cpu.size() / 2).findFirst().orElse(0L) / 1000.0);
		return result;
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	private static long median(List<TurnCounters.Counts> runs,
			java.util.function.ToLongFunction<TurnCounters.Counts> f) {
		return runs.stream().mapToLong(f).sorted().skip(runs.size() / 2).findFirst().orElse(0);
	}

}
