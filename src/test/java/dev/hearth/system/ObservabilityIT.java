package dev.hearth.system;

import dev.hearth.testing.Tables;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator watches, end to end: a conversation whose messages carry an email
 * address is answered from an FAQ entry and from a document, then handed to a person when
 * it brings a card number and an IBAN, and another is escalated as out of scope;
 * afterwards {@code /actuator/prometheus} has the series the dashboard draws, and neither
 * the JSON logs (at DEBUG for Hearth's own code) nor the metrics hold any of the personal
 * data, while the logs do carry the conversation's correlation id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.structured.format.console=ecs", "logging.level.dev.hearth=debug" })
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIT {

	private static final String EMAIL = "jane.doe.4711@example.com";

	private static final String CARD = "4111 1111 1111 1111";

	private static final String IBAN = "DE89370400440532013000";

	private static final String FAQ = """
			{"id": "refund-time", "question": "How long does a refund take?", "examples": ["when will I get my money back", "refund duration", "how many days until my refund arrives", "how fast are refunds paid"], "answer": "Refunds reach your account within 5 working days."}
			{"id": "reset-router", "question": "How do I restart my router?", "examples": ["router reboot", "turn my router off and on", "my internet is stuck, how do I reset the box", "power cycle the modem"], "answer": "Unplug the router for 30 seconds, then plug it back in."}
			{"id": "opening-hours", "question": "When are you open?", "examples": ["opening hours", "what time can I call you", "are you open on Saturday", "customer service hours"], "answer": "We are open Monday to Friday 8:00-20:00 and Saturday 9:00-17:00."}
			{"id": "pay-bill", "question": "How can I pay my bill?", "examples": ["payment methods", "can I pay by card", "pay invoice by bank transfer", "set up direct debit"], "answer": "You can pay by direct debit, card or bank transfer."}
			""";

	private static final String DOCUMENT = """
			# Moving house

			## Telling us about your move
			Tell Northwind Fibre about your move at least four weeks before your moving date, so an engineer can connect your new home on the day you arrive. You can tell us in the app under Account > Moving.
			""";

	@LocalServerPort
	int port;

	@Autowired
	SystemProperties system;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aConversationWithPersonalDataShowsUpInTheMetricsAndNowhereInTheLogs(CapturedOutput output) throws Exception {
		knowledgeBase();
		String[] first = start();
		String email = " You can reach me at " + EMAIL + ".";
		JsonNode refund = ask(first, "How many days until my refund arrives?" + email);
		assertThat(decision(refund)).as(refund.toString()).isEqualTo("faq");
		// (no e-mail address here: the answerability check counts its words as uncovered
		// topic words)
		JsonNode moving = ask(first, "How early should I tell you that I am moving to a new flat?");
		assertThat(decision(moving)).as(moving.toString()).isEqualTo("extractive");
		JsonNode regulated = ask(first, "Please charge my card " + CARD + " or my IBAN " + IBAN + " instead.");
		assertThat(regulated.path("answer").path("answer").path("handoff").path("rule").asString())
			.isEqualTo("regulated-data");
		String[] second = start();
		assertThat(decision(ask(second, "Who won the football world cup in 1998?" + email))).isEqualTo("ESCALATE");

		HttpResponse<String> scraped = send(HttpRequest.newBuilder(uri("/actuator/prometheus")).GET());
		assertThat(scraped.statusCode()).isEqualTo(200);
		String metrics = scraped.body();
		assertThat(metrics).contains("hearth_questions_total", "hearth_answers_total{answered_by=\"faq\"",
				"hearth_answers_total{answered_by=\"extractive\"", "hearth_escalations_total{mode=",
				"rule=\"regulated-data\"}",
				"hearth_unresolved_total{outcome=\"declined\",rule=\"pipeline:out_of_scope\"}",
				"hearth_answer_seconds_bucket{", "decision=\"escalate\"", "reason=\"out_of_scope\"",
				"hearth_retrieval_seconds_bucket{", "hearth_model_embed_seconds_bucket{",
				"hearth_queue_size{state=\"waiting_for_agent\"}", "hearth_import_documents_total{outcome=\"added\"}",
				"hearth_import_chunks_total", "hearth_import_duration_seconds_bucket{",
				"http_server_requests_seconds_bucket{");

		String logs = output.getAll();
		assertThat(logs).as("JSON log lines carry the conversation's correlation id")
			.contains("\"conversation\":{\"id\":\"" + first[0] + "\"}")
			.contains("\"request\":{\"id\":\"");
		for (String secret : List.of(EMAIL, "jane.doe", CARD, CARD.replace(" ", ""), IBAN, "DE89 3704")) {
			assertThat(logs).as("the logs hold no personal data").doesNotContain(secret);
			assertThat(metrics).as("the metrics hold no personal data").doesNotContain(secret);
		}
	}

	private void knowledgeBase() throws Exception {
		Tables.truncate(this.jdbc,
				"kb_document, faq_entry, kb_import_event, conversation, router_model, assistant_setting cascade");
		String adminToken = Files.readString(this.system.dataDir().resolve("admin-token")).strip();
		assertThat(admin(adminToken, "POST", "/api/admin/index/rebuild", null).statusCode()).isEqualTo(200);
		assertThat(admin(adminToken, "POST", "/api/admin/faq?format=jsonl", FAQ).statusCode()).isEqualTo(200);
		assertThat(
				admin(adminToken, "PUT", "/api/admin/documents?source=docs/moving.md&tag=audience:customer", DOCUMENT)
					.statusCode())
			.isEqualTo(200);
		HttpResponse<String> trained = admin(adminToken, "POST", "/api/admin/router/train?wait=true", null);
		assertThat(this.json.readTree(trained.body()).get("liveVersion").isNull()).isFalse();
	}

	/** A new conversation's id and token. */
	private String[] start() throws Exception {
		HttpResponse<String> started = send(HttpRequest.newBuilder(uri("/api/widget/conversations"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"language\": \"en\"}")));
		assertThat(started.statusCode()).isEqualTo(201);
		JsonNode conversation = this.json.readTree(started.body());
		return new String[] { conversation.get("conversationId").asString(), conversation.get("token").asString() };
	}

	private JsonNode ask(String[] conversation, String text) throws Exception {
		HttpResponse<String> response = send(HttpRequest
			.newBuilder(uri("/api/widget/conversations/" + conversation[0] + "/messages"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("Authorization", "Bearer " + conversation[1])
			.POST(HttpRequest.BodyPublishers.ofString(this.json.createObjectNode().put("text", text).toString())));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	/** {@code faq}, {@code extractive}, ... when answered, else the decision. */
	private static String decision(JsonNode reply) {
		JsonNode answer = reply.path("answer").path("answer");
		String decision = answer.path("decision").asString("none");
		return "ANSWERED".equals(decision) ? answer.path("answeredBy").asString("none") : decision;
	}

	private HttpResponse<String> admin(String token, String method, String path, String body) throws Exception {
		HttpRequest.BodyPublisher publisher = (body != null) ? HttpRequest.BodyPublishers.ofString(body)
				: HttpRequest.BodyPublishers.noBody();
		return send(
				HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).method(method, publisher));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
