package dev.hearth.assistant;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When two FAQ candidates are close, on the candidates' own scale (a probability or a
 * similarity): the runner-up scores at least {@value #SHARE} of the best score, no more
 * than {@value #MARGIN} below it, and at least {@value #FLOOR}. One rule for the two
 * places that need it: the pipeline, which asks rather than answers a short question
 * whose top candidates are close, and the clarifying question, which offers the close
 * candidates as options (so a question held back as ambiguous always has options).
 * Thread-safe: stateless.
 */
public final class CloseCandidates {

	/** Share of the best score a close candidate reaches. */
	public static final double SHARE = 0.75;

	/** How far below the best score a close candidate may be at most. */
	public static final double MARGIN = 0.15;

	/** The lowest score a close candidate may have. */
	public static final double FLOOR = 0.05;

	/**
	 * Topic words a question has at most to count as short: one or two words ("bill", "my
	 * invoice") say what the question is about, not what is asked about it.
	 */
	public static final int SHORT_QUESTION = 2;

	/** The most words of a bare topic ({@link #isBareTopic}). */
	static final int BARE_TOPIC_WORDS = 2;

	private static final Pattern QUESTION_WORD = Pattern.compile(
			"(?<![\\p{L}])(how|when|what|where|why|which|who|wie|wann|was|wo|warum|wieso|welche[rsnm]?|wer)(?![\\p{L}])"
					+ "(?:\\s+(much|long|many|often|viel|lange|oft)(?![\\p{L}]))?",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private CloseCandidates() {
	}

	/**
	 * Whether an FAQ entry is one a short question may mean although its score is not
	 * close: the question is short and the entry's phrasings (its question and examples)
	 * name every one of the question's topic words. "bill" is named by the due-date, the
	 * paper-bill and the first-bill entries alike, whichever the router ranks first.
	 * @param question what the customer asked
	 * @param phrasings the entry's question and examples, one per line
	 */
	public static boolean named(String question, String phrasings) {
		return isShort(question) && TopicWords.shareAll(TopicWords.of(question), phrasings);
	}

	/**
	 * What a question asks, from its first question word: "how" (or "how much", "how
	 * long", "how many", "how often"), "when", "what", "where", "why", "which", "who", or
	 * their German counterparts; empty for a bare topic ("bill", "my invoice") or a
	 * yes/no question. "how do I pay my bill?" asks what "How can I pay my bill?" asks,
	 * not what "When is my bill due?" or "What happens if I pay my bill late?" ask,
	 * although all three name its topic words.
	 */
	public static String asks(String question) {
		Matcher word = QUESTION_WORD.matcher((question != null) ? question : "");
		if (!word.find()) {
			return "";
		}
		String asked = word.group(1).toLowerCase(Locale.ROOT);
		return (word.group(2) != null) ? asked + " " + word.group(2).toLowerCase(Locale.ROOT) : asked;
	}

	/**
	 * Whether the question is a bare topic: at most {@value #BARE_TOPIC_WORDS} words that
	 * ask nothing ({@link #asks}): "bill", "my invoice", "roaming?". Such words say what
	 * the customer is thinking of, not what they want to know about it.
	 */
	public static boolean isBareTopic(String question) {
		String text = (question != null) ? question.strip() : "";
		if (text.isEmpty() || !asks(text).isEmpty()) {
			return false;
		}
		return text.split("[^\\p{L}\\p{N}]+").length <= BARE_TOPIC_WORDS;
	}

	/**
	 * Whether the phrasings (one per line) contain one that asks what the question asks
	 * ({@link #asks}); never for a question that asks nothing in particular.
	 */
	public static boolean asksAlike(String question, String phrasings) {
		String asked = asks(question);
		if (asked.isEmpty()) {
			// a yes/no question asks what a phrasing that opens the same way asks: "is
			// there a fee if I cancel early?" as "is there a penalty for ending my
			// contract early"
			String opens = YesNoQuestions.opening(question);
			return !opens.isEmpty() && phrasings.lines()
				.anyMatch((line) -> asks(line).isEmpty() && opens.equals(YesNoQuestions.opening(line)));
		}
		return phrasings.lines().anyMatch((line) -> asked.equals(asks(line)));
	}

	/** Whether {@code score} is close to {@code best}. */
	public static boolean close(double score, double best) {
		return score >= FLOOR && score >= best * SHARE && score >= best - MARGIN;
	}

	/**
	 * Whether the question is short: one or two topic words ({@link TopicWords}); a
	 * question without any is not.
	 */
	public static boolean isShort(String question) {
		int words = TopicWords.of((question != null) ? question : "").size();
		return words >= 1 && words <= SHORT_QUESTION;
	}

}
