package dev.hearth.assistant;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
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

	/**
	 * "is there", "there are", "gibt es": "there" and "es" as the dummy subject of a
	 * sentence that says something exists, pointing at nothing said before.
	 */
	private static final Pattern EXISTENTIAL = Pattern
		.compile("\\b(is|are|was|were|will|would|could|can|isn't|aren't|wasn't|weren't)\\s+there\\b"
				+ "|\\bthere\\s+(is|are|was|were|will|would|isn't|aren't)\\b|\\bthere's\\b|\\bgibt es\\b|\\bes gibt\\b");

	private static final int MAX_WORDS = 9;

	/**
	 * "and for mobile?", "what about in the US?": a follow-up that is nothing but a
	 * preposition and what it names, after "and", "what about" or "how about".
	 */
	private static final Pattern SUBSTITUTE = Pattern
		.compile("^(?:and|or|but|and what about|and how about|what about|how about)\\s+(in|for|on|with|at|from|to)\\s+"
				+ "([^?.!,;]{1,40}?)[?.!\\s]*$", Pattern.CASE_INSENSITIVE);

	/** The words a replaced phrase of the previous question has, at most. */
	private static final int MAX_REPLACED_WORDS = 4;

	/** The customer's earlier messages a question is compared with, at most. */
	private static final int EARLIER_MESSAGES = 2;

	private FollowUps() {
	}

	/**
	 * The question to search for: the question itself, or, for a follow-up or a turn
	 * without topic words of its own, the previous customer question, the previous
	 * answer's topic and it.
	 */
	static String contextualise(String question, List<Turn> history) {
		return contextualise(question, history, List::of);
	}

	/**
	 * The question to search for, as {@link #contextualise(String, List)}, knowing the
	 * FAQ entries' answers: a question that leans back only by the dummy "there" of "is
	 * there …" after one of them may stand on its own ({@link #leansBack}).
	 * @param faqAnswers the answers of the FAQ entries, asked for only when needed
	 */
	static String contextualise(String question, List<Turn> history,
			Supplier<? extends Collection<String>> faqAnswers) {
		String previous = previousQuestion(history);
		if (previous == null
				|| !(leansBack(question, history, faqAnswers) || Answerability.topicWords(question).isEmpty())) {
			return question.strip();
		}
		String substituted = substituted(question, previous);
		if (substituted != null) {
			return substituted;
		}
		String topic = topic(previousAnswer(history));
		return (topic.isEmpty() ? previous : previous + " " + topic) + " " + question.strip();
	}

	/** The customer's last message, or {@code null}. */
	static String previousQuestion(List<Turn> history) {
		for (int i = history.size() - 1; i >= 0; i--) {
			if (history.get(i).fromCustomer() && !history.get(i).text().isBlank()) {
				return history.get(i).text().strip();
			}
		}
		return null;
	}

	/**
	 * Whether the follow-up asks the customer's previous question again of another thing
	 * ({@link #substituted}): the answer to that question may answer it too ("and in
	 * Thailand?" after the USA: the entry on roaming outside the EU), as it would if the
	 * customer had asked it first, so it is no repeat of the previous answer.
	 */
	static boolean asksAgainOfAnother(String question, List<Turn> history) {
		String previous = previousQuestion(history);
		return previous != null && substituted(question, previous) != null;
	}

	/**
	 * The previous question asked again of what a follow-up names instead: "and for
	 * mobile?" after "what's the minimum contract length for fibre?" asks "what's the
	 * minimum contract length for mobile?", and "what about in the US?" after "do I pay
	 * extra to use my phone in Spain?" asks about the US. The follow-up's preposition and
	 * what it names replace the previous question's last phrase with the same
	 * preposition, to the end of its clause and of at most {@value #MAX_REPLACED_WORDS}
	 * words; {@code null} when the follow-up is no such phrase or the previous question
	 * has none to replace. Read together instead, both names are searched and the
	 * previous one, which the conversation repeats, wins.
	 * @param question the follow-up
	 * @param previous the customer's previous message
	 */
	static String substituted(String question, String previous) {
		Matcher asked = SUBSTITUTE.matcher(question.strip());
		if (!asked.matches()) {
			return null;
		}
		String preposition = asked.group(1).toLowerCase(Locale.ROOT);
		Matcher phrase = Pattern.compile("\\b" + preposition + "\\s+([^?.!,;]+?)([?.!,;]|$)", Pattern.CASE_INSENSITIVE)
			.matcher(previous);
		int start = -1;
		int end = -1;
		while (phrase.find()) {
			start = phrase.start();
			end = phrase.end(1);
		}
		if (start < 0 || previous.substring(start, end).split("\\s+").length > MAX_REPLACED_WORDS + 1) {
			return null;
		}
		return previous.substring(0, start) + preposition + " " + asked.group(2).strip() + previous.substring(end);
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

	/**
	 * Whether a question leans on the conversation by its words ({@link #isFollowUp}),
	 * unless all that points back is the dummy "there" of "is there …" ("is there a fee
	 * for paper bills?"), Hearth said what the conversation is about
	 * ({@link #saidByHearth}) and the question names a topic of its own that the
	 * conversation never named ({@link #opensNewTopic}): "is there a limit on data?"
	 * after roaming in Spain still leans back, the roaming answer said "data".
	 * @param faqAnswers the answers of the FAQ entries, asked for only when needed
	 */
	static boolean leansBack(String question, List<Turn> history, Supplier<? extends Collection<String>> faqAnswers) {
		if (!isFollowUp(question)) {
			return false;
		}
		String plain = EXISTENTIAL.matcher(question.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
		return isFollowUp(plain) || !opensNewTopic(question, history) || !saidByHearth(history, faqAnswers);
	}

	/**
	 * Whether a question names a topic of its own that the conversation has not named: it
	 * has topic words ({@link Answerability#topicWords}, the present time left out), and
	 * none of them is in the previous answer or in the customer's last
	 * {@value #EARLIER_MESSAGES} messages. "my direct debit was taken twice this month"
	 * after the TV Box's answer is a new question, not a reply: the conversation says
	 * nothing about what it asks.
	 */
	static boolean opensNewTopic(String question, List<Turn> history) {
		Set<String> topic = Answerability.topicWords(NOW.matcher(question.toLowerCase(Locale.ROOT)).replaceAll(" "));
		if (topic.isEmpty()) {
			return false;
		}
		Set<String> said = new LinkedHashSet<>(ContentWords.of(previousAnswer(history)));
		int messages = 0;
		for (int i = history.size() - 1; i >= 0 && messages < EARLIER_MESSAGES; i--) {
			if (history.get(i).fromCustomer() && !history.get(i).text().isBlank()) {
				said.addAll(ContentWords.of(history.get(i).text()));
				messages++;
			}
		}
		return messages > 0 && Collections.disjoint(topic, said);
	}

	/**
	 * Whether an answer is one Hearth gave from its knowledge base: a document span under
	 * its bold section heading, or one of the FAQ entries' answers (with or without its
	 * leading "Yes."). Only then does the conversation say what it is about in the
	 * knowledge base's own words; a person's reply may touch the next question as much as
	 * the last (doc2dial's agents, ADR 0064).
	 * @param answer what the assistant said last, may be empty
	 * @param faqAnswers the answers of the FAQ entries, asked for only when the answer
	 * has no heading
	 */
	static boolean fromKnowledge(String answer, Supplier<? extends Collection<String>> faqAnswers) {
		if (answer.isBlank()) {
			return false;
		}
		return !topic(answer).isEmpty() || faqAnswers.get().stream().anyMatch((entry) -> repeats(answer, entry));
	}

	/**
	 * Whether what the conversation is about was said by Hearth: its previous answer is
	 * from the knowledge base ({@link #fromKnowledge}), or it gave none since the
	 * customer's last message (it declined; a notice is no turn of the history).
	 */
	static boolean saidByHearth(List<Turn> history, Supplier<? extends Collection<String>> faqAnswers) {
		for (int i = history.size() - 1; i >= 0; i--) {
			if (!history.get(i).text().isBlank()) {
				return history.get(i).fromCustomer() || fromKnowledge(history.get(i).text().strip(), faqAnswers);
			}
		}
		return false;
	}

	static boolean isFollowUp(String question) {
		String text = question.strip().toLowerCase(Locale.ROOT);
		// "I was charged twice this month" names the present time, not what was said
		text = NOW.matcher(text).replaceAll(" ");
		int words = text.isEmpty() ? 0 : text.split("\\s+").length;
		return words <= MAX_WORDS && LEANS_BACK.matcher(text).matches();
	}

}
