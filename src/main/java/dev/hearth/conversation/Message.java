package dev.hearth.conversation;

import java.time.Instant;

/**
 * A message of a conversation.
 *
 * @param seq its position in the conversation, from 1
 * @param role who wrote it
 * @param text what it says
 * @param replyTo for an assistant answer, the seq of the customer message it answers
 * @param answer for an assistant answer: decision, reason, confidence, FAQ id, citations
 * and timings; for a handoff notice: how it handed over; otherwise {@code null}
 * @param createdAt when it was stored
 * @param author for an agent's message, the agent's display name; otherwise {@code null}
 */
public record Message(int seq, MessageRole role, String text, Integer replyTo, MessageAnswer answer, Instant createdAt,
		String author) {

	/** This message with another text (e.g. masked for the viewer). */
	public Message withText(String text) {
		return new Message(this.seq, this.role, text, this.replyTo, this.answer, this.createdAt, this.author);
	}

	/**
	 * This message as the customer's widget sees it (see
	 * {@link MessageAnswer#forCustomer()}).
	 */
	public Message forCustomer() {
		if (this.answer == null) {
			return this;
		}
		return new Message(this.seq, this.role, this.text, this.replyTo, this.answer.forCustomer(), this.createdAt,
				this.author);
	}

}
