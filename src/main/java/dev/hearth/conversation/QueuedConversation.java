package dev.hearth.conversation;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A handed-over conversation as agents see it in the queue.
 *
 * @param id the conversation
 * @param state waiting or with an agent
 * @param priority higher first
 * @param waitingSince when it was handed over
 * @param slaDueAt when a person should have answered
 * @param assignedAgent the agent who owns it, or {@code null}
 * @param rule the escalation rule that fired
 * @param reason why
 * @param summary the customer's question, the bot's attempts and the passages it found
 * @param handoffMode {@code LIVE} (chat) or {@code TICKET} (contact details, reply later)
 */
public record QueuedConversation(UUID id, ConversationState state, int priority, Instant waitingSince, Instant slaDueAt,
		String assignedAgent, String rule, String reason, Map<String, Object> summary, String handoffMode) {
}
