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
		APPROVED_LLM_DRAFT_FOR_AGENT

	}

}
