package dev.hearth.conversation;

import java.util.UUID;

/**
 * A customer left while waiting for a person: no message from them for
 * {@code hearth.conversation.abandon-after} and nobody had claimed the conversation.
 *
 * @param conversationId the conversation
 */
public record ConversationAbandoned(UUID conversationId) {
}
