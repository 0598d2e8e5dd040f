package dev.hearth.escalation;

import java.util.List;

import dev.hearth.assistant.CustomerTurn;
import dev.hearth.assistant.Query;

/**
 * What the policy knows about a customer's turn.
 *
 * @param message what the customer just wrote
 * @param query the message made self-contained and embedded; {@code null} if it was not
 * embedded (then messages are compared by their words only)
 * @param earlierQuestions the customer's earlier messages in this conversation, oldest
 * first (at most a handful), with their stored embeddings
 * @param customerTurns how many messages the customer has written since a person last
 * helped, this one included
 */
record TurnContext(String message, Query query, List<CustomerTurn.EarlierQuestion> earlierQuestions,
		int customerTurns) {

	TurnContext {
		earlierQuestions = (earlierQuestions != null) ? List.copyOf(earlierQuestions) : List.of();
	}

	/** Earlier messages given as text only, with no stored embeddings. */
	TurnContext(String message, List<String> earlierQuestions, int customerTurns) {
		this(message, null,
				earlierQuestions.stream().map((text) -> new CustomerTurn.EarlierQuestion(text, null, true)).toList(),
				customerTurns);
	}

	/** A first message with no history. */
	static TurnContext of(String message) {
		return new TurnContext(message, List.of(), 1);
	}

	static TurnContext of(CustomerTurn turn) {
		return new TurnContext(turn.text(), turn.query(), turn.earlierQuestions(), turn.customerTurns());
	}

}
