package dev.hearth.assistant;

import dev.hearth.testing.Tables;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.hearth.system.SystemProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An FAQ with one phrasing per entry (question and answer only) through the admin API, as
 * {@code kb-import faq} sends it, answered through the answer API: the live matcher is
 * decided by the margin-aware acceptance rule (ADR 0017), answers a paraphrase with its
 * entry and does not answer an off-topic question with one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SinglePhrasingFaqIT {

	private static final String FAQ = """
			{"id": "refund-time", "question": "How long does a refund take?", "answer": "Refunds reach your bank account within five working days. We start the refund as soon as the returned item arrives at our warehouse. You get an email when the money is on its way."}
			{"id": "pay-bill", "question": "How can I pay my bill?", "answer": "You can pay your invoice by direct debit, credit card or bank transfer. Direct debit is taken on the first working day of each month. Card payments are made in the app under Billing."}
			{"id": "opening-hours", "question": "When are you open?", "answer": "Our support team is available Monday to Friday from eight in the morning to eight in the evening. On Saturdays we are open from nine to five. We are closed on Sundays and public holidays."}
			{"id": "restart-router", "question": "How do I restart my router?", "answer": "Unplug the router from the power socket and wait thirty seconds. Plug it back in and wait until the lights turn green. If the internet light stays red, call our technical support."}
			{"id": "moving", "question": "What do I do when I move house?", "answer": "Tell us your new address at least four weeks before your moving date. An engineer connects your new home on the day you arrive. Moving your contract is free of charge."}
			{"id": "wifi-password", "question": "Where do I find my Wi-Fi password?", "answer": "The wireless network name and password are printed on the sticker under your router. You can change the password in the router settings page. Write the new password down somewhere safe."}
			{"id": "cancel", "question": "How do I cancel my contract?", "answer": "You can end your contract with thirty days notice in writing or in the app. Cancelling during the minimum term costs the remaining monthly fees. Return the rented equipment within fourteen days."}
			{"id": "speed", "question": "Why is my internet slow?", "answer": "Slow connections are often caused by the wireless signal, not the line. Connect a computer with a network cable and run a speed test. If the cable speed is also low, report a fault in the app."}
			{"id": "data-roaming", "question": "Can I use my phone abroad?", "answer": "Calls, texts and mobile data work in every EU country at no extra cost. Outside the EU roaming charges apply per megabyte and per minute. Switch on roaming in your phone settings before you travel."}
			{"id": "late-payment", "question": "What happens if I pay late?", "answer": "If a payment is overdue we send a reminder after seven days. A late payment fee of five euros is added to the next invoice. After thirty days without payment the service may be suspended."}
			{"id": "upgrade", "question": "Can I switch to a faster plan?", "answer": "You can upgrade to a faster broadband package at any time in the app. The new speed is active within one working day. Your contract term starts again with the upgrade."}
			{"id": "tv-channels", "question": "Which TV channels are included?", "answer": "The basic television package includes sixty channels, among them all public broadcasters. Sports and film channels can be added as monthly options. The channel list is in the TV guide of your set-top box."}
			""";

	@LocalServerPort
	int port;

	@Autowired
	SystemProperties system;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private String adminToken;

	@BeforeAll
	void singlePhrasingFaq() throws Exception {
		Tables.truncate(this.jdbc,
				"kb_document, faq_entry, kb_import_event, conversation, router_model, assistant_setting cascade");
		this.adminToken = Files.readString(this.system.dataDir().resolve("admin-token")).strip();
		assertThat(admin("POST", "/api/admin/index/rebuild", null).statusCode()).isEqualTo(200);
		assertThat(admin("POST", "/api/admin/faq?format=jsonl", FAQ).statusCode()).isEqualTo(200);
		HttpResponse<String> trained = admin("POST", "/api/admin/router/train?wait=true", null);
		assertThat(trained.statusCode()).isEqualTo(200);
		JsonNode status = this.json.readTree(trained.body());
		assertThat(status.get("liveVersion").isNull()).isFalse();
		assertThat(status.get("checks").get("matcher.routerDecides").asDouble()).isZero();
		assertThat(status.get("checks").get("matcher.acceptanceModel").asDouble()).isEqualTo(1.0);
	}

	@Test
	void aParaphraseIsAnsweredWithItsEntry() throws Exception {
		JsonNode answer = ask("my broadband is really sluggish, what can I do?");
		assertThat(answer.get("faqId").asString()).isEqualTo("speed");
		assertThat(answer.get("decision").asString()).isEqualTo("ANSWERED");
		assertThat(answer.get("answeredBy").asString()).isEqualTo("faq");
		assertThat(answer.get("routerConfidence").asDouble()).isBetween(0.0, 1.0);
	}

	@Test
	void anOffTopicQuestionIsNotAnsweredWithAnEntry() throws Exception {
		JsonNode answer = ask("who won the football world cup in 1998?");
		assertThat(answer.path("answeredBy").asString("")).isNotEqualTo("faq");
	}

	private JsonNode ask(String question) throws Exception {
		HttpResponse<String> response = admin("POST", "/api/admin/answer",
				this.json.writeValueAsString(java.util.Map.of("question", question)));
		assertThat(response.statusCode()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private HttpResponse<String> admin(String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", "Bearer " + this.adminToken);
		if (path.equals("/api/admin/answer")) {
			request.header("Content-Type", "application/json");
		}
		request.method(method,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
