package dev.hearth.conversation;

import java.util.UUID;

/**
 * An agent resolved a conversation.
 *
 * @param conversationId the conversation
 * @param agent who resolved it
 * @param outcome the outcome label
 */
public record ConversationResolved(UUID conversationId, String agent, String outcome) {
}
