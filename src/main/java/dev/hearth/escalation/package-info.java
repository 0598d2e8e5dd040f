/**
 * When Hearth hands a conversation over, and to whom.
 * {@link dev.hearth.escalation.Escalation} is the module's one decision for a customer
 * turn: before answering, on the answer and for the "Talk to a person" button it returns
 * a sealed {@link dev.hearth.escalation.Verdict} (reply, an approved LLM's reply, or hand
 * over with mode, summary and draft) that the conversation module records without
 * deciding anything itself. The policy ({@code EscalationPolicy}) evaluates the rules of
 * the current {@link dev.hearth.escalation.Policy} on every turn — the answer pipeline's
 * own decision to escalate, the customer asking for a person, frustration (rephrasing,
 * negative sentiment, profanity), sensitive topics, regulated data and too many turns —
 * picks the highest-priority rule that fired and records them all
 * ({@link dev.hearth.escalation.EscalationLog}). Each rule's action sends the
 * conversation to a person, to an approved LLM
 * ({@link dev.hearth.escalation.ApprovedLlmGateway}: personal data redacted, every call
 * audited), or to a person with an LLM's draft, written after the handoff commits on a
 * bounded executor ({@code Drafts}). {@link dev.hearth.escalation.HandoffRouting} turns a
 * handoff outside business hours into a ticket.
 * {@link dev.hearth.escalation.EscalationPolicies} keeps the policy admins edit
 * (versioned, audited); {@link dev.hearth.escalation.KnowledgeGaps} clusters the
 * questions Hearth could not answer; {@link dev.hearth.escalation.TrainingExamples} keeps
 * what people answered for fine-tuning.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Escalation")
package dev.hearth.escalation;
