package dev.hearth.assistant;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Makes a follow-up question self-contained with the conversation: "and how long does
 * that take?" after "I paid twice" and an answer about double payments is searched as the
 * previous question, the previous answer's topic (its section heading, else its first
 * sentence) and the question together. A question is a follow-up when it is short and
 * leans on what came before (starts with "and", "what about", ..., or points back with
 * "it", "that", "this", "there", ...), or when it has no topic words of its own: a reply
 * to what was said ("No, I'm not.", "What happens then?") is about the conversation's
 * topic, and alone it finds nothing to answer with (ADR 0041). Thread-safe: stateless.
 */
final class FollowUps {

	private static final Pattern LEANS_BACK = Pattern
		.compile("^(and|but|also|so|then|what about|how about|and what|und|aber|und wie|was ist mit)\\b.*"
				+ "|.*\\b(it|that|this|those|these|them|they|there|its|one|same|doing so|do so|es|das|dies|dafür|dort)\\b.*");

	/**
	 * "this month", "this morning": the present time, not something said before.
	 */
	private static final Pattern NOW = Pattern
		.compile("\\bthis (morning|afternoon|evening|week|weekend|month|year|quarter)\\b|\\bthese days\\b");

	private static final int MAX_WORDS = 9;

	private FollowUps() {
	}

	/**
	 * The question to search for: the question itself, or, for a follow-up or a turn
	 * without topic words of its own, the previous customer question, the previous
	 * answer's topic and it.
	 */
	static String contextualise(String question, List<Turn> history) {
		String previous = null;
		for (int i = history.size() - 1; i >= 0; i--) {
			if (history.get(i).fromCustomer() && !history.get(i).text().isBlank()) {
				previous = history.get(i).text().strip();
				break;
			}
		}
		if (previous == null || !(isFollowUp(question) || Answerability.topicWords(question).isEmpty())) {
			return question.strip();
		}
		String topic = topic(previousAnswer(history));
		return (topic.isEmpty() ? previous : previous + " " + topic) + " " + question.strip();
	}

	/**
	 * What an answer is about: its bold section heading (document answers start with it);
	 * empty for other answers, whose first words would only dilute the question.
	 */
	static String topic(String answer) {
		String text = answer.strip();
		if (text.startsWith("**")) {
			int end = text.indexOf("**", 2);
			if (end > 2) {
				return text.substring(2, end).strip();
			}
		}
		return "";
	}

	/**
	 * Whether a passage lies in the section the previous answer was taken from, or in one
	 * of its sub-sections: its section path names the previous answer's heading
	 * ({@link #topic}). A follow-up answered there goes on where the conversation already
	 * is ("how much is the sports one" after the TV packages: the add-ons under them).
	 * @param previousAnswer what the assistant said last, may be empty
	 * @param sectionPath the passage's section path ("Title > Section > Sub-section")
	 */
	static boolean inPreviousSection(String previousAnswer, String sectionPath) {
		String heading = topic(previousAnswer);
		if (heading.isEmpty() || sectionPath == null) {
			return false;
		}
		for (String section : sectionPath.split(" > ")) {
			if (section.strip().equalsIgnoreCase(heading)) {
				return true;
			}
		}
		return false;
	}

	/** What the assistant said last, or an empty string. */
	static String previousAnswer(List<Turn> history) {
		for (int i = history.size() - 1; i >= 0; i--) {
			if (!history.get(i).fromCustomer()) {
				return history.get(i).text().strip();
			}
			if (!history.get(i).text().isBlank()) {
				return "";
			}
		}
		return "";
	}

	/**
	 * Whether an answer would say again what the previous answer said, all of it: a
	 * follow-up is never answered with the answer it follows (the FAQ entry that answered
	 * the first question tends to match the follow-up too). An answer that says more than
	 * the previous one (which gave only part of it) is no repeat.
	 */
	static boolean repeats(String previousAnswer, String answer) {
		String said = AnswerGrade.normalise(previousAnswer).strip();
		// the entry's answer may have been given without its leading "Yes."
		String again = AnswerGrade.normalise(YesNoQuestions.withoutAffirmation(answer)).strip();
		if (said.length() < 20 || again.isEmpty()) {
			return false;
		}
		return said.contains(again);
	}

	/**
	 * Whether a question may go on about the previous answer although it does not lean
	 * back by its words: it is short and comes right after an answer to an earlier
	 * question of the customer's ("is the router included?" after the plans' prices).
	 */
	static boolean mayContinue(String question, List<Turn> history) {
		String text = question.strip();
		int words = text.isEmpty() ? 0 : text.split("\\s+").length;
		if (words > MAX_WORDS || previousAnswer(history).isEmpty()) {
			return false;
		}
		return customerAsked(history);
	}

	/** Whether the customer wrote anything earlier in the conversation. */
	static boolean customerAsked(List<Turn> history) {
		return history.stream().anyMatch((turn) -> turn.fromCustomer() && !turn.text().isBlank());
	}

	static boolean isFollowUp(String question) {
		String text = question.strip().toLowerCase(Locale.ROOT);
		// "I was charged twice this month" names the present time, not what was said
		text = NOW.matcher(text).replaceAll(" ");
		int words = text.isEmpty() ? 0 : text.split("\\s+").length;
		return words <= MAX_WORDS && LEANS_BACK.matcher(text).matches();
	}

}
