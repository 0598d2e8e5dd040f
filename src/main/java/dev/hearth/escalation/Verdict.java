package dev.hearth.escalation;

import java.util.List;

import dev.hearth.assistant.Answer;

/**
 * What escalation decided for a customer turn ({@link Escalation}): the conversation
 * module records it as it is and decides nothing itself.
 */
public sealed interface Verdict {

	/**
	 * No rule fired: before answering, answer the turn; after answering, show the
	 * pipeline's answer.
	 */
	record Reply() implements Verdict {
	}

	/**
	 * An approved LLM answered the customer in Hearth's place.
	 *
	 * @param decision the rule that sent the turn to the LLM
	 * @param answer the LLM's answer, with the pipeline's confidences and timings
	 */
	record LlmReply(EscalationDecision decision, Answer answer) implements Verdict {
	}

	/**
	 * A person takes over.
	 *
	 * @param decision the rule that won, and every rule that fired
	 * @param mode live, or a ticket outside business hours
	 * @param summary what the agent reads first
	 * @param draft the draft an approved LLM should write for the agent once the
	 * conversation is handed over, or {@code null} for none
	 */
	record HandOver(EscalationDecision decision, HandoffMode mode, HandoffSummary summary,
			DraftRequested draft) implements Verdict {
	}

	/**
	 * The bot declines politely: it says what it can help with and offers to rephrase or
	 * to talk to a person. The conversation stays with the bot.
	 *
	 * @param decision the rule that declined, with its reason
	 */
	record Decline(EscalationDecision decision) implements Verdict {
	}

	/**
	 * The bot asks which of a few close candidates the customer means. The conversation
	 * stays with the bot.
	 *
	 * @param decision the rule that asked, with its reason
	 * @param options two or three candidates, best first
	 */
	record Clarify(EscalationDecision decision, List<ClarifyOption> options) implements Verdict {

		public Clarify {
			options = List.copyOf(options);
		}

	}

}
