package dev.hearth.assistant;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The question's key words that a document span leaves out: a topic word of the question
 * ({@link Answerability#topicWords}) that is not around the span (its document title,
 * section path or text) although the knowledge base uses it, and rarely (in at most
 * {@code maxShare} of its passages). Such a word names what the question is about more
 * precisely than the words the span shares with it: "Can I renew my license
 * <em>online</em>?" is not answered by a section on renewing at an office when "online"
 * is on other pages. A word the knowledge base never uses says nothing (a typo, a word of
 * the customer's own case, small talk), and a common one ("benefits" on a benefits site)
 * is no key. Words with an apostrophe ("doesn't") are not weighed: documents spell them
 * out. Thread-safe: stateless.
 */
final class KeyWords {

	/** A word as the customer wrote it: letters and digits, inner apostrophes. */
	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}\\p{N}]+)*");

	private KeyWords() {
	}

	/**
	 * The question's topic words, as written (lower case), that are not around the span:
	 * the words whose rarity decides ({@link #rareMissing}).
	 * @param question the self-contained question
	 * @param context the span with its heading, section path and document title
	 * ({@link ExtractiveAnswers.Span#context()})
	 */
	static Set<String> missing(String question, String context) {
		Set<String> topic = Answerability.topicWords(question);
		Set<String> present = ContentWords.setOf(context);
		Set<String> missing = new LinkedHashSet<>();
		Matcher words = WORD.matcher(Answerability.prose(question).toLowerCase(Locale.ROOT));
		while (words.find()) {
			String word = words.group();
			if (word.indexOf('\'') >= 0 || word.indexOf('’') >= 0) {
				continue;
			}
			Set<String> stems = ContentWords.setOf(word);
			if (stems.size() == 1) {
				String stem = stems.iterator().next();
				if (topic.contains(stem) && !present.contains(stem)) {
					missing.add(word);
				}
			}
		}
		return missing;
	}

	/**
	 * The first of the missing words that the knowledge base holds in more than none and
	 * at most {@code maxShare} of its passages, or {@code null} when there is none.
	 * @param shares the share of passages holding each missing word (absent: unknown, not
	 * weighed)
	 * @param maxShare the largest share that still makes a word a key word; 0 for none
	 */
	static String rareMissing(Set<String> missing, Map<String, Double> shares, double maxShare) {
		if (!(maxShare >= 0 && maxShare <= 1)) {
			throw new IllegalArgumentException("maxShare must be between 0 and 1, got " + maxShare);
		}
		for (String word : missing) {
			Double share = shares.get(word);
			if (share != null && share > 0 && share <= maxShare) {
				return word;
			}
		}
		return null;
	}

	/** The missing words with their shares, for benchmarks' rows. */
	static Map<String, Double> weighed(Set<String> missing, Map<String, Double> shares) {
		Map<String, Double> weighed = new LinkedHashMap<>();
		missing.forEach((word) -> weighed.put(word, shares.getOrDefault(word, 0.0)));
		return weighed;
	}

}
