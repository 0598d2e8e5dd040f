package dev.hearth.conversation;

import java.util.UUID;

/**
 * Hearth replied to a customer's message without resolving it and kept the conversation:
 * it declined politely, asked which of a few answers was meant, or (while the customer
 * waits for a person) told them their place in the queue.
 *
 * @param conversationId the conversation
 * @param questionSeq the customer's message
 * @param replySeq the stored reply
 * @param rule the escalation rule that decided, e.g. {@code pipeline:OUT_OF_SCOPE}
 * @param outcome {@code DECLINED}, {@code CLARIFIED} or {@code NOT_HANDED_OFF} (still
 * waiting)
 */
public record TurnUnresolved(UUID conversationId, int questionSeq, int replySeq, String rule, String outcome) {
}
