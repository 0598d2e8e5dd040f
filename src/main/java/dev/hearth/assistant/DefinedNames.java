package dev.hearth.assistant;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The company's own name for a thing that customers call by its generic word, as the
 * knowledge base itself defines it: "Your Northwind Hub is the router that connects your
 * home ..." says that a customer's "router" is the Hub, which every other page and entry
 * names instead. Read from the passages found for the generic word, so nothing is
 * configured and no list of synonyms is kept for one company: a knowledge base that never
 * defines its names this way gains nothing. Only a sentence of that shape counts (a name
 * written with a capital, "is the / a / your / our", the generic word, then "that",
 * "which", "who" or the sentence's end), never two words that merely occur together.
 * Thread-safe: stateless.
 */
final class DefinedNames {

	private DefinedNames() {
	}

	/**
	 * The name the texts define for a generic word, if one of them does.
	 * @param word the customer's word, lower-case ("router")
	 * @param texts the passages to read
	 */
	static Optional<String> nameFor(String word, List<String> texts) {
		if (word.isBlank()) {
			return Optional.empty();
		}
		Pattern definition = Pattern.compile("(?:^|[.!?]\\s+|\\n\\s*|\\*\\*)(?:[Yy]our |[Tt]he |[Oo]ur |An? )?"
				+ "((?:\\p{Lu}[\\p{L}\\p{N}-]*\\s+){0,3}\\p{Lu}[\\p{L}\\p{N}-]*(?:\\s+\\p{N}[\\p{L}\\p{N}]*)?)\\*{0,2} is (?:the|a|an|your|our) (?i:"
				+ Pattern.quote(word) + ")s?(?=\\s+(?:that|which|who)\\b|\\s*[,.;:]|\\s*$)");
		for (String text : texts) {
			Matcher matcher = definition.matcher(text);
			while (matcher.find()) {
				String name = matcher.group(1).strip();
				if (!Character.isUpperCase(name.charAt(0))
						|| name.toLowerCase(Locale.ROOT).equals(word.toLowerCase(Locale.ROOT))) {
					continue;
				}
				return Optional.of(head(name));
			}
		}
		return Optional.empty();
	}

	/**
	 * The noun a name ends with ("Northwind Hub" is a Hub, as the pages say "restart the
	 * Hub"), or the whole name when it ends otherwise ("Hub 4").
	 */
	static String head(String name) {
		String[] words = name.split("\\s+");
		String last = words[words.length - 1];
		return (words.length > 1 && last.chars().allMatch(Character::isLetter)) ? last : name;
	}

	/**
	 * Whether the question uses the generic word on its own, as the company's thing is
	 * called ("my router", "the router", "Router keeps blinking"), not qualified as
	 * another kind ("my Asus router", "my own router", "the 4G backup router").
	 */
	static boolean plain(String question, String word) {
		return Pattern
			.compile("(?:^|\\b(?:my|the|our|your|this|that)\\s+)(?i:" + Pattern.quote(word) + ")s?\\b",
					Pattern.CASE_INSENSITIVE)
			.matcher(question.strip())
			.find();
	}

	/**
	 * The question with the generic word (and its plural) replaced by the name, or the
	 * question itself when it does not use the word.
	 */
	static String named(String question, String word, String name) {
		return Pattern.compile("\\b" + Pattern.quote(word) + "(s?)\\b", Pattern.CASE_INSENSITIVE)
			.matcher(question)
			.replaceAll(Matcher.quoteReplacement(name));
	}

}
