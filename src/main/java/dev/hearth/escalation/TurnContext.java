package dev.hearth.escalation;

import java.util.List;

/**
 * What the policy knows about a customer's turn.
 *
 * @param message what the customer just wrote
 * @param earlierQuestions the customer's earlier messages in this conversation, oldest
 * first (at most a handful)
 * @param customerTurns how many messages the customer has written since a person last
 * helped, this one included
 */
public record TurnContext(String message, List<String> earlierQuestions, int customerTurns) {

	public TurnContext {
		earlierQuestions = (earlierQuestions != null) ? List.copyOf(earlierQuestions) : List.of();
	}

	/** A first message with no history. */
	public static TurnContext of(String message) {
		return new TurnContext(message, List.of(), 1);
	}

}
