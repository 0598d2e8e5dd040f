package dev.hearth.conversation;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import dev.hearth.assistant.Answer;
import dev.hearth.assistant.Citation;
import dev.hearth.assistant.Decision;
import dev.hearth.assistant.EscalationReason;
import dev.hearth.escalation.ClarifyOption;

/**
 * What a message carries besides its text, as readers see it: read from the stored
 * {@link StoredAnswer} (Hearth's answer) or {@link StoredNotice} (a handoff notice), of
 * any schema version. Fields a row does not have are {@code null} and absent from JSON;
 * {@code schemaVersion} and unknown fields of older or newer rows are ignored.
 *
 * @param decision as in {@link Answer}; {@code null} for a notice
 * @param reason as in {@link Answer}
 * @param text as in {@link Answer}
 * @param confidence as in {@link Answer}
 * @param routerConfidence as in {@link Answer}
 * @param faqId as in {@link Answer}
 * @param answeredBy as in {@link Answer}
 * @param citations as in {@link Answer}
 * @param ranked the router's candidates, which may name internal FAQ entries
 * @param timings as in {@link Answer}
 * @param handoff how the turn handed over; {@code null} when it did not
 * @param options a clarifying question's options, best first; {@code null} otherwise
 * @param verdict {@code DECLINE} or {@code CLARIFY} for a turn Hearth kept without
 * resolving it; {@code null} otherwise (and for rows stored before it was kept)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageAnswer(Decision decision, EscalationReason reason, String text, Double confidence,
		Double routerConfidence, String faqId, String answeredBy, List<Citation> citations,
		List<Answer.Candidate> ranked, Map<String, Long> timings, HandoffDetails handoff, List<ClarifyOption> options,
		String verdict) {

	/**
	 * What Hearth did, as the console labels it: {@code DECLINE}, {@code CLARIFY},
	 * {@code ESCALATE} or {@code ANSWERED} (a decline or a clarifying question stores the
	 * pipeline's {@code ESCALATE} as its decision, so that the turn counts as unresolved:
	 * the label says what the customer got). Rows stored before the verdict was kept are
	 * told apart by their options.
	 */
	public String label() {
		if (this.verdict != null) {
			return this.verdict;
		}
		if (this.options != null && !this.options.isEmpty()) {
			return "CLARIFY";
		}
		return (this.decision != null) ? this.decision.name() : null;
	}

	/**
	 * What the customer may see: everything but the answer's text (the message has it),
	 * the router's candidates and confidence, and the FAQ id of an answer that did not
	 * answer (they may name internal FAQ entries).
	 */
	MessageAnswer forCustomer() {
		return new MessageAnswer(this.decision, this.reason, null, this.confidence, null,
				(this.decision == Decision.ANSWERED) ? this.faqId : null, this.answeredBy, this.citations, null,
				this.timings, this.handoff, this.options, this.verdict);
	}

}
