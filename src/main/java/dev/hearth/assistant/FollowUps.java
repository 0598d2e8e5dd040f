package dev.hearth.assistant;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Makes a follow-up question self-contained: "and how long does that take?" after "I want
 * a refund" is searched as both together. A question is a follow-up when it is short and
 * leans on what came before (starts with "and", "what about", ..., or points back with
 * "it", "that", "this", "there", ...). Thread-safe: stateless.
 */
final class FollowUps {

	private static final Pattern LEANS_BACK = Pattern
		.compile("^(and|but|also|so|then|what about|how about|and what|und|aber|und wie|was ist mit)\\b.*"
				+ "|.*\\b(it|that|this|those|these|them|they|there|its|one|same|doing so|do so|es|das|dies|dafür|dort)\\b.*");

	private static final int MAX_WORDS = 9;

	private FollowUps() {
	}

	/**
	 * The question to search for: the question itself, or the previous customer question
	 * and it.
	 */
	static String contextualise(String question, List<Turn> history) {
		String previous = null;
		for (int i = history.size() - 1; i >= 0; i--) {
			if (history.get(i).fromCustomer() && !history.get(i).text().isBlank()) {
				previous = history.get(i).text().strip();
				break;
			}
		}
		if (previous == null || !isFollowUp(question)) {
			return question.strip();
		}
		return previous + " " + question.strip();
	}

	static boolean isFollowUp(String question) {
		String text = question.strip().toLowerCase(Locale.ROOT);
		int words = text.isEmpty() ? 0 : text.split("\\s+").length;
		return words <= MAX_WORDS && LEANS_BACK.matcher(text).matches();
	}

}
