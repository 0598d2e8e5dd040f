package dev.hearth.conversation;

import java.util.UUID;

/**
 * A conversation ended for good: resolved, abandoned or left with the bot, and idle for
 * {@code hearth.conversation.close-after}. If the customer writes again, the bot answers
 * and the conversation can be handed over again.
 *
 * @param conversationId the conversation
 * @param from the state it was in
 */
public record ConversationClosed(UUID conversationId, String from) {
}
