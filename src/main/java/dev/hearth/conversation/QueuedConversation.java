package dev.hearth.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import dev.hearth.escalation.HandoffSummary;

/**
 * A handed-over conversation as agents see it in the queue.
 *
 * @param id the conversation
 * @param state waiting or with an agent
 * @param priority higher first
 * @param waitingSince when it was handed over
 * @param slaDueAt when a person should have answered
 * @param assignedAgent the agent who owns it, or {@code null}
 * @param rule the escalation rule that fired
 * @param reason why
 * @param summary the customer's question, the bot's attempts and the passages it found;
 * {@link Summary#EMPTY} when none was stored, never {@code null}
 * @param handoffMode {@code LIVE} (chat) or {@code TICKET} (contact details, reply later)
 */
public record QueuedConversation(UUID id, ConversationState state, int priority, Instant waitingSince, Instant slaDueAt,
		String assignedAgent, String rule, String reason, Summary summary, String handoffMode) {

	/**
	 * This conversation with its reason and summary passed through {@code mask} (see
	 * {@link Summary#masked}).
	 */
	public QueuedConversation masked(UnaryOperator<String> mask) {
		return new QueuedConversation(this.id, this.state, this.priority, this.waitingSince, this.slaDueAt,
				this.assignedAgent, this.rule, (this.reason != null) ? mask.apply(this.reason) : null,
				(this.summary != null) ? this.summary.masked(mask) : null, this.handoffMode);
	}

	/**
	 * The stored {@link HandoffSummary} as readers see it, of any schema version:
	 * {@code schemaVersion} and unknown fields are ignored, missing ones are {@code null}
	 * and absent from JSON.
	 *
	 * @param question what the customer last asked
	 * @param rule the rule that won
	 * @param reason why, in words an agent reads
	 * @param firedRules every rule that fired, the winner first
	 * @param earlierMessages the conversation before the question, oldest first
	 * @param botDecision the pipeline's decision and reason, when the bot tried
	 * @param botConfidence the pipeline's confidence, when the bot tried
	 * @param bestFaqGuess the FAQ entry the router found closest
	 * @param passages the sources the bot found
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Summary(String question, String rule, String reason, List<String> firedRules,
			List<String> earlierMessages, String botDecision, Double botConfidence, String bestFaqGuess,
			List<HandoffSummary.Source> passages) {

		/** No summary (JSON {@code {}}). */
		public static final Summary EMPTY = new Summary(null, null, null, null, null, null, null, null, null);

		/**
		 * This summary with its single-text fields (question, rule, reason, bot decision,
		 * best FAQ guess) passed through {@code mask}, e.g. to hide personal data from
		 * the viewer; {@code null} fields stay {@code null}.
		 */
		public Summary masked(UnaryOperator<String> mask) {
			return new Summary(apply(mask, this.question), apply(mask, this.rule), apply(mask, this.reason),
					this.firedRules,
					(this.earlierMessages != null) ? this.earlierMessages.stream().map((t) -> apply(mask, t)).toList()
							: null,
					apply(mask, this.botDecision), this.botConfidence, apply(mask, this.bestFaqGuess), this.passages);
		}

		private static String apply(UnaryOperator<String> mask, String text) {
			return (text != null) ? mask.apply(text) : null;
		}

	}

}
