package dev.hearth.escalation;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.hearth.assistant.CustomerTurn;
import dev.hearth.assistant.Query;
import dev.hearth.knowledge.Vectors;

/**
 * Counts how often a customer has already asked what they ask now: an earlier message
 * counts when most of its content words are the same (Jaccard at least {@value #JACCARD})
 * or when its sentence embedding, stored when it was asked, is close to this one's
 * (cosine at least {@value #COSINE}). Embeddings are compared only between questions that
 * stand alone: a follow-up's embedding includes the question it follows, so it would look
 * like a repeat of it. Nothing is embedded here. Messages of fewer than three words
 * ("yes", "thanks") never count. Thread-safe: stateless.
 */
final class Rephrasing {

	static final double COSINE = 0.8;

	static final double JACCARD = 0.6;

	private static final Set<String> STOP = Set.of("a", "an", "the", "i", "me", "my", "you", "your", "is", "are", "do",
			"does", "can", "how", "what", "why", "when", "where", "to", "of", "in", "on", "for", "it", "this", "that",
			"and", "or", "please", "again", "still", "ich", "mein", "meine", "ist", "wie", "was", "der", "die", "das",
			"und", "bitte", "noch", "mal", "nochmal");

	/**
	 * How many of {@code earlier} ask the same as {@code question}.
	 * @param query the question made self-contained and embedded, or {@code null} to
	 * compare words only
	 */
	int repeats(String question, Query query, List<CustomerTurn.EarlierQuestion> earlier) {
		Set<String> words = contentWords(question);
		if (wordCount(question) < 3 || earlier.isEmpty()) {
			return 0;
		}
		List<CustomerTurn.EarlierQuestion> candidates = earlier.stream()
			.filter((e) -> wordCount(e.text()) >= 3)
			.toList();
		if (candidates.isEmpty()) {
			return 0;
		}
		// the words first; the stored embeddings only for what they miss
		List<CustomerTurn.EarlierQuestion> unmatched = candidates.stream()
			.filter((candidate) -> jaccard(words, contentWords(candidate.text())) < JACCARD)
			.toList();
		int repeats = candidates.size() - unmatched.size();
		if (query != null && query.standalone()) {
			for (CustomerTurn.EarlierQuestion candidate : unmatched) {
				if (candidate.vector() != null && candidate.standalone()
						&& Vectors.cosine(query.vector(), candidate.vector()) >= COSINE) {
					repeats++;
				}
			}
		}
		return repeats;
	}

	private static int wordCount(String text) {
		return text.strip().isEmpty() ? 0 : text.strip().split("\\s+").length;
	}

	static Set<String> contentWords(String text) {
		String folded = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
		Set<String> words = new HashSet<>();
		for (String word : folded.split("[^\\p{L}\\p{N}]+")) {
			if (word.length() > 1 && !STOP.contains(word)) {
				words.add(word.endsWith("s") && word.length() > 3 ? word.substring(0, word.length() - 1) : word);
			}
		}
		return words;
	}

	private static double jaccard(Set<String> a, Set<String> b) {
		if (a.isEmpty() || b.isEmpty()) {
			return 0;
		}
		Set<String> union = new HashSet<>(a);
		union.addAll(b);
		long common = a.stream().filter(b::contains).count();
		return (double) common / union.size();
	}

}
