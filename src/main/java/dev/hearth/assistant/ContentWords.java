package dev.hearth.assistant;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a text that carry meaning: lower-cased, stop words dropped, a light suffix
 * stemmer so that "refunds" meets "refund" and "cancelled" meets "cancel". English and
 * German stop words. Thread-safe: stateless.
 */
final class ContentWords {

	private static final Set<String> STOP = Set.copyOf(List.of("a", "about", "above", "after", "again", "all", "am",
			"an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between",
			"both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for",
			"from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i",
			"if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor",
			"not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own", "same",
			"she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "then", "there",
			"these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we",
			"were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you",
			"your", "yours", "yourself", "please", "hi", "hello", "thanks", "thank", "want", "need", "get", "tell",
			"know", "like", "let", "also", "much", "many", "there's", "it's", "i'm", "i'd", "i've", "don't", "can't",
			"der", "die", "das", "und", "ist", "ich", "sie", "es", "ein", "eine", "einen", "zu", "mit", "wie", "was",
			"den", "dem", "des", "im", "in", "auf", "für", "von", "mein", "meine", "ihr", "ihre", "wir", "nicht",
			"kann", "ich", "bei", "oder", "wann", "wo"));

	private ContentWords() {
	}

	static List<String> of(String text) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		String lower = text.toLowerCase(Locale.ROOT);
		for (int i = 0; i <= lower.length(); i++) {
			char c = (i < lower.length()) ? lower.charAt(i) : ' ';
			if (Character.isLetterOrDigit(c) || (c == '\'' && word.length() > 0)) {
				word.append(c);
			}
			else if (word.length() > 0) {
				String w = word.toString();
				word.setLength(0);
				if (!STOP.contains(w) && (w.length() > 1 || Character.isDigit(w.charAt(0)))) {
					words.add(stem(w));
				}
			}
		}
		return words;
	}

	static Set<String> setOf(String text) {
		return new LinkedHashSet<>(of(text));
	}

	static String stem(String word) {
		if (word.length() <= 3 || Character.isDigit(word.charAt(0))) {
			return word;
		}
		String w = word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
		for (String suffix : new String[] { "ations", "ation", "ings", "ing", "ies", "ied", "edly", "ed", "es", "ly",
				"s" }) {
			if (w.endsWith(suffix) && w.length() - suffix.length() >= 3) {
				String stem = w.substring(0, w.length() - suffix.length());
				if (suffix.equals("ies") || suffix.equals("ied")) {
					stem = stem + "y";
				}
				if (stem.length() > 3 && stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2)
						&& (suffix.equals("ed") || suffix.equals("ing"))) {
					stem = stem.substring(0, stem.length() - 1);
				}
				return stem;
			}
		}
		return w;
	}

}
