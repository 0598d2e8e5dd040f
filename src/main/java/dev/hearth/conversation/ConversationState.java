package dev.hearth.conversation;

/**
 * Where a conversation is. Changed only by the explicit transitions of {@link Handoffs}.
 */
public enum ConversationState {

	/** The bot answers. */
	BOT,
	/** Handed over, in the agents' queue. */
	WAITING_FOR_AGENT,
	/** An agent has claimed it and answers. */
	WITH_AGENT,
	/** An agent resolved it. */
	RESOLVED,
	/** The customer left while waiting. */
	ABANDONED,
	/** Closed for good. */
	CLOSED

}
