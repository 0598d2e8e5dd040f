package dev.hearth.conversation;

import java.util.UUID;

/**
 * An agent took a conversation (by claiming it, or by a transfer).
 *
 * @param conversationId the conversation
 * @param agent the agent who now owns it
 */
public record ConversationClaimed(UUID conversationId, String agent) {
}
