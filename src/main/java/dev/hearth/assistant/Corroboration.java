package dev.hearth.assistant;

import java.util.Set;

/**
 * Whether a document span says what an FAQ entry's answer says: most of the span's
 * content words are in the answer. Two retrievers that look at different texts (the
 * router at the entries' phrasings, the document search at the documents) and land on the
 * same fact are evidence that neither alone gives when each is below its own threshold.
 * Thread-safe: stateless.
 */
final class Corroboration {

	/**
	 * The least number of the span's content words the answer must hold: a span of two
	 * words is no evidence.
	 */
	static final int MIN_WORDS = 3;

	private final double minShare;

	private final int minWords;

	/**
	 * @param minShare the least share of the span's content words the answer must hold; 0
	 * turns corroboration off
	 * @param minWords the least number of the span's content words the answer must hold
	 */
	Corroboration(double minShare, int minWords) {
		if (!(minShare >= 0 && minShare <= 1)) {
			throw new IllegalArgumentException("minShare must be between 0 and 1, got " + minShare);
		}
		if (minWords < 1) {
			throw new IllegalArgumentException("minWords must be at least 1, got " + minWords);
		}
		this.minShare = minShare;
		this.minWords = minWords;
	}

	boolean enabled() {
		return this.minShare > 0;
	}

	/**
	 * @param answer an FAQ entry's answer
	 * @param span the text of a document span (without its heading)
	 */
	boolean corroborates(String answer, String span) {
		if (!enabled()) {
			return false;
		}
		Set<String> spanWords = ContentWords.setOf(span);
		if (spanWords.isEmpty()) {
			return false;
		}
		if (saysVerbatim(answer, span)) {
			return true;
		}
		Set<String> answerWords = ContentWords.setOf(answer);
		long shared = spanWords.stream().filter(answerWords::contains).count();
		return shared >= this.minWords && shared >= this.minShare * spanWords.size();
	}

	/**
	 * Whether the answer says the span word for word: every sentence of it, whole (a span
	 * of one short sentence, "We don't have shops.", has too few words to be compared by
	 * share, but the same sentence in both texts is the same statement).
	 */
	static boolean saysVerbatim(String answer, String span) {
		String said = AnswerGrade.normalise(span).strip();
		return !said.isEmpty() && span.strip().matches("(?s).*[.!?]") && AnswerGrade.normalise(answer).contains(said);
	}

}
