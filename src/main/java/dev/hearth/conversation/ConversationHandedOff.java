package dev.hearth.conversation;

import java.util.UUID;

/**
 * A conversation was handed to the agents' queue.
 *
 * @param conversationId the conversation
 * @param rule the escalation rule that fired
 * @param priority its priority in the queue
 * @param mode {@code LIVE} or {@code TICKET}
 */
public record ConversationHandedOff(UUID conversationId, String rule, int priority, String mode) {

	public ConversationHandedOff(UUID conversationId, String rule, int priority) {
		this(conversationId, rule, priority, "LIVE");
	}

}
