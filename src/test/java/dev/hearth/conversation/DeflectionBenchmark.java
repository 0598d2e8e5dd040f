package dev.hearth.conversation;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import dev.hearth.system.SystemProperties;

/**
 * Deflection on scripted multi-turn conversations
 * ({@code docs/eval/sample-kb-dialogs.jsonl}: answerable, off-topic, ambiguous,
 * frustrated, asking for a person, German) over the widget API with the sample knowledge
 * base and no generative model. Reports the share of conversations handed to a person,
 * the share of handoffs that were necessary (the script marks which conversations need a
 * person), the necessary handoffs missed, and the share of customer messages left without
 * any reply (goal 0). The database is {@code bench.db} (default
 * {@code hearth_bench_dialogs}), dropped first. Run with
 * {@code mvn test -Dtest=DeflectionBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * writes {@code target/bench/deflection.json}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "hearth.knowledge.sample.enabled=true",
				"hearth.assistant.language.dictionaries.de=${bench.dictionary:/usr/share/trans/de-en}",
				"spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/${bench.db:hearth_bench_dialogs}" })
@ActiveProfiles("test")
class DeflectionBenchmark {

	@LocalServerPort
	int port;

	@Autowired
	SystemProperties system;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = WidgetBench.JSON;

	private WidgetBench bench;

	/** A fresh database, so that the sample knowledge base is imported on start-up. */
	@BeforeAll
	static void freshDatabase() throws Exception {
		WidgetBench.dropDatabase(System.getProperty("bench.db", "hearth_bench_dialogs"));
	}

	@Test
	void deflection() throws Exception {
		this.bench = new WidgetBench(this.port);
		this.bench.trainRouter(this.http, this.system.dataDir());
		int conversations = 0;
		int handedOver = 0;
		int necessary = 0;
		int missed = 0;
		int messages = 0;
		int unreplied = 0;
		int declined = 0;
		int clarified = 0;
		int smallTalk = 0;
		Map<String, int[]> byKind = new TreeMap<>();
		List<String> lines = new ArrayList<>();
		for (JsonNode dialog : WidgetBench.dialogs()) {
			String[] conversation = start(dialog.get("language").asString());
			boolean handed = false;
			StringBuilder trace = new StringBuilder(dialog.get("id").asString()).append(':');
			for (JsonNode turn : dialog.get("turns")) {
				messages++;
				JsonNode answer = ask(conversation, turn.asString());
				if (answer == null || answer.isNull()) {
					unreplied++;
					trace.append(" [no reply]");
					continue;
				}
				JsonNode details = answer.get("answer");
				String reply = "answered";
				if (details != null && details.has("handoff")) {
					handed = true;
					reply = "person";
				}
				else if (details != null && details.has("options")) {
					clarified++;
					reply = "clarify";
				}
				else if (details != null && "small-talk".equals(details.path("answeredBy").asString())) {
					smallTalk++;
					reply = "small-talk";
				}
				else if (details != null && "ESCALATE".equals(details.path("decision").asString())) {
					declined++;
					reply = answer.get("text").asString().contains("queue") ? "still-waiting" : "decline";
				}
				trace.append(' ').append(reply);
			}
			conversations++;
			boolean needs = dialog.get("needsPerson").asBoolean();
			if (handed) {
				handedOver++;
				if (needs) {
					necessary++;
				}
			}
			else if (needs) {
				missed++;
			}
			int[] kind = byKind.computeIfAbsent(dialog.get("kind").asString(), (k) -> new int[2]);
			kind[0]++;
			kind[1] += handed ? 1 : 0;
			lines.add(trace.toString());
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("conversations", conversations);
		result.put("customerMessages", messages);
		result.put("handedToPerson", handedOver);
		result.put("shareHandedToPerson", share(handedOver, conversations));
		result.put("shareOfHandoffsNecessary", share(necessary, handedOver));
		result.put("necessaryHandoffsMissed", missed);
		result.put("messagesWithoutReply", unreplied);
		result.put("shareMessagesWithoutReply", share(unreplied, messages));
		result.put("declines", declined);
		result.put("clarifyingQuestions", clarified);
		result.put("smallTalkReplies", smallTalk);
		Map<String, String> kinds = new LinkedHashMap<>();
		byKind.forEach((kind, counts) -> kinds.put(kind, counts[1] + "/" + counts[0] + " handed over"));
		result.put("byKind", kinds);
		result.put("traces", lines);
		Files.createDirectories(Path.of("target/bench"));
		Files.writeString(Path.of("target/bench/deflection.json"),
				this.json.writerWithDefaultPrettyPrinter().writeValueAsString(result));
		System.out.println("\n=== Deflection on scripted conversations ===");
		result.forEach((key, value) -> System.out.println(key + ": " + value));
	}

	private static double share(int part, int whole) {
		return (whole == 0) ? 0 : Math.round(part * 1000.0 / whole) / 1000.0;
	}

	private String[] start(String language) throws Exception {
		JsonNode started = this.json
			.readTree(this.http.send(this.bench.start(language), HttpResponse.BodyHandlers.ofString()).body());
		return new String[] { started.get("conversationId").asString(), started.get("token").asString() };
	}

	private JsonNode ask(String[] conversation, String text) throws Exception {
		HttpResponse<String> response = this.http.send(this.bench.ask(conversation[0], conversation[1], text, null),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
		}
		return this.json.readTree(response.body()).get("answer");
	}

}
