package dev.hearth.assistant;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.hearth.knowledge.Sentences;

/**
 * The way or the place a how-to or where-to question asks for, and whether a text states
 * one (ADR 0080). "how do I change my bank details for the direct debit?" wants where the
 * change is made; a span that says when a change of bank details takes effect is about
 * the question's words but does not say it, and the payment entry's "Change your payment
 * method or bank details in My Account under Billing > Payment method" does. A question
 * asks a way when it asks how the customer does something ("how do I …", "how can we …",
 * "how to …") or where ("where can I …", "where do I …"); not "how do I know / tell if
 * …", "how does it work", "how do you …", nor "how much / many / long / often", which ask
 * an amount or a time ({@link Answerability#factsAsked}). A text states a way when a
 * sentence or list item holds a menu path ("Billing > Payment method"), a web address, an
 * email address, a phone number, a place to do it in ("in My Account", "in the app",
 * "under Billing"), or an instruction to call, text, dial, go to, log in, visit, tap,
 * press, click or select: the forms of a way in any customer-service text, not the
 * sample's terms.
 * <p>
 * Thread-safe: stateless.
 */
final class AskedWay {

	private static final Pattern ASKS_WAY = Pattern.compile("\\bhow\\s+(?:do|can|could|should|would|shall|may|might)"
			+ "\\s+(?:i|we)\\b(?!\\s+(?:know|tell\\s+(?:if|whether|when|what|which|how)|find\\s+out\\s+(?:if|whether))\\b)"
			+ "|\\bhow\\s+to\\b|\\bwhere\\s+(?:do|can|could|should|would|shall|may|might|will)\\s+(?:i|we)\\b"
			+ "|\\b(?:is\\s+there\\s+a|what(?:'s|\\s+is)\\s+the(?:\\s+best)?)\\s+way\\s+to\\b",
			Pattern.CASE_INSENSITIVE);

	/**
	 * Another question after the way asked: "how long", "when will", "why does" (not
	 * "when I join").
	 */
	private static final Pattern LATER_QUESTION = Pattern.compile(
			"\\bhow\\s+(?:long|much|many|often|soon|quickly|fast)\\b|\\b(?:how|when|why|where)\\s+(?:will|do|does|did|is|are|can|could|should|would)\\b",
			Pattern.CASE_INSENSITIVE);

	/** "Billing > Payment method", "Help › Contact us". */
	private static final Pattern MENU_PATH = Pattern.compile("\\S\\s[>›»]\\s\\S");

	/** A web address: a scheme, or a host of two or more labels ending in letters. */
	private static final Pattern WEB_ADDRESS = Pattern
		.compile("\\bhttps?://\\S|\\b[\\p{L}\\d-]{2,}(?:\\.[\\p{L}\\d-]{2,})*\\.\\p{Ll}{2,}(?:/\\S*)?\\b(?!\\.\\p{L})");

	private static final Pattern EMAIL_ADDRESS = Pattern.compile("\\S@[\\p{L}\\d-]+\\.\\p{L}");

	/** Groups of digits as phone numbers are written ("0800 123 4567", "18001"). */
	private static final Pattern PHONE_NUMBER = Pattern.compile(
			"(?<![\\d.,:€$£])\\b\\d{3,5}(?:[ -]\\d{3,4}){1,3}\\b"
					+ "(?![.,:]?\\d|\\s?(?:%|€|mbps|gbps|gb|mb|minutes?|hours?|days?|months?|years?)\\b)",
			Pattern.CASE_INSENSITIVE);

	/**
	 * An instruction to reach a place or a person: a verb of navigation or contact at the
	 * start of a clause or after "to", "or", "then" or "can".
	 */
	private static final Pattern INSTRUCTION = Pattern
		.compile("(?:^[\\s*•\\-–\\d.)]*|[,;:—–(]\\s*|\\b(?:to|or|and|then|can|please|just)\\s+)"
				+ "(?:call|ring|phone|dial|text\\s+\\S+\\s+to|go\\s+to|log\\s+in|sign\\s+in|visit|tap|press|click|select|"
				+ "open\\s+the|scan|fill\\s+in|write\\s+to|email\\s+(?:us|our)|contact\\s+us)\\b",
				Pattern.CASE_INSENSITIVE);

	/** A place something is done in: "in My Account", "in the app", "under Billing". */
	private static final Pattern PLACE = Pattern.compile("\\b(?:in|on|under|via|through|from|using)\\s+(?:the\\s+)?"
			+ "(?:(?:\\p{Lu}\\p{L}*\\s+){0,3}(?:app|portal|website|Account|Settings|settings|menu)\\b)"
			+ "|\\bunder\\s+(?:\\*\\*)?\\p{Lu}");

	private static final List<Pattern> WAYS = List.of(MENU_PATH, WEB_ADDRESS, EMAIL_ADDRESS, PHONE_NUMBER, INSTRUCTION,
			PLACE);

	private AskedWay() {
	}

	/**
	 * Whether the question asks how or where the customer does something (see the type's
	 * Javadoc).
	 * @param own the customer's own words
	 */
	static boolean asks(String own) {
		if (own == null) {
			return false;
		}
		Matcher matcher = ASKS_WAY.matcher(own);
		int end = -1;
		while (matcher.find()) {
			end = matcher.end();
		}
		// the last question asked is what is asked: a follow-up read with the question
		// before it ("how do I make a complaint … how long will it take?") asks a time
		return end >= 0 && !LATER_QUESTION.matcher(own).region(end, own.length()).find();
	}

	/**
	 * Whether a sentence or list item of the text states a way or a place (see the type's
	 * Javadoc).
	 */
	static boolean statedIn(String text) {
		return units(text).stream().anyMatch(AskedWay::statesWay);
	}

	/**
	 * Whether a sentence or list item of the text states a way or a place and names one
	 * of the topic words.
	 */
	static boolean statedOf(Set<String> topic, String text) {
		return units(text).stream().anyMatch((unit) -> statesWay(unit) && TopicWords.shareAny(topic, unit));
	}

	/**
	 * Whether the question asks a way, the entry's answer states one of what the question
	 * asks about (a sentence that names a topic word of it) and the span states none: the
	 * span then says something about the question's words, the entry how to do it ("how
	 * do I change my bank details for the direct debit?": when a change takes effect,
	 * against where to make it).
	 * @param asked the self-contained question (its topic words)
	 * @param own the customer's own words (whether they ask a way)
	 * @param answer the FAQ entry's answer
	 * @param span the document span shown (its heading and text)
	 */
	static boolean onlyInAnswer(String asked, String own, String answer, String span) {
		return asks(own) && !statedIn(span) && statedOf(Answerability.topicWords(asked), answer);
	}

	static boolean statesWay(String unit) {
		for (Pattern way : WAYS) {
			if (way.matcher(unit).find()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The text's sentences, a line (a list item, a table row) never joined to the next.
	 */
	private static List<String> units(String text) {
		if (text == null) {
			return List.of();
		}
		return text.lines().flatMap((line) -> Sentences.of(line, Locale.ROOT).stream()).toList();
	}

}
