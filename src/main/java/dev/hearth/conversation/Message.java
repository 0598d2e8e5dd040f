package dev.hearth.conversation;

import java.time.Instant;
import java.util.function.UnaryOperator;

import dev.hearth.assistant.Decision;

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
	 * This message for staff, its text masked by {@code mask} (regulated data the
	 * viewer's roles may not see) unless it is the knowledge base's own text: an answer
	 * the assistant took verbatim from an FAQ entry or a document, which the customer was
	 * shown as it is. The company's own phone numbers and addresses in it are no
	 * customer's data, and an agent must see what the customer saw.
	 * @param mask the viewer's masking
	 */
	public Message maskedFor(UnaryOperator<String> mask) {
		return fromKnowledgeBase() ? this : withText(mask.apply(this.text));
	}

	private boolean fromKnowledgeBase() {
		return this.role == MessageRole.ASSISTANT && this.answer != null && this.answer.decision() == Decision.ANSWERED
				&& ("faq".equals(this.answer.answeredBy()) || "extractive".equals(this.answer.answeredBy()));
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
