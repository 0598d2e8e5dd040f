package dev.hearth.conversation;

import dev.hearth.identity.SignedInUser;

/**
 * Who may read a conversation in the console and the agent API, one rule for both: a
 * supervisor or admin any conversation; an agent one that waits for an agent (so they can
 * decide to claim it) or that is assigned to them, never another agent's.
 */
public final class AgentAccess {

	private AgentAccess() {
	}

	/** Whether this user may read this conversation's transcript, draft and summary. */
	public static boolean mayRead(QueuedConversation conversation, SignedInUser user) {
		return user.supervisor() || conversation.state() == ConversationState.WAITING_FOR_AGENT
				|| user.username().equals(conversation.assignedAgent());
	}

}
