package dev.hearth.assistant;

import java.util.List;
import java.util.UUID;

/**
 * One customer message with everything the escalation policy and the answer pipeline read
 * about it, built once per message by the conversation module so nothing is computed
 * twice: its self-contained query and that query's embedding, the history, and the
 * customer's earlier questions with the embeddings stored when they were asked.
 *
 * @param conversation the conversation
 * @param seq the message's position in the conversation (0 when the customer pressed
 * "Talk to a person" before writing anything)
 * @param text what the customer wrote
 * @param query the self-contained question and its embedding; {@code null} when there is
 * nothing to answer (the "Talk to a person" button) or the embedding model failed
 * @param history the conversation before the message, oldest first, as the pipeline reads
 * it
 * @param earlierQuestions the customer's earlier messages since a person last wrote,
 * oldest first (at most a handful)
 * @param customerTurns how many messages the customer has written since a person last
 * wrote, this one included
 * @param unresolvedTurns how many of the customer's messages since a person last wrote
 * were left unresolved (escalated, declined, asked back, or their answer rated
 * unhelpful), plus one for this message; answered turns never count
 * @param language the language the message is written in, e.g. {@code de}: detected from
 * its text with the conversation's language so far as context
 * ({@link LanguageDetection#resolve}); for the "Talk to a person" button the language of
 * the customer's last message, else the widget's; {@code null} if unknown
 * @param country the customer's country, ISO 3166-1 alpha-2 (the page, the site or the
 * browser said so); {@code null} if unknown
 */
public record CustomerTurn(UUID conversation, int seq, String text, Query query, List<Turn> history,
		List<EarlierQuestion> earlierQuestions, int customerTurns, int unresolvedTurns, String language,
		String country) {

	public CustomerTurn {
		history = List.copyOf(history);
		earlierQuestions = List.copyOf(earlierQuestions);
	}

	/**
	 * An earlier customer message.
	 *
	 * @param text what the customer wrote
	 * @param vector the embedding of its self-contained query as stored with the message;
	 * {@code null} if none was stored (written before vectors were kept, or the model
	 * failed)
	 * @param standalone whether that query was the message itself (not a follow-up joined
	 * to the question before it)
	 */
	public record EarlierQuestion(String text, float[] vector, boolean standalone) {
	}

}
