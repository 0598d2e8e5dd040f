package dev.hearth.assistant;

import java.util.regex.Pattern;

/**
 * Whether a question asks for a whole set rather than one fact of it: what is included,
 * what one gets, what comes in the box, which things there are, a list of them, how a
 * thing works ("how does the referral programme work?": all its steps; "what's included
 * with fibre 900", "which phones work with eSIM?", "what add-ons are there?", German "was
 * ist enthalten?", "welche … gibt es?"). Such a question is answered by the whole list,
 * never by its best-matching item as if that were all (ADR 0060). A question for one kind
 * of fact ("how much", "how long", a number to call) asks for no set. Thread-safe:
 * stateless.
 */
final class SetQuestions {

	private static final String PLURAL = "[\\p{L}-]+(?<![su])s";

	private static final Pattern ASKS_FOR_A_SET = Pattern.compile(String.join("|",
			// what's included, what is in the box, what should be on my bill
			"\\bwhat(?:'s|’s|\\s+is|\\s+are|\\s+should\\s+be|\\s+will\\s+be)?\\s+(?:all\\s+)?(?:included|includes)\\b",
			"\\bwhat(?:'s|’s|\\s+is|\\s+are|\\s+should\\s+be|\\s+will\\s+be)\\s+(?:in|on)\\s+(?:the|my|your)\\b",
			// what do I get, what comes with it
			"\\bwhat\\s+(?:do|does|will|would)\\s+(?:i|we|you|they|it)\\s+get\\b",
			"\\bwhat\\s+(?:comes?|came)\\s+(?:with|in)\\b",
			// which … are there, what … do you have
			"\\b(?:which|what)\\b[^?.!]*\\b(?:are\\s+there|are\\s+available|do\\s+you\\s+(?:have|offer|sell))\\b",
			// a list of, all the, what kinds of
			"\\blist\\s+(?:of|all)\\b", "\\bfull\\s+list\\b", "\\ball\\s+(?:the|of\\s+the|your)\\b",
			"\\bwhat\\s+(?:kinds?|types?|sorts?|levels?|options|features|choices)\\b",
			// which phones work, what add-ons can I get
			"\\bwhich\\s+(?:[\\p{L}-]+\\s+)?" + PLURAL
					+ "\\s+(?:are|do|does|can|could|will|work|come|have|has|support|include)\\b",
			"\\bwhat\\s+(?:[\\p{L}-]+\\s+)?" + PLURAL + "\\s+(?:can|could|do|does|are)\\s+(?:i|we|you|there)\\b",
			// how it works: the whole procedure, not its first step
			"\\bhow\\s+(?:does|do)\\s+(?!i\\b|we\\b)[^?.!]{0,60}?\\bwork\\b",
			// German
			"\\bwas\\s+(?:ist|sind)\\b[^?.!]*\\b(?:enthalten|inklusive|dabei|im\\s+lieferumfang)\\b",
			"\\bwelche\\b[^?.!]*\\bgibt\\s+es\\b", "\\bwas\\s+bekomme\\s+ich\\b"),
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private SetQuestions() {
	}

	/** Whether the question asks for a whole set, not one fact of it. */
	static boolean asks(String question) {
		return question != null && !Answerability.asksForAFact(question) && ASKS_FOR_A_SET.matcher(question).find();
	}

	/**
	 * The question without the words that ask for a set ("what comes with the TV Box?":
	 * "the TV Box?"), which say what kind of answer is wanted, not what it is about; the
	 * question itself when it asks for no set.
	 */
	static String withoutCue(String question) {
		return asks(question) ? ASKS_FOR_A_SET.matcher(question).replaceAll(" ") : question;
	}

}
