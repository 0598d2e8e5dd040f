package dev.hearth.conversation;

import java.util.UUID;

/**
 * Hearth answered a customer's message (from its knowledge base, or an approved LLM in
 * its place).
 *
 * @param conversationId the conversation
 * @param questionSeq the customer message answered
 * @param answerSeq the stored answer
 * @param answeredBy {@code faq}, {@code extractive}, {@code model} or
 * {@code approved-llm:<endpoint>}
 */
public record TurnAnswered(UUID conversationId, int questionSeq, int answerSeq, String answeredBy) {
}
