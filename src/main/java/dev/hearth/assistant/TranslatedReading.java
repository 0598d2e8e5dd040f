package dev.hearth.assistant;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * Which of two readings of a question in a language the embedding model does not
 * understand answers it better: the question as written, answered from content in its own
 * language, or the question translated word by word ({@link QueryTranslation}), answered
 * from content in the model's language (ADR 0074). With an English model, any German text
 * resembles the few German entries and pages more than any English one, so a German
 * question is answered by a German entry of another topic ("Gibt es Rabatt, wenn ich
 * Internet und Handy bei euch habe?" by the fault-report entry, for "Internet") before
 * its translation is ever asked.
 *
 * <p>
 * Both answers are read in the one language the translated question is written in: an
 * answer names a word of the question when it holds the word, or, for the answer in the
 * question's language, when one of its words has that word among its dictionary senses
 * ({@link QueryTranslation#senses}, every sense, so that it is never read as naming less
 * than it does). Each content word of the translated question counts by how few passages
 * hold it ({@link #weights}), so that the thing asked outweighs the words of its context.
 * The translated reading wins only when its answer names more of that weight than the
 * answer in the question's own language and is not that answer's own counterpart
 * ({@link #counterpart}): an answer that names what was asked stays, whatever its
 * language. Plain Java. Thread-safe: stateless.
 */
final class TranslatedReading {

	private static final Pattern WORD = Pattern.compile("[^\\p{L}\\p{N}']+");

	private TranslatedReading() {
	}

	/**
	 * Whether the answer to the translated question names more of it than the answer in
	 * the question's language, each word counted by how few passages of the model's
	 * language hold it.
	 * @param asked the translated question's words with their weights ({@link #weights})
	 * @param ownSenses what the answer in the question's language names, in the model's
	 * language
	 * @param translatedAnswer what the answer to the translated question says (an FAQ
	 * entry's question, phrasings and answer; a passage's heading and text)
	 */
	static boolean better(Map<String, Double> asked, Set<String> ownSenses, String translatedAnswer) {
		return named(asked, ContentWords.setOf(translatedAnswer)) > named(asked, ownSenses);
	}

	/**
	 * Whether the answer to the translated question is the other answer's counterpart in
	 * the model's language: at least half of its numbers are the other's. Numbers are
	 * written alike in both languages, and two answers that state the same numbers state
	 * the same facts (a company that writes an entry in both languages), so the answer in
	 * the customer's language stays, whichever names more of the question's words.
	 */
	static boolean counterpart(String own, String translatedAnswer) {
		Set<String> theirs = new LinkedHashSet<>(Answerability.numbers(translatedAnswer));
		if (theirs.isEmpty()) {
			return false;
		}
		Set<String> ours = new LinkedHashSet<>(Answerability.numbers(own));
		long shared = theirs.stream().filter(ours::contains).count();
		return 2 * shared >= theirs.size();
	}

	/**
	 * The content words of a question, each weighing the inverse of the number of
	 * passages that hold it: the word that tells what is asked ("discount") is the one
	 * few texts use, the words of its context ("fibre", "mobile") are everywhere. A word
	 * no passage holds weighs nothing: no answer in the model's language can name it, and
	 * it is most often a translation's wrong sense. A word the translation's grammar
	 * table put there ("must" of "muss") names nothing and is not counted.
	 */
	static Map<String, Double> weights(String question, ToIntFunction<String> passagesHolding) {
		Map<String, Double> weights = new LinkedHashMap<>();
		for (String word : WORD.split(question.toLowerCase(Locale.ROOT))) {
			List<String> content = ContentWords.of(word);
			if (content.isEmpty() || QueryTranslation.GRAMMAR.contains(word)) {
				continue;
			}
			int passages = passagesHolding.applyAsInt(word);
			double weight = (passages > 0) ? 1.0 / passages : 0;
			weights.merge(content.get(0), weight, Math::max);
		}
		return weights;
	}

	/** How much of the asked words' weight the text names. */
	static double named(Map<String, Double> asked, Set<String> named) {
		double sum = 0;
		for (Map.Entry<String, Double> word : asked.entrySet()) {
			if (named.contains(word.getKey())) {
				sum += word.getValue();
			}
		}
		return sum;
	}

}
