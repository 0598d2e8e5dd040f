package dev.hearth.escalation;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lexicon score of how negative a customer message is, in English and German: strong
 * words ("useless", "unacceptable", "fed up") count 2, milder ones ("annoying",
 * "disappointed") 1, shouting and repeated exclamation marks 1 more. A negation right
 * before a word ("not bad") cancels it. Deliberately simple and explainable: supervisors
 * see which words fired. Stateless.
 */
final class Sentiment {

	private static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("useless", 2),
			Map.entry("unacceptable", 2), Map.entry("ridiculous", 2), Map.entry("outrageous", 2),
			Map.entry("pathetic", 2), Map.entry("furious", 2), Map.entry("livid", 2), Map.entry("worst", 2),
			Map.entry("terrible", 2), Map.entry("horrible", 2), Map.entry("awful", 2), Map.entry("disgusting", 2),
			Map.entry("hopeless", 2), Map.entry("incompetent", 2), Map.entry("scam", 2), Map.entry("rip-off", 2),
			Map.entry("fed up", 2), Map.entry("sick of", 2), Map.entry("had enough", 2), Map.entry("waste of time", 2),
			Map.entry("angry", 2), Map.entry("frustrated", 1), Map.entry("frustrating", 1), Map.entry("annoyed", 1),
			Map.entry("annoying", 1), Map.entry("disappointed", 1), Map.entry("disappointing", 1),
			Map.entry("unhappy", 1), Map.entry("upset", 1), Map.entry("bad", 1), Map.entry("poor", 1),
			Map.entry("slow", 1), Map.entry("still not", 1), Map.entry("again", 1), Map.entry("nutzlos", 2),
			Map.entry("unverschämt", 2), Map.entry("unverschämtheit", 2), Map.entry("lächerlich", 2),
			Map.entry("katastrophe", 2), Map.entry("katastrophal", 2), Map.entry("frechheit", 2),
			Map.entry("wütend", 2), Map.entry("sauer", 2), Map.entry("schrecklich", 2), Map.entry("betrug", 2),
			Map.entry("reicht mir", 2), Map.entry("die nase voll", 2), Map.entry("enttäuscht", 1),
			Map.entry("ärgerlich", 1), Map.entry("genervt", 1), Map.entry("schlecht", 1), Map.entry("langsam", 1),
			Map.entry("immer noch nicht", 1), Map.entry("schon wieder", 1));

	private static final Pattern TERMS = Pattern.compile("(?iu)(?<![\\p{L}])("
			+ String.join("|", WORDS.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList())
			+ ")(?![\\p{L}])");

	private static final Pattern NEGATION = Pattern.compile("(?iu)(?:not|never|no|isn't|wasn't|nicht|kein|keine)\\s+$");

	private static final Pattern EXCLAMATIONS = Pattern.compile("!{2,}|\\?!|!\\?");

	private Sentiment() {
	}

	/** How negative the message is: 0 for neutral, higher for more negative. */
	static int negativity(String message) {
		int score = 0;
		Matcher m = TERMS.matcher(message);
		while (m.find()) {
			String before = message.substring(Math.max(0, m.start() - 12), m.start());
			if (!NEGATION.matcher(before).find()) {
				score += WORDS.get(m.group(1).toLowerCase(Locale.ROOT));
			}
		}
		if (score > 0 && EXCLAMATIONS.matcher(message).find()) {
			score++;
		}
		if (score > 0 && shouting(message)) {
			score++;
		}
		return score;
	}

	private static boolean shouting(String message) {
		long letters = message.codePoints().filter(Character::isLetter).count();
		long upper = message.codePoints().filter(Character::isUpperCase).count();
		return letters >= 12 && upper * 10 >= letters * 7;
	}

}
