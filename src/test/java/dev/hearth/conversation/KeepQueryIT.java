package dev.hearth.conversation;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.hearth.assistant.Query;
import dev.hearth.knowledge.Vectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A turn's query and embedding are kept on the customer's message with the key the row
 * names: sealed with the active key in one statement, and, for a row that names another
 * key or none (stored before encryption), through the locked read of its key.
 */
@SpringBootTest
@ActiveProfiles("test")
class KeepQueryIT {

	@Autowired
	Conversations conversations;

	@Autowired
	MessageSeal seal;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSealedMessageKeepsItsQuerySealedWithItsKey() {
		UUID id = this.conversations.start("en");
		Message question = this.conversations.addCustomerMessage(id, "how long does a refund take");
		this.conversations.keepQuery(id, question.seq(), query("how long does a refund take?"), "en");
		var row = this.jdbc.sql(
				"select conversation_id, seq, enc_key, query, embedding, language from conversation_message where conversation_id = ? and seq = ?")
			.param(id)
			.param(question.seq())
			.query((rs,
					n) -> new Object[] { rs.getString("enc_key"), rs.getString("query"), this.seal.open(rs, "query"),
							Vectors.decode(this.seal.openBytes(rs, "embedding")), rs.getString("language") })
			.single();
		assertThat(row[0]).isEqualTo(this.seal.activeKey());
		assertThat((String) row[1]).as("sealed at rest").doesNotContain("refund");
		assertThat(row[2]).isEqualTo("how long does a refund take?");
		assertThat((float[]) row[3]).containsExactly(0.25f, -0.5f, 1f);
		assertThat(row[4]).isEqualTo("en");
	}

	@Test
	void aMessageStoredBeforeEncryptionKeepsItsQueryAsItIs() {
		UUID id = this.conversations.start("en");
		this.jdbc.sql("""
				insert into conversation_message (conversation_id, seq, enc_key, role, text)
				values (?, 1, null, 'CUSTOMER', 'where is my parcel')
				""").param(id).update();
		this.conversations.keepQuery(id, 1, query("where is my parcel?"), "en");
		var row = this.jdbc.sql(
				"select enc_key, query, embedding, language from conversation_message where conversation_id = ? and seq = 1")
			.param(id)
			.query((rs,
					n) -> new Object[] { rs.getString("enc_key"), rs.getString("query"),
							Vectors.decode(rs.getBytes("embedding")), rs.getString("language") })
			.single();
		assertThat(row[0]).isNull();
		assertThat(row[1]).isEqualTo("where is my parcel?");
		assertThat((float[]) row[2]).containsExactly(0.25f, -0.5f, 1f);
		assertThat(row[3]).isEqualTo("en");
	}

	@Test
	void aReplyKeepsItsQuestionsQueryAndLanguageInItsStatement() {
		UUID id = this.conversations.start("en");
		Message question = this.conversations.addCustomerMessage(id, "wie lange dauert eine Erstattung");
		this.conversations.addAnswer(id, question.seq(),
				new Conversations.Kept(query("wie lange dauert eine Erstattung?"), "de"), answer());
		var row = this.jdbc.sql(
				"select conversation_id, seq, enc_key, query, embedding, language from conversation_message where conversation_id = ? and seq = ?")
			.param(id)
			.param(question.seq())
			.query((rs,
					n) -> new Object[] { this.seal.open(rs, "query"),
							Vectors.decode(this.seal.openBytes(rs, "embedding")), rs.getString("language") })
			.single();
		assertThat(row[0]).isEqualTo("wie lange dauert eine Erstattung?");
		assertThat((float[]) row[1]).containsExactly(0.25f, -0.5f, 1f);
		assertThat(row[2]).isEqualTo("de");
	}

	@Test
	void aReplyToAMessageStoredBeforeEncryptionKeepsItsQueryAsItIs() {
		UUID id = this.conversations.start("en");
		this.jdbc.sql("""
				insert into conversation_message (conversation_id, seq, enc_key, role, text)
				values (?, 1, null, 'CUSTOMER', 'where is my parcel')
				""").param(id).update();
		this.conversations.addAnswer(id, 1, new Conversations.Kept(query("where is my parcel?"), "en"), answer());
		var row = this.jdbc
			.sql("select query, language from conversation_message where conversation_id = ? and seq = 1")
			.param(id)
			.query((rs, n) -> new Object[] { rs.getString("query"), rs.getString("language") })
			.single();
		assertThat(row[0]).isEqualTo("where is my parcel?");
		assertThat(row[1]).isEqualTo("en");
	}

	@Test
	void aReplyWithOnlyALanguageKeepsTheLanguage() {
		UUID id = this.conversations.start("en");
		Message question = this.conversations.addCustomerMessage(id, "hallo");
		this.conversations.addAnswer(id, question.seq(), new Conversations.Kept(null, "de"), answer());
		assertThat(this.jdbc.sql("select language from conversation_message where conversation_id = ? and seq = ?")
			.param(id)
			.param(question.seq())
			.query(String.class)
			.single()).isEqualTo("de");
	}

	private static dev.hearth.assistant.Answer answer() {
		return new dev.hearth.assistant.Answer(dev.hearth.assistant.Decision.ANSWERED, null, "Five working days.", 1.0,
				0, null, "test", java.util.List.of(), java.util.List.of(), java.util.Map.of());
	}

	private static Query query(String text) {
		return new Query(text, text, new float[] { 0.25f, -0.5f, 1f });
	}

}
