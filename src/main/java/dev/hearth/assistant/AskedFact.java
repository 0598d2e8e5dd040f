package dev.hearth.assistant;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.hearth.knowledge.Sentences;

/**
 * Whether a text states the fact a question asks about the thing it asks it of: one
 * sentence or list item that holds the kind of fact asked (an amount for "how much", a
 * time for "how long", digits for "which number"; {@link Answerability#factsAsked}) and
 * names a topic word of the question. An amount somewhere in a text is not the amount
 * asked for: the fibre prices entry states the plans' prices, and its sentence about the
 * Mesh Pod has none, so it does not state what "how much is it to add a mesh pod?" asks,
 * while the span "Mesh Pod: €4 per month each." does (ADR 0065).
 * <p>
 * Thread-safe: stateless.
 */
final class AskedFact {

	private AskedFact() {
	}

	/**
	 * Whether every kind of fact the question asks is stated in a sentence of the text
	 * that names one of the question's topic words; {@code true} when it asks none.
	 * @param asked the self-contained question (its topic words)
	 * @param own the customer's own words (the kind of fact they ask)
	 * @param text the text that would answer
	 */
	static boolean statedIn(String asked, String own, String text) {
		return statedIn(Answerability.factsAsked(own), Answerability.topicWords(asked), text);
	}

	/**
	 * Whether the span states the fact asked about the thing asked and the answer does
	 * not: the span then says what the question wants and the answer only what it is
	 * near.
	 * @param asked the self-contained question
	 * @param own the customer's own words
	 * @param answer an FAQ entry's answer
	 * @param span a document span's text
	 */
	static boolean onlyInSpan(String asked, String own, String answer, String span) {
		List<Pattern> facts = Answerability.factsAsked(own);
		if (facts.isEmpty()) {
			return false;
		}
		Set<String> topic = Answerability.topicWords(asked);
		return statedIn(facts, topic, span) && !statedIn(facts, topic, answer);
	}

	private static boolean statedIn(List<Pattern> facts, Set<String> topic, String text) {
		if (facts.isEmpty()) {
			return true;
		}
		List<String> units = units(text);
		for (Pattern fact : facts) {
			boolean stated = units.stream()
				.anyMatch((unit) -> fact.matcher(unit).find() && TopicWords.shareAny(topic, unit));
			if (!stated) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The text's sentences, a line (a list item, a table row) never joined to the next.
	 */
	private static List<String> units(String text) {
		return text.lines().flatMap((line) -> Sentences.of(line, Locale.ROOT).stream()).toList();
	}

}
