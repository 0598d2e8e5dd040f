package dev.hearth.conversation;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.hearth.assistant.CustomerTurn;
import dev.hearth.assistant.LanguageDetection;
import dev.hearth.assistant.Queries;
import dev.hearth.assistant.Query;
import dev.hearth.assistant.Turn;

/**
 * Builds the {@link CustomerTurn} of a stored customer message, once: the history, the
 * earlier questions with their stored embeddings (read in one statement,
 * {@link TurnHistory}), the message's own query, embedded here and nowhere else on the
 * turn, and the language it is written in (detected from its text, with the language of
 * the customer's previous message, else the widget's, as context). Thread-safe.
 */
@Component
class CustomerTurns {

	private static final Logger log = LoggerFactory.getLogger(CustomerTurns.class);

	static final int EARLIER_QUESTIONS = 5;

	private final Conversations conversations;

	private final Queries queries;

	private final ConversationProperties properties;

	private final LanguageDetection languages;

	private final TurnHistory history;

	CustomerTurns(Conversations conversations, TurnHistory history, Queries queries, ConversationProperties properties,
			LanguageDetection languages) {
		this.history = history;
		this.languages = languages;
		this.conversations = conversations;
		this.queries = queries;
		this.properties = properties;
	}

	/**
	 * The turn of {@code question}, with its query embedded; the query is {@code null}
	 * when the embedding model failed (the turn then escalates with
	 * {@code MODEL_FAILURE}).
	 */
	CustomerTurn of(java.util.UUID conversation, Conversations.Head head, Message question) {
		TurnHistory.Before before = this.history.read(conversation, question.seq(), this.properties.historyTurns(),
				EARLIER_QUESTIONS);
		Query query;
		try {
			query = this.queries.of(question.text(), before.history());
		}
		catch (RuntimeException ex) {
			log.error("Embedding message {} of conversation {} failed", question.seq(), conversation, ex);
			query = null;
		}
		String context = (before.lastLanguage() != null) ? before.lastLanguage() : head.language();
		return new CustomerTurn(conversation, question.seq(), question.text(), query, before.history(),
				before.questions(), before.questionsTotal() + 1, before.unresolved() + 1,
				this.languages.resolve(question.text(), context), head.country());
	}

	/**
	 * The turn of the customer's last message (or of none) when they press "Talk to a
	 * person": nothing is embedded, nothing will be answered.
	 */
	CustomerTurn onRequest(java.util.UUID conversation, Conversations.Head head, Message lastQuestion) {
		int before = (lastQuestion != null) ? lastQuestion.seq() : Integer.MAX_VALUE;
		List<Turn> history = this.history.history(conversation, before, this.properties.historyTurns());
		String known = this.conversations.lastLanguage(conversation, Integer.MAX_VALUE).orElse(head.language());
		return new CustomerTurn(conversation, (lastQuestion != null) ? lastQuestion.seq() : 0,
				(lastQuestion != null) ? lastQuestion.text() : "", null, history, List.of(), 0, 0, known,
				head.country());
	}

}
