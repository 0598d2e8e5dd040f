package dev.hearth.escalation;

import java.util.List;

/**
 * A rule decided that Hearth should not (only) answer this turn itself.
 *
 * @param rule the rule that won, e.g. {@code customer-asked-for-person} or
 * {@code pipeline:OUT_OF_SCOPE}
 * @param reason why, in words an agent or supervisor reads
 * @param priority higher is served first
 * @param action where the conversation goes
 * @param fired every rule that fired on this turn, the winner first
 */
public record EscalationDecision(String rule, String reason, int priority, Action action, List<String> fired) {

	public EscalationDecision {
		fired = (fired == null || fired.isEmpty()) ? List.of(rule) : List.copyOf(fired);
	}

	public EscalationDecision(String rule, String reason, int priority, Action action) {
		this(rule, reason, priority, action, List.of(rule));
	}

	/** This decision with another action and reason, the same rules fired. */
	EscalationDecision as(Action action, String reason) {
		return new EscalationDecision(this.rule, reason, this.priority, action, this.fired);
	}

	/** Where a rule sends the conversation. */
	public enum Action {

		/** To the agents' queue (or a ticket outside business hours). */
		HUMAN,
		/**
		 * To an approved LLM when one may answer customers, else to the agents' queue
		 * with the LLM's draft when one may draft.
		 */
		APPROVED_LLM,
		/**
		 * To the agents' queue, with a draft answer from an approved LLM that the agent
		 * edits before sending.
		 */
		APPROVED_LLM_DRAFT_FOR_AGENT,
		/**
		 * The bot stays: an approved LLM that may answer customers answers when one is
		 * configured, else Hearth declines politely (says what it can help with, offers
		 * to rephrase or to talk to a person). Nobody is put in the queue.
		 */
		DECLINE,
		/**
		 * The bot stays: when the top FAQ candidates are close, Hearth asks which one is
		 * meant (two or three options); otherwise as {@link #DECLINE}.
		 */
		CLARIFY;

		/** Whether this action keeps the conversation with the bot. */
		public boolean staysWithBot() {
			return this == DECLINE || this == CLARIFY;
		}

	}

}
