package dev.hearth.escalation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.hearth.crypto.FieldCipher;
import dev.hearth.privacy.PiiClass;
import dev.hearth.privacy.Redactor;

/**
 * The learning loop's store: a question and the answer a person or an approved LLM gave,
 * with every kind of personal data replaced by placeholders, exported as the chat-format
 * JSONL that LoRA fine-tuning tools read (one {@code {"messages": [system, user,
 * assistant]}} object per line). Question and answer are sealed at rest with the key in
 * {@code enc_key} (none: a row from before encryption), bound to column and row id.
 * Thread-safe.
 */
@Service
public class TrainingExamples {

	static final String SYSTEM = "You are the customer support assistant of our company. Answer briefly and "
			+ "politely from what you know about our products and policies.";

	private final JdbcClient jdbc;

	private final Redactor redactor;

	private final JsonMapper json;

	private final FieldCipher cipher;

	TrainingExamples(JdbcClient jdbc, Redactor redactor, JsonMapper json, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.redactor = redactor;
		this.json = json;
		this.cipher = cipher;
	}

	/**
	 * A kept example, opened.
	 *
	 * @param id its row
	 * @param conversation the conversation it came from, or {@code null}
	 * @param source {@code AGENT} or {@code APPROVED_LLM}
	 * @param question the customer's question, personal data replaced
	 * @param answer the answer, personal data replaced
	 * @param createdAt when it was kept
	 */
	public record Example(long id, UUID conversation, String source, String question, String answer,
			Instant createdAt) {
	}

	/** Keeps a question and its final answer, scrubbed of personal data. */
	public void keep(UUID conversation, String source, String question, String answer) {
		if (question == null || question.isBlank() || answer == null || answer.isBlank()) {
			return;
		}
		EnumSet<PiiClass> all = EnumSet.allOf(PiiClass.class);
		long id = this.jdbc.sql("select nextval('training_example_id_seq')").query(Long.class).single();
		String key = this.cipher.activeKey();
		this.jdbc.sql("""
				insert into training_example (id, conversation_id, source, enc_key, question, answer)
				values (?, ?, ?, ?, ?, ?)
				""")
			.param(id)
			.param(conversation)
			.param(source)
			.param(key)
			.param(seal(key, "question", id, this.redactor.redact(question, all).text()))
			.param(seal(key, "answer", id, this.redactor.redact(answer, all).text()))
			.update();
	}

	/** Every example as one JSONL line in the chat format. */
	public String exportJsonl(java.util.function.UnaryOperator<String> mask) {
		StringBuilder out = new StringBuilder();
		this.jdbc.sql("select * from training_example order by id").query((rs, row) -> {
			Example example = example(rs, row);
			out.append(this.json.writeValueAsString(Map.of("messages",
					List.of(Map.of("role", "system", "content", SYSTEM),
							Map.of("role", "user", "content", mask.apply(example.question())),
							Map.of("role", "assistant", "content", mask.apply(example.answer()))))))
				.append('\n');
			return null;
		}).list();
		return out.toString();
	}

	/** The examples derived from these conversations, oldest first. */
	public List<Example> fromConversations(Collection<UUID> conversations) {
		return this.jdbc.sql("select * from training_example where conversation_id = any(?) order by id")
			.param(conversations.toArray(UUID[]::new))
			.query(this::example)
			.list();
	}

	/** The latest answer an agent gave in one of these conversations. */
	public Optional<String> latestAgentAnswer(Collection<UUID> conversations) {
		return this.jdbc.sql("""
				select * from training_example where source = 'AGENT' and conversation_id = any(?)
				order by created_at desc, id desc limit 1
				""").param(conversations.toArray(UUID[]::new)).query(this::example).optional().map(Example::answer);
	}

	/**
	 * Erases the examples derived from these conversations.
	 * @return how many were erased
	 */
	@Transactional
	public int eraseFromConversations(Collection<UUID> conversations) {
		return this.jdbc.sql("delete from training_example where conversation_id = any(?)")
			.param(conversations.toArray(UUID[]::new))
			.update();
	}

	private Example example(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		String key = rs.getString("enc_key");
		return new Example(id, rs.getObject("conversation_id", UUID.class), rs.getString("source"),
				open(key, "question", id, rs.getString("question")), open(key, "answer", id, rs.getString("answer")),
				rs.getTimestamp("created_at").toInstant());
	}

	String seal(String key, String column, long id, String value) {
		return this.cipher.seal(key, value, "training_example." + column + "/" + id);
	}

	String open(String key, String column, long id, String stored) {
		return this.cipher.open(key, stored, "training_example." + column + "/" + id);
	}

}
