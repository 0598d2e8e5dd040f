package dev.hearth.conversation;

import java.time.Instant;
import java.util.Map;

/**
 * A message of a conversation.
 *
 * @param seq its position in the conversation, from 1
 * @param role who wrote it: CUSTOMER, ASSISTANT, AGENT or SYSTEM
 * @param text what it says
 * @param replyTo for an assistant answer, the seq of the customer message it answers
 * @param answer for an assistant answer: decision, reason, confidence, FAQ id, citations
 * and timings
 * @param createdAt when it was stored
 */
public record Message(int seq, String role, String text, Integer replyTo, Map<String, Object> answer,
		Instant createdAt) {
}
