package dev.hearth.assistant;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.hearth.knowledge.Sentences;

/**
 * The sentences of an answer already given that state the fact a follow-up asks, when the
 * follow-up names nothing but the kind of fact: "how much is it?", "what does it cost?",
 * "how long does that take?" after an answer ask that fact of what the answer was about,
 * and when the answer stated it, the customer is told it again, on its own. Without this
 * the entry that answered is never given again (a follow-up is not answered with the
 * answer it follows) and the documents answer with what the previous question's words
 * found, a sentence about another fact of the same thing ("Online bills are free." for
 * "how much is it?" after the paper bill's entry said "a paper bill by post costs €2 per
 * month"). A follow-up with topic words of its own ("how long does it take to activate?")
 * asks the fact of a part the answer may not be about, and is left to the search.
 * Thread-safe: stateless.
 */
final class RestatedFacts {

	/** Sentences said again, at most: the asked fact, not the answer once more. */
	static final int MAX_SENTENCES = 2;

	private RestatedFacts() {
	}

	/**
	 * The sentences (at most {@value #MAX_SENTENCES}, in their order) of the answer that
	 * hold a kind of fact the follow-up asks ({@link Answerability#factsAsked}), when it
	 * asks at least one, has no topic words of its own ({@link Answerability#topicWords})
	 * and every kind it asks is held by one of them; empty otherwise, and when they would
	 * be the whole answer again.
	 * @param own the customer's own words
	 * @param answer the answer already given (an FAQ entry's)
	 */
	static Optional<String> of(String own, String answer) {
		return Answerability.topicWords(own).isEmpty() ? stating(own, answer) : Optional.empty();
	}

	/**
	 * As {@link #of(String, String)} for a follow-up read with the conversation, whose
	 * words may name what the answer said ("Home phone numbers how long does it take?"):
	 * only its topic words that the answer never says count as its own.
	 * @param asked the follow-up's last sentence as searched
	 * @param answer the answer already given (an FAQ entry's or a document span)
	 */
	static Optional<String> ofRead(String asked, String answer) {
		Set<String> own = new HashSet<>(Answerability.topicWords(asked));
		own.removeAll(ContentWords.setOf(answer));
		return own.isEmpty() ? stating(asked, answer) : Optional.empty();
	}

	private static Optional<String> stating(String own, String answer) {
		List<Pattern> facts = Answerability.factsAsked(own);
		if (facts.isEmpty()) {
			return Optional.empty();
		}
		List<String> units = units(YesNoQuestions.withoutAffirmation(answer));
		List<String> stating = new ArrayList<>();
		for (String unit : units) {
			if (facts.stream().anyMatch((fact) -> fact.matcher(unit).find())) {
				stating.add(unit.strip());
			}
		}
		List<String> said = stating.subList(0, Math.min(MAX_SENTENCES, stating.size()));
		boolean every = facts.stream().allMatch((fact) -> said.stream().anyMatch((unit) -> fact.matcher(unit).find()));
		// an answer that is all fact would be given again word for word, which a
		// follow-up never is (ADR 0025): "and how long does that take?" after "Refunds
		// reach your account within 5 working days."
		boolean whole = said.size() == units.size();
		return (said.isEmpty() || !every || whole) ? Optional.empty() : Optional.of(String.join(" ", said));
	}

	/** The text's sentences, a line (a list item) never joined to the next. */
	private static List<String> units(String text) {
		return text.lines()
			.flatMap((line) -> Sentences.of(line, Locale.ROOT).stream())
			.filter((unit) -> !unit.isBlank())
			.toList();
	}

}
