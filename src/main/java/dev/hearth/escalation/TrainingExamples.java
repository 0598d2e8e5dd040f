package dev.hearth.escalation;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.hearth.privacy.PiiClass;
import dev.hearth.privacy.Redactor;

/**
 * The learning loop's store: a question and the answer a person or an approved LLM gave,
 * with every kind of personal data replaced by placeholders, exported as the chat-format
 * JSONL that LoRA fine-tuning tools read (one {@code {"messages": [system, user,
 * assistant]}} object per line). Thread-safe.
 */
@Service
public class TrainingExamples {

	static final String SYSTEM = "You are the customer support assistant of our company. Answer briefly and "
			+ "politely from what you know about our products and policies.";

	private final JdbcClient jdbc;

	private final Redactor redactor;

	private final JsonMapper json;

	TrainingExamples(JdbcClient jdbc, Redactor redactor, JsonMapper json) {
		this.jdbc = jdbc;
		this.redactor = redactor;
		this.json = json;
	}

	/** Keeps a question and its final answer, scrubbed of personal data. */
	public void keep(UUID conversation, String source, String question, String answer) {
		if (question == null || question.isBlank() || answer == null || answer.isBlank()) {
			return;
		}
		EnumSet<PiiClass> all = EnumSet.allOf(PiiClass.class);
		this.jdbc.sql("insert into training_example (conversation_id, source, question, answer) values (?, ?, ?, ?)")
			.param(conversation)
			.param(source)
			.param(this.redactor.redact(question, all).text())
			.param(this.redactor.redact(answer, all).text())
			.update();
	}

	/** Every example as one JSONL line in the chat format. */
	public String exportJsonl(java.util.function.UnaryOperator<String> mask) {
		StringBuilder out = new StringBuilder();
		this.jdbc.sql("select question, answer from training_example order by id").query((rs, row) -> {
			out.append(this.json.writeValueAsString(Map.of("messages",
					List.of(Map.of("role", "system", "content", SYSTEM),
							Map.of("role", "user", "content", mask.apply(rs.getString(1))),
							Map.of("role", "assistant", "content", mask.apply(rs.getString(2)))))))
				.append('\n');
			return null;
		}).list();
		return out.toString();
	}

}
