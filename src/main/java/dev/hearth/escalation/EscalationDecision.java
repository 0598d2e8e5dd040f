package dev.hearth.escalation;

/**
 * A rule decided to hand the conversation to a person.
 *
 * @param rule the rule that fired, e.g. {@code customer-asked-for-person} or
 * {@code pipeline:OUT_OF_SCOPE}
 * @param reason why, in words an agent reads
 * @param priority higher is served first
 * @param action where the conversation goes
 */
public record EscalationDecision(String rule, String reason, int priority, Action action) {

	/** Where a rule sends the conversation. */
	public enum Action {

		/** To the agents' queue. */
		HUMAN,
		/**
		 * To an approved LLM when one may answer customers, else to the agents' queue.
		 */
		APPROVED_LLM

	}

}
