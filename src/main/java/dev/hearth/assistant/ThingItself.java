package dev.hearth.assistant;

import java.util.Set;

import dev.hearth.knowledge.FaqEntry;

/**
 * A question about a thing itself against an FAQ entry about something done with it:
 * "what is an eSIM?" matches "How do I get and set up an eSIM?" with the router's full
 * confidence, because every phrasing of the entry names the eSIM; the page's section
 * headed "eSIM" says what one is. The evidence is in the words of three texts, no list of
 * verbs:
 * <ul>
 * <li>the section is about the thing: its own heading names nothing but words of the
 * question and of the entry's own question ("eSIM", "Your parental PIN", "Your TV Box
 * 4K"; a model number such as "4K" is part of the name, not a word to match);</li>
 * <li>the question asks about nothing else: its topic words
 * ({@link Answerability#topicWords}, without the words that ask for a whole set, "what
 * comes with") are all in the page's title and the section's path;</li>
 * <li>the entry is about more than the thing: its own question says a word the question
 * never says ("set" up, "reset", another box "for a second room").</li>
 * </ul>
 * A question that asks the action ("how do I switch my physical sim to an esim?") names a
 * word the section's path does not, or its span's heading names the action ("Switching
 * from a physical SIM"), which the entry's own question does not. Thread-safe: stateless.
 */
final class ThingItself {

	private ThingItself() {
	}

	/**
	 * Whether the span's section is about the thing the question asks about and the
	 * entry's own question is about something done with it (or a case of it).
	 * @param asked the customer's words
	 * @param entry the FAQ entry the router chose
	 * @param span the document span weighed against it
	 */
	static boolean sectionIsTheThing(String asked, FaqEntry entry, ExtractiveAnswers.Span span) {
		if (asked == null || span == null || span.heading() == null) {
			return false;
		}
		Set<String> topic = Answerability.topicWords(SetQuestions.withoutCue(asked));
		Set<String> heading = ContentWords.setOf(span.heading());
		heading.removeIf(ThingItself::hasDigit);
		if (topic.isEmpty() || heading.isEmpty()) {
			return false;
		}
		Set<String> own = ContentWords.setOf(entry.question());
		if (!topic.containsAll(heading) || !own.containsAll(heading)) {
			return false;
		}
		Set<String> page = ContentWords
			.setOf(Titles.clean(span.passage().hit().title()) + "\n" + span.passage().hit().sectionPath());
		if (!page.containsAll(topic)) {
			return false;
		}
		Set<String> said = ContentWords.setOf(asked);
		return own.stream().anyMatch((word) -> !said.contains(word));
	}

	private static boolean hasDigit(String word) {
		return word.chars().anyMatch(Character::isDigit);
	}

}
