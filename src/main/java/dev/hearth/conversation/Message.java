package dev.hearth.conversation;

import java.time.Instant;
import java.util.Map;

/**
 * A message of a conversation.
 *
 * @param seq its position in the conversation, from 1
 * @param role who wrote it
 * @param text what it says
 * @param replyTo for an assistant answer, the seq of the customer message it answers
 * @param answer for an assistant answer: decision, reason, confidence, FAQ id, citations
 * and timings
 * @param createdAt when it was stored
 * @param author for an agent's message, the agent's display name; otherwise {@code null}
 */
public record Message(int seq, MessageRole role, String text, Integer replyTo, Map<String, Object> answer,
		Instant createdAt, String author) {

	/**
	 * What an answer may show a customer: everything but the router's candidates, which
	 * may name internal FAQ entries.
	 */
	private static final java.util.Set<String> CUSTOMER_FIELDS = java.util.Set.of("decision", "reason", "confidence",
			"timings", "faqId", "answeredBy", "citations", "handoff", "options");

	/** This message with another text (e.g. masked for the viewer). */
	public Message withText(String text) {
		return new Message(this.seq, this.role, text, this.replyTo, this.answer, this.createdAt, this.author);
	}

	/** This message as the customer's widget sees it. */
	public Message forCustomer() {
		if (this.answer == null) {
			return this;
		}
		Map<String, Object> visible = new java.util.LinkedHashMap<>();
		this.answer.forEach((key, value) -> {
			if (CUSTOMER_FIELDS.contains(key)) {
				visible.put(key, value);
			}
		});
		if (!"ANSWERED".equals(visible.get("decision"))) {
			visible.remove("faqId");
		}
		return new Message(this.seq, this.role, this.text, this.replyTo, visible, this.createdAt, this.author);
	}

}
