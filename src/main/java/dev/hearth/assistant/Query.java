package dev.hearth.assistant;

/**
 * A customer's question ready for answering: made self-contained with the conversation (a
 * follow-up carries the previous question) and embedded, once per turn.
 *
 * @param question what the customer wrote
 * @param text the self-contained question that is searched and embedded
 * @param vector the sentence embedding of {@code text}
 */
public record Query(String question, String text, float[] vector) {

	/** Whether {@code text} is the question itself, not a follow-up joined to another. */
	public boolean standalone() {
		return this.text.equals(this.question.strip());
	}

}
