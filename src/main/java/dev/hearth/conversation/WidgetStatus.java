package dev.hearth.conversation;

import java.time.Duration;

/**
 * Where a customer's conversation is, as the widget shows it.
 *
 * @param state the conversation's state
 * @param handoffMode while handed over: {@code LIVE} (a person replies here) or
 * {@code TICKET} (outside business hours: a person replies by email); else {@code null}
 * @param agentName the display name of the person who has it, or {@code null}
 * @param estimatedWaitSeconds while waiting in the live queue: roughly how much longer
 * until a person answers, from real recent waits ({@link WaitEstimates})
 * @param queuePosition while waiting in the live queue: the customer's place (1 is next)
 * @param csat the customer's satisfaction rating (1 to 5) once given, or {@code null}
 */
record WidgetStatus(ConversationState state, String handoffMode, String agentName, Long estimatedWaitSeconds,
		Integer queuePosition, Integer csat) {

	/** Whether the customer waits in the live queue (not for a ticket's email). */
	/**
	 * Whether this status shows a place in the live queue (it moves as others' change).
	 */
	boolean queued() {
		return this.queuePosition != null;
	}

	static boolean inLiveQueue(QueuedConversation conversation) {
		return conversation.state() == ConversationState.WAITING_FOR_AGENT
				&& (conversation.handoffMode() == null || "LIVE".equals(conversation.handoffMode()));
	}

	/**
	 * @param displayName how the agent signed their last reply, if they replied:
	 * customers see the same name on the banner and on the messages
	 * @param position the place in the queue while in the live queue, else ignored
	 * @param expectedWait the expected remaining wait while in the live queue, else
	 * ignored
	 */
	static WidgetStatus of(QueuedConversation conversation, String displayName, Integer csat, int position,
			Duration expectedWait) {
		ConversationState state = conversation.state();
		boolean live = state == ConversationState.WAITING_FOR_AGENT || state == ConversationState.WITH_AGENT;
		Long wait = null;
		Integer place = null;
		String mode = live ? ((conversation.handoffMode() != null) ? conversation.handoffMode() : "LIVE") : null;
		if (inLiveQueue(conversation) && expectedWait != null) {
			wait = Math.max(0, expectedWait.toSeconds());
			place = Math.max(1, position);
		}
		String agent = (state == ConversationState.WITH_AGENT || state == ConversationState.RESOLVED)
				? ((displayName != null) ? displayName : conversation.assignedAgent()) : null;
		return new WidgetStatus(state, mode, agent, wait, place, csat);
	}

	/**
	 * Whether the widget should show something different: the state, the agent, the mode,
	 * the rating, the place in the queue, or the expected wait in whole minutes.
	 */
	boolean differsFrom(WidgetStatus other) {
		return other == null || this.state != other.state || !java.util.Objects.equals(this.agentName, other.agentName)
				|| !java.util.Objects.equals(this.handoffMode, other.handoffMode)
				|| !java.util.Objects.equals(this.csat, other.csat)
				|| !java.util.Objects.equals(this.queuePosition, other.queuePosition)
				|| minutes(this.estimatedWaitSeconds) != minutes(other.estimatedWaitSeconds);
	}

	private static long minutes(Long seconds) {
		return (seconds == null) ? -1 : Math.max(1, Math.round(seconds / 60.0));
	}

}
