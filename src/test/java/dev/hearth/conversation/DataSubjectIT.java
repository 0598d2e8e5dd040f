package dev.hearth.conversation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.hearth.escalation.TrainingExamples;
import dev.hearth.system.SystemProperties;
import dev.hearth.testing.HearthHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data subject requests over the admin API (issue 13): export everything about a customer
 * found by ticket email, conversation token, customer number or conversation id, opened,
 * as a JSON file; erase it all, audited without the erased data; clear 4xx for unknown or
 * malformed subjects; admins only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DataSubjectIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Conversations conversations;

	@Autowired
	Tickets tickets;

	@Autowired
	TrainingExamples examples;

	@Autowired
	SystemProperties system;

	HearthHttp http;

	String admin;

	@BeforeEach
	void client() throws Exception {
		this.http = new HearthHttp(this.port);
		this.admin = Files.readString(this.system.dataDir().resolve("admin-token")).strip();
	}

	/**
	 * A customer with two conversations: one with a ticket, one mentioning their customer
	 * number.
	 */
	private HearthHttp.Chat customer(String email, String customerNumber) throws Exception {
		HearthHttp.Chat chat = this.http.start();
		this.http.ask(chat, "My llamaphone screen cracked, please help");
		UUID id = UUID.fromString(chat.id());
		this.jdbc.sql(
				"update conversation set state = 'WAITING_FOR_AGENT', waiting_since = now(), handoff_mode = 'TICKET' where id = ?")
			.param(id)
			.update();
		this.tickets.open(id, email, "Ann Llama");
		this.examples.keep(id, "AGENT", "My llamaphone screen cracked", "Send it in for a free repair.");
		UUID other = this.conversations.start("en");
		this.conversations.addCustomerMessage(other, "I am customer " + customerNumber + " and want my invoice");
		return chat;
	}

	private String query(String name, String value) {
		return "/api/admin/data-subjects?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	@Test
	void anAdminExportsEverythingAboutACustomerOpenedAsJson() throws Exception {
		HearthHttp.Chat chat = customer("ann.llama@example.com", "CUST-7654321");

		var response = this.http.send("GET", query("email", "Ann.Llama@Example.com"), null, this.admin);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
		JsonNode export = this.http.json(response);
		assertThat(export.get("format").asString()).isEqualTo(DataSubjects.FORMAT);
		JsonNode conversation = export.get("conversations").get(0);
		assertThat(conversation.get("id").asString()).isEqualTo(chat.id());
		assertThat(conversation.get("messages").get(0).get("text").asString())
			.isEqualTo("My llamaphone screen cracked, please help");
		assertThat(conversation.get("tickets").get(0).get("email").asString()).isEqualTo("ann.llama@example.com");
		assertThat(conversation.get("tickets").get(0).get("name").asString()).isEqualTo("Ann Llama");
		assertThat(export.get("trainingExamples").get(0).get("answer").asString())
			.isEqualTo("Send it in for a free repair.");

		JsonNode byToken = this.http.json(this.http.send("GET", query("token", chat.token()), null, this.admin));
		assertThat(byToken.get("conversations").get(0).get("id").asString()).isEqualTo(chat.id());
		JsonNode byNumber = this.http
			.json(this.http.send("GET", query("customerId", "cust 7654321"), null, this.admin));
		assertThat(byNumber.get("conversations")).hasSize(1);
		assertThat(byNumber.get("conversations").get(0).get("messages").get(0).get("text").asString())
			.contains("CUST-7654321");
		JsonNode byId = this.http.json(this.http.send("GET", query("conversation", chat.id()), null, this.admin));
		assertThat(byId.get("conversations").get(0).get("messages").size()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void erasureRemovesEverythingAndIsAuditedWithoutTheErasedData() throws Exception {
		HearthHttp.Chat chat = customer("bob.llama@example.com", "CUST-1112223");
		UUID id = UUID.fromString(chat.id());

		var erased = this.http.send("DELETE", query("email", "bob.llama@example.com"), null, this.admin);
		assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
		JsonNode erasure = this.http.json(erased);
		assertThat(erasure.get("conversations").asInt()).isEqualTo(1);
		assertThat(erasure.get("tickets").asInt()).isEqualTo(1);
		assertThat(erasure.get("trainingExamples").asInt()).isEqualTo(1);
		assertThat(erasure.get("messages").asInt()).isGreaterThanOrEqualTo(3);

		for (String table : List.of("conversation_message", "conversation_message_token", "support_ticket",
				"training_example", "escalation_decision", "answer_feedback")) {
			assertThat(this.jdbc.sql("select count(*) from " + table + " where conversation_id = ?")
				.param(id)
				.query(Long.class)
				.single()).as(table).isZero();
		}
		assertThat(this.conversations.exists(id)).isFalse();
		String audit = this.jdbc
			.sql("select kind || ' ' || subject || ' ' || details::text from audit_event "
					+ "where kind = 'DATA_SUBJECT_ERASED' and subject = ?")
			.param(erasure.get("request").asString())
			.query(String.class)
			.single();
		assertThat(audit).contains("\"conversations\": 1")
			.doesNotContain("bob.llama", "llamaphone", "Llama", chat.id(), "1112223");

		var again = this.http.send("GET", query("email", "bob.llama@example.com"), null, this.admin);
		assertThat(again.statusCode()).isEqualTo(404);
		assertThat(again.body()).contains("Hearth holds nothing about that customer");
		assertThat(this.http.send("GET", query("customerId", "CUST-1112223"), null, this.admin).statusCode())
			.as("the other conversation, found by the customer number, is still there")
			.isEqualTo(200);
		assertThat(this.http.send("DELETE", query("customerId", "CUST-1112223"), null, this.admin).statusCode())
			.isEqualTo(200);
	}

	@Test
	void unknownAndMalformedSubjectsAreClearClientErrors() throws Exception {
		var unknown = this.http.send("GET", query("email", "nobody.ever@example.com"), null, this.admin);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("no conversation, ticket or message matches the email given");
		assertThat(this.http.send("DELETE", query("conversation", UUID.randomUUID().toString()), null, this.admin)
			.statusCode()).isEqualTo(404);
		var bad = this.http.send("GET", query("email", "not-an-address"), null, this.admin);
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("'not-an-address' is not an email address");
		assertThat(this.http.send("GET", query("token", "forged.token"), null, this.admin).body())
			.contains("not a conversation token Hearth issued");
		assertThat(this.http.send("GET", "/api/admin/data-subjects", null, this.admin).body())
			.contains("Name the customer with one of token, email, customerId or conversation");
		assertThat(
				this.http.send("GET", "/api/admin/data-subjects?email=a@b.de&customerId=CUST-1234567", null, this.admin)
					.body())
			.contains("exactly one");
		assertThat(this.http.send("GET", query("phone", "123"), null, this.admin).statusCode()).isEqualTo(400);
		HearthHttp.token(this.jdbc, "dsr-agent", "dsr-agent-token", "AGENT");
		assertThat(this.http.send("GET", query("email", "a@b.de"), null, "dsr-agent-token").statusCode())
			.isEqualTo(403);
	}

}
