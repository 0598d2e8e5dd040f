package dev.hearth.escalation;

import java.util.EnumSet;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
		NOT_HANDED_OFF

	}

	private final JdbcClient jdbc;

	private final Redactor redactor;

	EscalationLog(JdbcClient jdbc, Redactor redactor) {
		this.jdbc = jdbc;
		this.redactor = redactor;
	}

	@Transactional
	public void record(UUID conversation, int messageSeq, EscalationDecision decision, Outcome outcome,
			String question) {
		String redacted = this.redactor.redact(question, EnumSet.allOf(PiiClass.class)).text();
		this.jdbc.sql("""
				insert into escalation_decision (conversation_id, message_seq, rule, fired, action, outcome, question)
				values (?, ?, ?, ?, ?, ?, ?)
				""")
			.param(conversation)
			.param(messageSeq)
			.param(decision.rule())
			.param(decision.fired().toArray(String[]::new))
			.param(decision.action().name())
			.param(outcome.name())
			.param(redacted)
			.update();
	}

}
