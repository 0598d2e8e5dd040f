package dev.hearth.assistant;

/**
 * A customer's question ready for answering: made self-contained with the conversation (a
 * follow-up carries the previous question) and embedded, once per turn.
 *
 * @param question what the customer wrote
 * @param text the self-contained question that is searched and embedded
 * @param vector the sentence embedding of {@code text}
 * @param embedMillis how long embedding took (the answer's {@code timings.embed})
 */
public record Query(String question, String text, float[] vector, long embedMillis) {

	/** A query whose embedding was not timed. */
	public Query(String question, String text, float[] vector) {
		this(question, text, vector, 0);
	}

	/** Whether {@code text} is the question itself, not a follow-up joined to another. */
	public boolean standalone() {
		return this.text.equals(this.question.strip());
	}

}
