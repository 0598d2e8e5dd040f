package dev.hearth.conversation;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

import dev.hearth.assistant.Answer;
import dev.hearth.assistant.AnswerPipeline;
import dev.hearth.assistant.Decision;
import dev.hearth.assistant.EscalationReason;
import dev.hearth.assistant.Turn;

/**
 * Answers a stored customer message with the conversation's history and stores the
 * answer. Whatever fails on the way becomes an escalation with reason
 * {@code MODEL_FAILURE}: the customer is never left without a reply, and their message is
 * already safe. Thread-safe.
 */
@Service
class ConversationAnswering {

	private static final Logger log = LoggerFactory.getLogger(ConversationAnswering.class);

	private final Conversations conversations;

	private final AnswerPipeline pipeline;

	private final ConversationProperties properties;

	ConversationAnswering(Conversations conversations, AnswerPipeline pipeline, ConversationProperties properties) {
		this.conversations = conversations;
		this.pipeline = pipeline;
		this.properties = properties;
	}

	Message answer(UUID conversation, Message question, Consumer<String> stream) {
		List<Turn> history = this.conversations.history(conversation, question.seq(), this.properties.historyTurns());
		Answer answer;
		try {
			answer = this.pipeline.answer(question.text(), history, stream);
		}
		catch (RuntimeException ex) {
			log.error("Answering message {} of conversation {} failed", question.seq(), conversation, ex);
			answer = new Answer(Decision.ESCALATE, EscalationReason.MODEL_FAILURE, "", 0, 0, null, null, List.of(),
					List.of(), Map.of());
		}
		Message stored = this.conversations.addAnswer(conversation, question.seq(), answer);
		this.conversations.touch(conversation);
		return stored;
	}

}
