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
 * @param unresolvedTurns how many of the customer's messages since a person last helped
 * were left unresolved, plus one for this message (answered ones never count)
 * @param country the customer's country, ISO 3166-1 alpha-2, or {@code null}: national
 * IDs of that country count with generic labels too
 */
record TurnContext(String message, Query query, List<CustomerTurn.EarlierQuestion> earlierQuestions,
		int unresolvedTurns, String country) {

	TurnContext {
		earlierQuestions = (earlierQuestions != null) ? List.copyOf(earlierQuestions) : List.of();
	}

	/** Earlier messages given as text only, with no stored embeddings. */
	TurnContext(String message, List<String> earlierQuestions, int unresolvedTurns) {
		this(message, null,
				earlierQuestions.stream().map((text) -> new CustomerTurn.EarlierQuestion(text, null, true)).toList(),
				unresolvedTurns, null);
	}

	/** A first message with no history. */
	static TurnContext of(String message) {
		return new TurnContext(message, List.of(), 1);
	}

	/** A first message with no history, from a customer in a country. */
	static TurnContext of(String message, String country) {
		return new TurnContext(message, null, List.of(), 1, country);
	}

	static TurnContext of(CustomerTurn turn) {
		return new TurnContext(turn.text(), turn.query(), turn.earlierQuestions(), turn.unresolvedTurns(),
				turn.country());
	}

}
