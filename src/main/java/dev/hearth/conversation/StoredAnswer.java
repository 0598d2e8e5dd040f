package dev.hearth.conversation;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.hearth.assistant.Answer;
import dev.hearth.assistant.Citation;
import dev.hearth.assistant.Decision;
import dev.hearth.assistant.EscalationReason;
import dev.hearth.escalation.ClarifyOption;

/**
 * The JSON stored in {@code conversation_message.answer} for Hearth's answer: the
 * pipeline's {@link Answer} field for field (the console's reports read these names, e.g.
 * {@code timings.total}: keep them), how the turn handed over if it did, and the version
 * of this shape. Readers outside storage never see {@code schemaVersion}.
 *
 * @param schemaVersion {@value #SCHEMA_VERSION} for this shape
 * @param decision as in {@link Answer}
 * @param reason as in {@link Answer}
 * @param text as in {@link Answer}
 * @param confidence as in {@link Answer}
 * @param routerConfidence as in {@link Answer}
 * @param faqId as in {@link Answer}
 * @param answeredBy as in {@link Answer}
 * @param citations as in {@link Answer}
 * @param ranked as in {@link Answer}
 * @param timings as in {@link Answer}
 * @param handoff how the turn handed over; absent when it did not
 * @param options when Hearth asked which of a few answers the customer means: the
 * options, best first (the widget shows them as buttons); absent otherwise
 * @param verdict what Hearth did with a turn it kept without resolving it:
 * {@code DECLINE} or {@code CLARIFY}; absent otherwise (the decision says it)
 */
record StoredAnswer(int schemaVersion, Decision decision, EscalationReason reason, String text, double confidence,
		double routerConfidence, String faqId, String answeredBy, List<Citation> citations,
		List<Answer.Candidate> ranked, Map<String, Long> timings,
		@JsonInclude(JsonInclude.Include.NON_NULL) HandoffDetails handoff,
		@JsonInclude(JsonInclude.Include.NON_NULL) List<ClarifyOption> options,
		@JsonInclude(JsonInclude.Include.NON_NULL) String verdict) {

	static final int SCHEMA_VERSION = 1;

	static StoredAnswer of(Answer answer, HandoffDetails handoff) {
		return of(answer, handoff, null);
	}

	static StoredAnswer of(Answer answer, HandoffDetails handoff, List<ClarifyOption> options) {
		return of(answer, handoff, options, null);
	}

	static StoredAnswer of(Answer answer, HandoffDetails handoff, List<ClarifyOption> options, String verdict) {
		return new StoredAnswer(SCHEMA_VERSION, answer.decision(), answer.reason(), answer.text(), answer.confidence(),
				answer.routerConfidence(), answer.faqId(), answer.answeredBy(), answer.citations(), answer.ranked(),
				answer.timings(), handoff, (options != null && !options.isEmpty()) ? List.copyOf(options) : null,
				verdict);
	}

}
