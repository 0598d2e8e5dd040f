package dev.hearth.conversation;

import java.util.UUID;

/**
 * A conversation was handed to the agents' queue.
 *
 * @param conversationId the conversation
 * @param rule the escalation rule that fired
 * @param priority its priority in the queue
 */
public record ConversationHandedOff(UUID conversationId, String rule, int priority) {
}
