package dev.hearth.assistant;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a follow-up's pronoun stands for: "can I cancel it anytime?" after an answer about
 * the TV packages asks about them, not about cancelling in general. The subject is the
 * topic words of the customer's previous question that the previous answer also says (the
 * thing both turns were about; the question's other words, "how much", "included", asked
 * something of it), or all its topic words when the answer says none of them. An FAQ
 * entry answers the follow-up only when it speaks of the subject, names one of its words:
 * an entry the follow-up's own words match that says nothing of what "it" stands for
 * answers another question. Only a pronoun in place of the thing asked about counts
 * ("does it work over wifi?", "can I cancel it?"); one after a preposition ("I was
 * charged twice for that") says what the question's own topic concerns, and a question
 * that names its thing ("does the TV Box work over wifi?") has no referred subject.
 * Thread-safe: stateless.
 */
final class ReferredSubject {

	/**
	 * A pronoun that stands for a thing said before: "it", "that", "this", "they",
	 * "them", "es", "das" and their like.
	 */
	private static final Pattern PRONOUN = Pattern
		.compile("\\b(it|that|this|they|them|those|these|es|das|dies|diese|dieser|dieses)\\b");

	/**
	 * A preposition before a pronoun: "charged twice for that", "do I need wifi for
	 * that?". The pronoun then says what the question's own topic concerns, an adjunct;
	 * the question is about its own words, not about the thing said before.
	 */
	private static final Set<String> PREPOSITIONS = Set.of("for", "with", "about", "on", "in", "to", "of", "from", "by",
			"at", "after", "before", "into", "over", "without", "through", "under", "für", "mit", "über", "von", "zu",
			"bei", "nach", "ohne");

	/**
	 * A pronoun as the subject of the question or of its clause: after an auxiliary verb
	 * ("does it work", "how long does that take", "is that on a contract"), after "if" or
	 * "when" ("what if it breaks"), or after the verb a German question starts with
	 * ("Kostet das etwas?").
	 */
	private static final Pattern AS_SUBJECT = Pattern
		.compile("\\b(is|are|was|were|does|do|did|will|would|can|could|should"
				+ "|has|have|isn't|aren't|doesn't|don't|won't|can't|wouldn't|if|when)\\s+(it|that|this|they|these|those)\\b"
				+ "|^\\p{L}+\\s+(es|das|dies)\\b");

	/**
	 * "this month", "these days": the present time, not a thing said before.
	 */
	private static final Pattern NOT_A_THING = Pattern
		.compile("\\b(this|that|these) (morning|afternoon|evening|week|weekend|month|year|quarter|days|time)\\b");

	private ReferredSubject() {
	}

	/**
	 * The topic words of what the follow-up's pronoun stands for; empty when the question
	 * points back by no pronoun, or the conversation has no previous question with topic
	 * words.
	 * @param question the customer's follow-up
	 * @param history the conversation before it, oldest first
	 */
	static Optional<Set<String>> of(String question, List<Turn> history) {
		if (!pointsBack(question)) {
			return Optional.empty();
		}
		String previous = FollowUps.previousQuestion(history);
		if (previous == null) {
			return Optional.empty();
		}
		Set<String> topic = Answerability.topicWords(previous);
		if (topic.isEmpty()) {
			return Optional.empty();
		}
		Set<String> said = ContentWords.setOf(FollowUps.previousAnswer(history));
		Set<String> subject = new LinkedHashSet<>(topic);
		subject.retainAll(said);
		return Optional.of(Set.copyOf(subject.isEmpty() ? topic : subject));
	}

	/**
	 * Whether a short question ({@link FollowUps#isFollowUp}) has a pronoun in place of
	 * the thing it asks about: as its subject or object ("does it work over wifi?", "can
	 * I cancel it?"), not after a preposition ("I was charged twice for that").
	 */
	static boolean pointsBack(String question) {
		if (!FollowUps.isFollowUp(question)) {
			return false;
		}
		String text = NOT_A_THING.matcher(question.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
		Matcher pronoun = PRONOUN.matcher(text);
		while (pronoun.find()) {
			String before = text.substring(0, pronoun.start()).strip();
			String word = before.substring(before.lastIndexOf(' ') + 1);
			if (!PREPOSITIONS.contains(word)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the question has a pronoun that may stand for a thing said before,
	 * anywhere, after a preposition too ("is a Mesh Pod included with that?"); "this
	 * month" is no such pronoun.
	 */
	static boolean mentionsPronoun(String question) {
		String text = NOT_A_THING.matcher(question.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
		return PRONOUN.matcher(text).find();
	}

	/**
	 * Whether the pronoun is the subject of the question ({@link #pointsBack}, as
	 * {@link #AS_SUBJECT} reads it): what the follow-up's own words ask then has no
	 * subject at all ("does it work on mobile data too?"), and an entry they match alone
	 * is about something else. With the customer as the subject ("and can I pay that by
	 * card?") the own words are a question of their own, which an entry may answer.
	 */
	static boolean asSubject(String question) {
		String text = NOT_A_THING.matcher(question.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
		return pointsBack(question) && AS_SUBJECT.matcher(text).find();
	}

	/** Whether the text speaks of the subject: names at least one of its words. */
	static boolean speaksOf(Set<String> subject, String text) {
		Set<String> words = ContentWords.setOf(text);
		return subject.stream().anyMatch(words::contains);
	}

}
