package dev.hearth.conversation;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.hearth.escalation.DraftWritten;

/**
 * Keeps a draft an approved LLM wrote for a handed-over conversation, for the agent who
 * takes it, in a transaction of its own on the drafting thread. Thread-safe.
 */
@Component
class DraftAttachment {

	private final Handoffs handoffs;

	DraftAttachment(Handoffs handoffs) {
		this.handoffs = handoffs;
	}

	@EventListener
	void on(DraftWritten draft) {
		this.handoffs.attachDraft(draft.conversation(), draft.endpoint(), draft.text());
	}

}
