package dev.hearth.escalation;

/**
 * A rule decided to hand the conversation to a person.
 *
 * @param rule the rule that fired, e.g. {@code customer-asked-for-person} or
 * {@code pipeline:OUT_OF_SCOPE}
 * @param reason why, in words an agent reads
 * @param priority higher is served first
 */
public record EscalationDecision(String rule, String reason, int priority) {
}
