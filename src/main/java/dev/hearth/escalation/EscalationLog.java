package dev.hearth.escalation;

import java.util.EnumSet;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.hearth.assistant.Query;
import dev.hearth.crypto.SealedColumns;
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

	EscalationLog(JdbcClient jdbc, Redactor redactor, DecisionResealing sealing) {
		this.jdbc = jdbc;
		this.redactor = redactor;
		this.questions = sealing.columns();
	}

	/**
	 * Records a decision with the customer's words, redacted and sealed at rest. The
	 * turn's embedding is kept for the knowledge-gap report only when its text had no
	 * personal data to redact: a vector of personal data is personal data.
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
			.param(vector)
			.update();
	}

}
