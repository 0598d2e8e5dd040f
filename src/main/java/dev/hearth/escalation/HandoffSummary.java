package dev.hearth.escalation;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.hearth.assistant.Answer;
import dev.hearth.assistant.CustomerTurn;

/**
 * What the agent reads first when a conversation is handed over, so the customer never
 * has to repeat themselves. Stored as JSON with its schema version; the bot's attempt
 * ({@code botDecision} ...) is absent when the turn was handed over before answering.
 *
 * @param schemaVersion {@value #SCHEMA_VERSION} for this shape
 * @param question what the customer last asked; when the last message only asked for a
 * person, the customer's message before it
 * @param rule the rule that won
 * @param reason why, in words an agent reads
 * @param firedRules every rule that fired, the winner first
 * @param earlierMessages the conversation before the question, oldest first, each
 * prefixed with who wrote it
 * @param botDecision the pipeline's decision and reason, e.g.
 * {@code ESCALATE OUT_OF_SCOPE}
 * @param botConfidence the pipeline's confidence
 * @param bestFaqGuess the FAQ entry the router found closest, may be {@code null}
 * @param passages the sources the bot found
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HandoffSummary(int schemaVersion, String question, String rule, String reason, List<String> firedRules,
		List<String> earlierMessages, String botDecision, Double botConfidence, String bestFaqGuess,
		List<Source> passages) {

	/** The version of this record's JSON shape. */
	public static final int SCHEMA_VERSION = 1;

	/**
	 * A source the bot found.
	 *
	 * @param title its title
	 * @param source where it comes from
	 * @param url its citation page
	 */
	public record Source(String title, String source, String url) {
	}

	static HandoffSummary of(CustomerTurn turn, String question, Answer answer, EscalationDecision decision) {
		List<String> earlier = turn.history()
			.stream()
			.map((t) -> (t.fromCustomer() ? "Customer: " : "Hearth: ") + t.text())
			.toList();
		if (answer == null) {
			return new HandoffSummary(SCHEMA_VERSION, question, decision.rule(), decision.reason(), decision.fired(),
					earlier, null, null, null, null);
		}
		return new HandoffSummary(SCHEMA_VERSION, question, decision.rule(), decision.reason(), decision.fired(),
				earlier, answer.decision() + ((answer.reason() != null) ? " " + answer.reason() : ""),
				answer.confidence(), answer.faqId(),
				answer.citations().stream().map((c) -> new Source(c.title(), c.source(), c.url())).toList());
	}

}
