package dev.hearth.escalation;

import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.hearth.assistant.Query;
import dev.hearth.crypto.FieldCipher;
import dev.hearth.crypto.SealedColumns;
import dev.hearth.knowledge.Vectors;
import dev.hearth.privacy.PiiClass;
import dev.hearth.privacy.Redactor;

/**
 * Records every turn on which a rule fired: the winning rule, all rules that fired, the
 * action and what came of it, with the customer's words (personal data redacted). The
 * knowledge-gap report and the console's analytics read it. Thread-safe.
 */
@Service
public class EscalationLog {

	/** What came of a decision. */
	public enum Outcome {

		/** Into the live queue. */
		HANDED_OFF,
		/** A ticket (outside business hours or no agent online). */
		TICKET,
		/** An approved LLM answered the customer. */
		LLM_ANSWERED,
		/** A person already had the conversation. */
		NOT_HANDED_OFF,
		/** Hearth declined politely; the conversation stayed with the bot. */
		DECLINED,
		/** Hearth asked which of a few close candidates was meant. */
		CLARIFIED

	}

	private final JdbcClient jdbc;

	private final Redactor redactor;

	private final SealedColumns questions;

	EscalationLog(JdbcClient jdbc, Redactor redactor, @Qualifier("decisionQuestions") SealedColumns questions) {
		this.jdbc = jdbc;
		this.redactor = redactor;
		this.questions = questions;
	}

	/**
	 * How a decision's customer question (redacted) and its embedding are sealed at rest
	 * ({@code escalation_decision.question} and {@code .embedding}, key in
	 * {@code enc_key}, bound to the decision's id), and re-sealed by the key rotation.
	 * The embedding is sealed because a sentence vector can be inverted to text close to
	 * the question.
	 */
	@Bean
	static SealedColumns decisionQuestions(JdbcClient jdbc, FieldCipher cipher) {
		return new SealedColumns("escalation_decision", jdbc, cipher, "escalation_decision", "enc_key", "id::text",
				List.of("question", "embedding"), "true");
	}

	/** An embedding as the text that is sealed: its float32 bytes in Base64. */
	static String vectorText(float[] vector) {
		return (vector != null) ? Base64.getEncoder().encodeToString(Vectors.encode(vector)) : null;
	}

	/** The embedding of an opened {@link #vectorText}, or {@code null}. */
	static float[] vector(String text) {
		return (text != null) ? Vectors.decode(Base64.getDecoder().decode(text)) : null;
	}

	/**
	 * Records a decision with the customer's words, redacted and sealed at rest. The
	 * turn's embedding is kept (sealed too) for the knowledge-gap report only when its
	 * text had no personal data to redact: a vector of personal data is personal data.
	 * @param query the turn's self-contained question and its embedding, or {@code null}
	 */
	@Transactional
	public void record(UUID conversation, int messageSeq, EscalationDecision decision, Outcome outcome, String question,
			Query query) {
		String redacted = this.redactor.redact(question, EnumSet.allOf(PiiClass.class)).text();
		float[] vector = (query != null
				&& query.text().equals(this.redactor.redact(query.text(), EnumSet.allOf(PiiClass.class)).text()))
						? query.vector() : null;
		long id = this.jdbc.sql("select nextval(pg_get_serial_sequence('escalation_decision', 'id'))")
			.query(Long.class)
			.single();
		String key = this.questions.activeKey();
		this.jdbc.sql("""
				insert into escalation_decision (id, conversation_id, message_seq, rule, fired, action, outcome,
				                                 enc_key, question, embedding)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.param(id)
			.param(conversation)
			.param(messageSeq)
			.param(decision.rule())
			.param(decision.fired().toArray(String[]::new))
			.param(decision.action().name())
			.param(outcome.name())
			.param(key)
			.param(this.questions.seal(key, "question", id, redacted))
			.param(this.questions.seal(key, "embedding", id, vectorText(vector)))
			.update();
	}

}
