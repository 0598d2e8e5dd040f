package dev.hearth.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.hearth.console.ConsoleUsers;
import dev.hearth.testing.HearthHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Masking everywhere staff read customer text (issue 13): a customer plants a card number
 * and an email, and every view shows the card's last four digits and no email — the
 * inbox, the agent API's queue and transcript, the conversation page and its live rows,
 * console search, the training-data export (console and admin API), and the knowledge-gap
 * report (admin API and the analytics page). A supervisor, configured to see emails, sees
 * the email but still not the card number.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "hearth.privacy.masking.visible.SUPERVISOR=EMAIL")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class MaskingEverywhereIT {

	private static final String CARD = "4111 1111 1111 1111";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	HearthHttp http;

	String tag;

	String email;

	@BeforeEach
	void setUp() throws Exception {
		this.http = new HearthHttp(this.port);
		HearthHttp.token(this.jdbc, "mask-bob", "mask-bob-token", "AGENT");
		HearthHttp.token(this.jdbc, "mask-admin", "mask-admin-token", "ADMIN");
		Random random = new Random();
		StringBuilder letters = new StringBuilder("quokka");
		for (int i = 0; i < 8; i++) {
			letters.append((char) ('a' + random.nextInt(26)));
		}
		this.tag = letters.toString();
		this.email = "ann." + this.tag + "@example.com";
	}

	@Test
	void everyStaffViewMasksTheCardAndTheEmail() throws Exception {
		java.time.Instant started = java.time.Instant.now()
			.minusSeconds(1)
			.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		String question = "My card " + CARD + " was charged twice for " + this.tag + ", mail me at " + this.email
				+ ", I want to talk to a person";
		HearthHttp.Chat first = this.http.start();
		this.http.ask(first, question);
		HearthHttp.Chat second = this.http.start();
		this.http.ask(second, question);
		this.jdbc.sql("insert into training_example (conversation_id, source, question, answer) values (?, ?, ?, ?)")
			.param(UUID.fromString(first.id()))
			.param("AGENT")
			.param("Written before redaction: " + question)
			.param("We refunded card " + CARD + "; receipt sent to " + this.email)
			.update();
		// escalation decisions and training examples store redacted text today; these
		// rows stand for ones
		// written before that, which the exports must mask all the same
		this.jdbc.sql("""
				insert into escalation_decision (conversation_id, message_seq, rule, fired, action, outcome, question)
				values (?, 1, 'pipeline:low-confidence', array['pipeline:low-confidence'], 'HUMAN', 'HANDED_OFF', ?)
				""").param(UUID.fromString(first.id())).param(question).update();
		// claimed, so that the agent's own inbox and queue show it however long the
		// shared queue is
		assertThat(api("/api/agent/conversations/" + first.id() + "/claim", "mask-bob-token", "POST")).isNotEmpty();

		RequestPostProcessor agent = ConsoleUsers.agent("mask-bob");
		RequestPostProcessor admin = ConsoleUsers.admin("mask-ann");
		masked("inbox", page("/console/inbox?filter=mine", agent));
		masked("inbox rows", page("/console/inbox/rows?filter=mine", agent));
		masked("conversation page", page("/console/conversations/" + first.id(), agent));
		masked("live transcript rows", page("/console/conversations/" + first.id() + "/messages?after=0", agent));
		masked("console search", page("/console/search?q=" + this.tag, admin));
		masked("training data download", page("/console/admin/training-examples.jsonl", admin));
		// the page shows the top gaps of the whole database, which need not include this
		// one
		maskedIfShown("analytics page (knowledge gaps)", page("/console/analytics", admin));

		masked("agent API queue", api("/api/agent/conversations?filter=mine", "mask-bob-token"));
		masked("agent API transcript", api("/api/agent/conversations/" + first.id() + "/messages", "mask-bob-token"));
		masked("admin API training examples", ndjson("/api/admin/training-examples", "mask-admin-token"));
		masked("admin API knowledge gaps",
				api("/api/admin/knowledge-gaps?minOccurrences=1&limit=200&from=" + started, "mask-admin-token"));
	}

	@Test
	void aRoleAllowedEmailsSeesTheEmailButNotTheCard() throws Exception {
		HearthHttp.Chat chat = this.http.start();
		this.http.ask(chat,
				"Card " + CARD + " charged twice for " + this.tag + ", mail " + this.email + ", I want a person");
		String conversation = page("/console/conversations/" + chat.id(), ConsoleUsers.supervisor("mask-sue"));
		assertThat(conversation).contains(this.email).contains("•••• 1111").doesNotContain(CARD);
		String search = page("/console/search?q=" + this.tag, ConsoleUsers.supervisor("mask-sue"));
		assertThat(search).contains("@example.com").doesNotContain("[EMAIL]").doesNotContain(CARD);
	}

	private void masked(String view, String body) {
		assertThat(body).as(view + " shows the planted question").containsIgnoringCase(this.tag);
		maskedIfShown(view, body);
	}

	private void maskedIfShown(String view, String body) {
		assertThat(body).as(view + " shows no card number")
			.doesNotContain(CARD)
			.doesNotContain(CARD.replace(" ", ""))
			.doesNotContain("4111-1111");
		assertThat(body.toLowerCase(Locale.ROOT)).as(view + " shows no email")
			.doesNotContain(this.email)
			.doesNotContain("ann." + this.tag + "@");
	}

	private String page(String path, RequestPostProcessor user) throws Exception {
		return this.mvc.perform(get(path).with(user))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private String ndjson(String path, String token) throws Exception {
		var response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + path))
				.header("Accept", "application/x-ndjson")
				.header("Authorization", "Bearer " + token)
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private String api(String path, String token) throws Exception {
		return api(path, token, "GET");
	}

	private String api(String path, String token, String method) throws Exception {
		var response = this.http.send(method, path, null, token);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

}
