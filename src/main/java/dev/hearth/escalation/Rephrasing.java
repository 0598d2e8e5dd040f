package dev.hearth.escalation;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.ai.embedding.EmbeddingModel;

/**
 * Counts how often a customer has already asked what they ask now: an earlier message
 * counts when its sentence embedding is close to this one's (cosine at least
 * {@value #COSINE}) or when most of its content words are the same (Jaccard at least
 * {@value #JACCARD}). Messages of fewer than three words ("yes", "thanks") never count.
 * Thread-safe if the embedding model is.
 */
final class Rephrasing {

	static final double COSINE = 0.8;

	static final double JACCARD = 0.6;

	private static final Set<String> STOP = Set.of("a", "an", "the", "i", "me", "my", "you", "your", "is", "are", "do",
			"does", "can", "how", "what", "why", "when", "where", "to", "of", "in", "on", "for", "it", "this", "that",
			"and", "or", "please", "again", "still", "ich", "mein", "meine", "ist", "wie", "was", "der", "die", "das",
			"und", "bitte", "noch", "mal", "nochmal");

	private final EmbeddingModel embeddings;

	/**
	 * @param embeddings the sentence embedding model, or null to compare words only
	 */
	Rephrasing(EmbeddingModel embeddings) {
		this.embeddings = embeddings;
	}

	/** How many of {@code earlier} ask the same as {@code question}. */
	int repeats(String question, List<String> earlier) {
		Set<String> words = contentWords(question);
		if (wordCount(question) < 3 || earlier.isEmpty()) {
			return 0;
		}
		List<String> candidates = earlier.stream().filter((e) -> wordCount(e) >= 3).toList();
		if (candidates.isEmpty()) {
			return 0;
		}
		// the words first; the model (on the customer's turn, so not for nothing) only
		// for what they miss
		List<String> unmatched = candidates.stream()
			.filter((candidate) -> jaccard(words, contentWords(candidate)) < JACCARD)
			.toList();
		int repeats = candidates.size() - unmatched.size();
		if (this.embeddings != null && !unmatched.isEmpty()) {
			List<String> all = new java.util.ArrayList<>(unmatched);
			all.add(question);
			List<float[]> vectors = this.embeddings.embed(all);
			float[] target = vectors.get(vectors.size() - 1);
			for (int i = 0; i < unmatched.size(); i++) {
				if (Cosine.of(target, vectors.get(i)) >= COSINE) {
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
