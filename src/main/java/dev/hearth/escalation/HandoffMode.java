package dev.hearth.escalation;

/** How a conversation reaches a person. */
public enum HandoffMode {

	/** Into the live queue: an agent replies in the chat. */
	LIVE,
	/** Outside business hours or with no agent online: contact details and a ticket. */
	TICKET

}
