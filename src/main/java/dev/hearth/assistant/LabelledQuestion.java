package dev.hearth.assistant;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A question of an evaluation set with what a right outcome is. One of {@code expected}
 * (an FAQ id, or {@code escalate}) and {@code expected_source} (a document path, matched
 * as the end of a citation's source) says where the answer must come from; either is
 * accepted when both are given. {@code gold} phrases, when given, must appear in the
 * answer text (any one of them).
 *
 * @param question the customer's question
 * @param group the group it is reported in; may be {@code null}
 * @param expected the FAQ id that should answer, {@code escalate}, or {@code null}
 * @param expectedSource the document that should be cited, or {@code null}
 * @param gold phrases of which the answer must contain one; may be empty
 * @param history the conversation before the question, oldest first; may be empty
 */
public record LabelledQuestion(String question, String group, String expected,
		@JsonProperty("expected_source") String expectedSource, List<String> gold, List<Turn> history) {

	/** The value of {@code expected} for a question that must be escalated. */
	public static final String ESCALATE = "escalate";

	public LabelledQuestion {
		if (question == null || question.isBlank()) {
			throw new IllegalArgumentException("a labelled question needs \"question\"");
		}
		if ((expected == null || expected.isBlank()) && (expectedSource == null || expectedSource.isBlank())) {
			throw new IllegalArgumentException("the question \"" + question
					+ "\" needs \"expected\" (an FAQ id or \"escalate\") or \"expected_source\" (a document path)");
		}
		gold = (gold != null) ? List.copyOf(gold) : List.of();
		history = (history != null) ? List.copyOf(history) : List.of();
	}

	/** Whether the right outcome is an escalation. */
	public boolean expectsEscalation() {
		return ESCALATE.equals(this.expected);
	}

	/**
	 * The group to report in: the given one, else {@code faq}, {@code document} or
	 * {@code escalate}.
	 */
	public String groupOrKind() {
		if (this.group != null && !this.group.isBlank()) {
			return this.group;
		}
		if (expectsEscalation()) {
			return ESCALATE;
		}
		return (this.expected != null && !this.expected.isBlank()) ? "faq" : "document";
	}

}
