package dev.hearth.assistant;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Two words the question writes side by side and a span writes side by side too, where
 * few passages of the knowledge base hold the two at all ("quietest times" in "what are
 * the quietest times to call customer service?" and "Our quietest times are weekday
 * mornings between 8:00 and 10:00"). The customer's own phrase, said by the author in the
 * same words and almost nowhere else, points at the sentence that answers, though the
 * question's whole vector meets the sentence's long section only loosely and BM25 ranks
 * the section below others that repeat the question's common words ("customer service",
 * "call"). Below the passage gate such a span is checked as a span above it is (ADR
 * 0078). Stateless.
 */
final class RarePhrases {

	/**
	 * At most this many passages may hold the phrase's two words: a phrase many texts
	 * share ("customer service", "direct debit") says which topic, not which sentence.
	 */
	static final int MAX_PASSAGES = 2;

	private RarePhrases() {
	}

	/**
	 * The pairs of adjacent content words of the question, as written and lower-cased, at
	 * least one of which is a topic word ({@link Answerability#topicWords}).
	 */
	static List<String> pairs(String question) {
		Set<String> topic = Answerability.topicWords(question);
		List<String> words = words(question);
		Set<String> pairs = new LinkedHashSet<>();
		for (int i = 0; i + 1 < words.size(); i++) {
			List<String> first = ContentWords.of(words.get(i));
			List<String> second = ContentWords.of(words.get(i + 1));
			if (first.size() == 1 && second.size() == 1
					&& (topic.contains(first.get(0)) || topic.contains(second.get(0)))) {
				pairs.add(words.get(i) + " " + words.get(i + 1));
			}
		}
		return List.copyOf(pairs);
	}

	/**
	 * Whether the text writes the pair's two words side by side, in the same order, in
	 * the same forms as stems ("quiet time" says "quietest times" only where the stems
	 * agree).
	 */
	static boolean saidIn(String pair, String text) {
		String[] two = pair.split(" ");
		String first = ContentWords.stem(two[0]);
		String second = ContentWords.stem(two[1]);
		List<String> words = words(text);
		for (int i = 0; i + 1 < words.size(); i++) {
			if (ContentWords.stem(words.get(i)).equals(first) && ContentWords.stem(words.get(i + 1)).equals(second)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the span says a pair of the question's adjacent words that at least one and
	 * at most {@link #MAX_PASSAGES} passages hold.
	 * @param passagesHolding in how many passages a phrase's words occur together
	 */
	static boolean sharedRarely(String question, String span, ToIntFunction<String> passagesHolding) {
		for (String pair : pairs(question)) {
			if (saidIn(pair, span)) {
				int holding = passagesHolding.applyAsInt(pair);
				if (holding >= 1 && holding <= MAX_PASSAGES) {
					return true;
				}
			}
		}
		return false;
	}

	private static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		for (String word : Answerability.prose(text).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}'’-]+")) {
			if (!word.isEmpty()) {
				words.add(word);
			}
		}
		return words;
	}

}
