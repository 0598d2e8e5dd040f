package dev.hearth.conversation;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.hearth.crypto.FieldCipher;
import dev.hearth.crypto.KeyRotation;
import dev.hearth.escalation.TrainingExamples;
import dev.hearth.testing.HearthHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Encryption at rest against the real PostgreSQL (issue 13): what the widget stores is
 * sealed, every reader opens it, search finds words but never regulated data, rows from
 * before encryption stay readable and searchable until the rotation seals them, and a
 * sealed value moved to another row does not open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EncryptionAtRestIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Conversations conversations;

	@Autowired
	ConversationSearch search;

	@Autowired
	TrainingExamples examples;

	@Autowired
	KeyRotation rotation;

	@Autowired
	Handoffs handoffs;

	@Autowired
	FieldCipher cipher;

	HearthHttp http;

	@BeforeEach
	void client() throws Exception {
		this.http = new HearthHttp(this.port);
		HearthHttp.token(this.jdbc, "crypto-agent", "crypto-agent-token", "AGENT");
	}

	@Test
	void whatTheWidgetStoresIsSealedAndEveryReaderOpensIt() throws Exception {
		HearthHttp.Chat chat = this.http.start();
		this.http.ask(chat, "My parcel with the zebracorn sticker never arrived, card 4242 4242 4242 4242, "
				+ "mail ann.zebra@example.com");
		UUID id = UUID.fromString(chat.id());

		var raw = this.jdbc
			.sql("select enc_key, text, query from conversation_message where conversation_id = ? and seq = 1")
			.param(id)
			.query((rs, row) -> List.of(rs.getString(1), rs.getString(2), String.valueOf(rs.getString(3))))
			.single();
		assertThat(raw.get(0)).isEqualTo("test-1");
		assertThat(raw.get(1)).doesNotContain("zebracorn", "4242", "example.com");
		assertThat(raw.get(2)).doesNotContain("zebracorn");
		assertThat(
				this.jdbc.sql("select count(*) from conversation_message where conversation_id = ? and enc_key is null")
					.param(id)
					.query(Long.class)
					.single())
			.as("the answer and every notice are sealed too")
			.isZero();

		assertThat(this.jdbc.sql("select enc_key || ' ' || summary::text from conversation where id = ?")
			.param(id)
			.query(String.class)
			.single()).as("the handoff summary (the card made it a handoff) is sealed")
			.startsWith("test-1 \"")
			.doesNotContain("zebracorn", "4242");
		assertThat(this.handoffs.find(id).summary().question()).contains("zebracorn sticker");
		assertThat(this.http.transcript(chat).get(0).get("text").asString()).contains("zebracorn sticker", "4242");
		assertThat(this.conversations.transcript(id).get(0).text()).contains("ann.zebra@example.com");
		var agent = this.http.send("GET", "/api/agent/conversations/" + id + "/messages", null, "crypto-agent-token");
		assertThat(agent.body()).contains("zebracorn").doesNotContain("4242 4242 4242 4242");

		assertThat(this.search.search("zebracorn sticker", null, java.util.function.UnaryOperator.identity()))
			.singleElement()
			.satisfies((hit) -> {
				assertThat(hit.id()).isEqualTo(id);
				assertThat(hit.snippet()).contains("«zebracorn» «sticker»");
			});
		assertThat(this.search.search("ZEBRACORN", null, java.util.function.UnaryOperator.identity())).as("normalised")
			.hasSize(1);
		assertThat(this.search.search("zebracorn elephant", null, java.util.function.UnaryOperator.identity()))
			.as("all words in one message")
			.isEmpty();
		assertThat(this.search.search("4242", null, java.util.function.UnaryOperator.identity()))
			.as("card numbers are never indexed")
			.isEmpty();
		assertThat(this.search.search("ann.zebra@example.com", null, java.util.function.UnaryOperator.identity()))
			.as("emails are never indexed")
			.isEmpty();
		assertThat(this.jdbc.sql("select count(*) from conversation_message_token where token = ?")
			.param(this.cipher.token("test-1", "4242"))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void rowsFromBeforeEncryptionStayReadableAndSearchableUntilTheRotationSealsThem() throws Exception {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("insert into conversation (id, language) values (?, 'en')").param(id).update();
		this.jdbc.sql("""
				insert into conversation_message (conversation_id, seq, role, text) values
				  (?, 1, 'CUSTOMER', 'Old plaintext question about the quokkaphone warranty'),
				  (?, 2, 'AGENT', 'Old plaintext reply')
				""").param(id).param(id).update();
		this.jdbc.sql("update conversation set summary = cast(? as jsonb) where id = ?")
			.param("{\"schemaVersion\": 1, \"question\": \"Old quokkaphone question\"}")
			.param(id)
			.update();
		this.jdbc
			.sql("insert into training_example (conversation_id, source, question, answer) values (?, 'AGENT', ?, ?)")
			.param(id)
			.param("Is the quokkaphone covered?")
			.param("Yes, two years.")
			.update();

		assertThat(this.conversations.transcript(id)).extracting(Message::text)
			.containsExactly("Old plaintext question about the quokkaphone warranty", "Old plaintext reply");
		assertThat(this.search.search("quokkaphone warranty", null, java.util.function.UnaryOperator.identity()))
			.extracting(ConversationSearch.Hit::id)
			.containsExactly(id);

		while (this.rotation.status().pending() > 0) {
			assertThat(this.rotation.run().total()).isPositive();
		}

		assertThat(this.jdbc.sql("select text from conversation_message where conversation_id = ? order by seq")
			.param(id)
			.query(String.class)
			.list()).noneMatch((text) -> text.contains("quokkaphone") || text.contains("plaintext"));
		assertThat(this.jdbc.sql("select question from training_example where conversation_id = ?")
			.param(id)
			.query(String.class)
			.single()).doesNotContain("quokkaphone");
		assertThat(this.conversations.transcript(id)).extracting(Message::text)
			.containsExactly("Old plaintext question about the quokkaphone warranty", "Old plaintext reply");
		assertThat(this.search.search("quokkaphone warranty", null, java.util.function.UnaryOperator.identity()))
			.singleElement()
			.satisfies((hit) -> assertThat(hit.snippet()).contains("«quokkaphone» «warranty»"));
		assertThat(this.jdbc.sql("select summary::text from conversation where id = ?")
			.param(id)
			.query(String.class)
			.single()).doesNotContain("quokkaphone");
		assertThat(this.handoffs.find(id).summary().question()).isEqualTo("Old quokkaphone question");
		assertThat(this.examples.fromConversations(List.of(id))).singleElement()
			.satisfies((e) -> assertThat(e.question()).isEqualTo("Is the quokkaphone covered?"));
		assertThat(this.examples.exportJsonl(java.util.function.UnaryOperator.identity()))
			.contains("Is the quokkaphone covered?");
		assertThat(this.rotation.status().done()).isTrue();
	}

	@Test
	void aSealedValueMovedToAnotherRowDoesNotOpen() {
		UUID id = this.conversations.start("en");
		try {
			this.conversations.addCustomerMessage(id, "first");
			this.conversations.addAgentMessage(id, "second", "Alice");
			this.jdbc.sql("""
					update conversation_message set text = (select text from conversation_message
					                                        where conversation_id = :c and seq = 1)
					where conversation_id = :c and seq = 2
					""").param("c", id).update();
			assertThatThrownBy(() -> this.conversations.transcript(id))
				.hasMessageContaining("conversation_message.text/" + id + "/2 does not open with key 'test-1'");
		}
		finally {
			this.jdbc.sql("delete from conversation where id = ?").param(id).update();
		}
	}

}
