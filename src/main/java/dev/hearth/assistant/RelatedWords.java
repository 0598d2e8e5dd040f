package dev.hearth.assistant;

import java.util.Collection;
import java.util.function.Function;

import dev.hearth.knowledge.Vectors;

/**
 * Whether a text names one of a question's words in a word of its own that means the same
 * ("kids" and "children", "film" and "movie", "night" and "evening"): the cosine
 * similarity of the two words' embeddings, each word embedded alone, reaches
 * {@code minSimilarity}. The text's words are the knowledge base's, embedded once and
 * kept ({@link KnowledgeTextEmbeddings}); the question's word is embedded for the call
 * and not kept. Measured single words of all-MiniLM-L6-v2: synonyms 0.79–0.86, related
 * but different words 0.4–0.7 ("internet" and "broadband" 0.65, "netflix" and "tv" 0.58),
 * which is why the bar is high (ADR 0056). Thread-safe when the embedding functions are.
 */
final class RelatedWords {

	/** Never related: every word must be named as it is. */
	static final RelatedWords NONE = new RelatedWords(null, null, 0);

	private final Function<String, float[]> questionWords;

	private final Function<String, float[]> textWords;

	private final double minSimilarity;

	/**
	 * @param questionWords embeds a question's word (not kept)
	 * @param textWords embeds a knowledge-base word (may be kept)
	 * @param minSimilarity the least cosine similarity of two related words, above 0 and
	 * at most 1; 0 turns relatedness off
	 */
	RelatedWords(Function<String, float[]> questionWords, Function<String, float[]> textWords, double minSimilarity) {
		if (!(minSimilarity >= 0 && minSimilarity <= 1)) {
			throw new IllegalArgumentException("minSimilarity must be between 0 and 1, got " + minSimilarity);
		}
		this.questionWords = questionWords;
		this.textWords = textWords;
		this.minSimilarity = minSimilarity;
	}

	/** Whether relatedness is on. */
	boolean enabled() {
		return this.minSimilarity > 0 && this.questionWords != null && this.textWords != null;
	}

	/**
	 * Whether one of {@code words} (a text's words as written) means what {@code word} (a
	 * question's word as written) means; always {@code false} when not
	 * {@link #enabled()}.
	 */
	boolean named(String word, Collection<String> words) {
		if (!enabled() || words.isEmpty()) {
			return false;
		}
		float[] asked = this.questionWords.apply(word);
		for (String candidate : words) {
			if (Vectors.cosine(asked, this.textWords.apply(candidate)) >= this.minSimilarity) {
				return true;
			}
		}
		return false;
	}

}
