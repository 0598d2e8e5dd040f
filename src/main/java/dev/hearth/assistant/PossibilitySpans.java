package dev.hearth.assistant;

import java.util.regex.Pattern;

/**
 * A question that asks whether the customer can do something ("can I keep my landline
 * number", "is it possible to pause my TV?", "Kann ich meinen Vertrag kündigen?") is
 * answered by a sentence that says whether it can be done ("you can bring your landline
 * number too", "this isn't possible", "only at the end of your minimum term"), not by one
 * that only tells what to do next ("Keep your old landline service active until the port
 * is complete."). Within the chosen section the span moves to the best-scoring window of
 * the same passage that has such a sentence next to a word of the question, as for a
 * length of time ({@link FactSpans}); a section without one keeps its span, and so does a
 * span that says it already. Thread-safe: stateless.
 */
final class PossibilitySpans {

	/**
	 * The customer's own question asks whether something can be done: "can/could/may I"
	 * or "we", "is it possible", "am I able/allowed", and the German "kann/darf ich",
	 * "können/dürfen wir", "ist es möglich".
	 */
	private static final Pattern ASKS = Pattern.compile(
			"^\\W*(?:(?:hi|hello|hey|ok|okay|so|and|but|also)\\W+)*(?:can|could|may)\\s+(?:i|we)\\b"
					+ "|\\b(?:is it possible|would it be possible|am i able|are we able|am i allowed|are we allowed)\\b"
					+ "|^\\W*(?:(?:hallo|und|also)\\W+)*(?:kann|darf|könnte)\\s+(?:ich|man)\\b"
					+ "|^\\W*(?:(?:hallo|und|also)\\W+)*(?:können|dürfen)\\s+wir\\b|\\bist es möglich\\b",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	/**
	 * A sentence that says whether something can be done: a modal of possibility or
	 * permission followed by its verb, not by a subject as in a question ("you can
	 * bring", "Plus members cannot freeze"), "(not) possible", "able/allowed to", an
	 * answer that opens with yes or no, and their German forms.
	 */
	private static final Pattern SAYS = Pattern
		.compile("\\b(?:can(?:not|n't|'t|’t)?|could(?:n't|'t|’t)?|may)\\s+(?!(?:i|you|we|they|it|he|she)\\b)\\p{L}+"
				+ "|\\b(?:possible|able to|allowed to)\\b|^\\s*(?:yes|no)\\b|\\b(?:können|kann|möglich|dürfen|darf)\\b",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private PossibilitySpans() {
	}

	/**
	 * The pattern of a unit that says whether it can be done, or {@code null} when the
	 * customer's own question (its last sentence) does not ask so.
	 * @param question the self-contained question
	 */
	static Pattern asked(String question) {
		return ASKS.matcher(FactSpans.own(question)).find() ? SAYS : null;
	}

}
