package dev.hearth.assistant;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.hearth.knowledge.FaqEntry;

/**
 * What an FAQ entry is narrowed to: the words of its own question that at least half of
 * its examples repeat ("first" of "Why is my first bill higher than expected?", "code"
 * and "port" of the porting-code entry). The entry's authors wrote it for questions that
 * say them; a question that says none of them, when the runner-up shares the entry's
 * subject but never names them, may be the runner-up's broader case ("why is my bill
 * higher than last month?" is the price rise's, not the first bill's). Thread-safe:
 * stateless.
 */
final class NarrowEntries {

	/** The share of an entry's examples that repeat a word of its question. */
	static final double SHARE_OF_EXAMPLES = 0.5;

	private NarrowEntries() {
	}

	/**
	 * The content words of the entry's question that at least {@value #SHARE_OF_EXAMPLES}
	 * of its examples say; empty for an entry without examples or question.
	 */
	static Set<String> restrictions(FaqEntry entry) {
		Set<String> words = new LinkedHashSet<>();
		if (entry.question() == null || entry.question().isBlank() || entry.examples().isEmpty()) {
			return words;
		}
		for (String word : ContentWords.setOf(entry.question())) {
			long saying = entry.examples().stream().filter((e) -> ContentWords.setOf(e).contains(word)).count();
			if (saying >= SHARE_OF_EXAMPLES * entry.examples().size()) {
				words.add(word);
			}
		}
		return words;
	}

	/**
	 * The restrictions of {@code best} ({@link #restrictions}) that neither the question
	 * nor any phrasing of the runner-up (its question or examples) says, when the
	 * runner-up's phrasings say another of them: the two entries share a subject
	 * ("bill"), the best entry is narrowed to a case of it ("first") the runner-up never
	 * names, and the question never names it either. Empty when the runner-up is about
	 * another subject (the fibre prices say nothing of the bundle discount's "discount")
	 * or names every restriction too (the two porting entries both say "port", "code" and
	 * "number": neither is narrower).
	 * @param question the customer's words
	 */
	static Set<String> unsaid(String question, FaqEntry best, FaqEntry runnerUp) {
		Set<String> restrictions = restrictions(best);
		Set<String> runnerUpSays = ContentWords.setOf(FaqRouting.phrasings(runnerUp));
		if (restrictions.stream().noneMatch(runnerUpSays::contains)) {
			return new LinkedHashSet<>();
		}
		Set<String> unsaid = new LinkedHashSet<>(restrictions);
		unsaid.removeAll(runnerUpSays);
		unsaid.removeAll(ContentWords.setOf(question));
		return unsaid;
	}

}
