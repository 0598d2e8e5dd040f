package dev.hearth.assistant;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a section heading says of the kind of fact a question asks (ADR 0082). A heading
 * may carry the fact itself ("Movies add-on - €12 per month", "Phone menu options (0800
 * 123 4567)") while the section's text only lists what it is about (the channels), or
 * name the kind of fact its list gives ("Channel numbers": "301–349: Kids"). The customer
 * is shown the heading above the span, so a fact in it is stated to them. A heading's
 * enumeration ("3. ", "Step 2:") is the author's order, not a fact. Thread-safe:
 * stateless.
 */
final class HeadingFacts {

	/** A heading's leading enumeration: "3. Restart your Hub", "Step 1: Tell us". */
	private static final Pattern ENUMERATION = Pattern.compile("^\\s*(?:(?:step|schritt)\\s+)?\\d+\\s*[.:)]\\s*",
			Pattern.CASE_INSENSITIVE);

	/**
	 * Nouns that name a kind of fact a list gives, as a question and a heading both say
	 * them ("channel numbers", "phone menu options", "prices"), stemmed.
	 */
	private static final Set<String> FACT_NOUNS = Set
		.copyOf(ContentWords.setOf("number numbers price prices fee fees cost costs charge charges option options"));

	private HeadingFacts() {
	}

	/**
	 * The heading without its enumeration: what it states.
	 * @param heading a section heading, may be empty
	 */
	static String stated(String heading) {
		return ENUMERATION.matcher(heading).replaceFirst("");
	}

	/**
	 * The span with its heading, as the customer reads them: the text a kind of fact
	 * asked is looked for in ({@link Answerability}). "How much is the package with Drama
	 * Premiere HD?" is answered by "• 120 Drama Premiere HD" under "TV Entertainment -
	 * €18 per month".
	 * @param heading the span's own section heading, may be empty
	 * @param span the span's text
	 */
	static String withHeading(String heading, String span) {
		String stated = stated(heading).strip();
		return stated.isEmpty() ? span : stated + "\n" + span;
	}

	/**
	 * Whether the heading states the fact the question asks (an amount for "how much", a
	 * time for "how long", digits for "which number") and the span does not: the span
	 * then answers only when read with its heading ("• 404 Golf Channel HD" under "Sports
	 * add-on - €20 per month").
	 * @param question the customer's own words
	 * @param heading the span's own section heading, may be empty
	 * @param span the span's text
	 */
	static boolean statesForSpan(String question, String heading, String span) {
		String stated = stated(heading);
		if (stated.isBlank()) {
			return false;
		}
		List<Pattern> facts = Answerability.factsAsked(question);
		return !facts.isEmpty() && facts.stream().allMatch((fact) -> fact.matcher(stated + "\n" + span).find())
				&& facts.stream().anyMatch((fact) -> !fact.matcher(span).find());
	}

	/**
	 * Whether the heading names a kind of fact the question names ("kids channel numbers"
	 * under "Channel numbers", "which option do I press" under "Phone menu options"): the
	 * section lists facts of that kind, and each of its items is read with the heading.
	 * @param question the question
	 * @param heading the section heading, may be empty
	 */
	static boolean namesKind(String question, String heading) {
		Set<String> named = ContentWords.setOf(stated(heading));
		return ContentWords.setOf(question)
			.stream()
			.anyMatch((word) -> FACT_NOUNS.contains(word) && named.contains(word));
	}

}
