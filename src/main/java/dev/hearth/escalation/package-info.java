/**
 * When Hearth hands a conversation over, and to whom.
 * {@link dev.hearth.escalation.EscalationPolicy} evaluates its rules on every turn — the
 * answer pipeline's own decision to escalate, and the customer asking for a person
 * (directly or indirectly, in English and German) — and names the rule that fired, so
 * supervisors can see why. Rules for frustration, sensitive topics, regulated data, turn
 * counts and business hours, and the approved-LLM gateway, come next.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Escalation")
package dev.hearth.escalation;
