package dev.hearth.conversation;

/** Who wrote a message of a conversation. */
public enum MessageRole {

	/** The customer, in the widget. */
	CUSTOMER,
	/** Hearth's answer (from the knowledge base, or an approved LLM in its place). */
	ASSISTANT,
	/** An agent, from the console or the agent API. */
	AGENT,
	/** A notice from Hearth: a handoff, a ticket, a status change. */
	SYSTEM

}
