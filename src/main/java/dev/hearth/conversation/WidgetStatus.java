package dev.hearth.conversation;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a customer's conversation is, as the widget shows it.
 *
 * @param state the conversation's state
 * @param handoffMode while handed over: {@code LIVE} (a person replies here) or
 * {@code TICKET} (outside business hours: a person replies by email); else {@code null}
 * @param agentName the display name of the person who has it, or {@code null}
 * @param estimatedWaitSeconds while waiting: roughly how long until a person answers
 * @param csat the customer's satisfaction rating (1 to 5) once given, or {@code null}
 */
record WidgetStatus(ConversationState state, String handoffMode, String agentName, Long estimatedWaitSeconds,
		Integer csat) {

	static WidgetStatus of(QueuedConversation conversation, Integer csat, Instant now) {
		ConversationState state = conversation.state();
		boolean live = state == ConversationState.WAITING_FOR_AGENT || state == ConversationState.WITH_AGENT;
		Long wait = null;
		String mode = live ? ((conversation.handoffMode() != null) ? conversation.handoffMode() : "LIVE") : null;
		if (state == ConversationState.WAITING_FOR_AGENT && "LIVE".equals(mode) && conversation.slaDueAt() != null) {
			wait = Math.max(0, Duration.between(now, conversation.slaDueAt()).toSeconds());
		}
		String agent = (state == ConversationState.WITH_AGENT || state == ConversationState.RESOLVED)
				? conversation.assignedAgent() : null;
		return new WidgetStatus(state, mode, agent, wait, csat);
	}

	/** Whether the widget should show something different (the wait estimate aside). */
	boolean differsFrom(WidgetStatus other) {
		return other == null || this.state != other.state || !java.util.Objects.equals(this.agentName, other.agentName)
				|| !java.util.Objects.equals(this.handoffMode, other.handoffMode)
				|| !java.util.Objects.equals(this.csat, other.csat);
	}

}
