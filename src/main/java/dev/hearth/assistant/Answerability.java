package dev.hearth.assistant;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a span of a document answers the question, before it is shown as a document
 * answer: its topic words covered (the question's content words, found in the span, its
 * section path or its document title), every number the question names present in the
 * span, and the kind of fact asked for present (an amount for "how much", a number or
 * time for "how long" and "when", digits for "which number"). Words that only say what
 * kind of fact is asked ("cost", "long", "take") are not topic words. Thread-safe:
 * immutable.
 */
final class Answerability {

	private static final Set<String> KIND_WORDS = Set.copyOf(ContentWords
		.setOf("cost costs much price fee fees charge charged pay long take takes quickly soon fast time many often "
				+ "number happen happens possible way kosten kostet preis gebühr lange dauert dauern schnell"));

	private static final Pattern HOW_MUCH = Pattern.compile(
			"\\b(how much|what does .* cost|what do you charge|price|fee|cost|kostet|kosten|preis|gebühr|wie viel)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern HOW_LONG = Pattern.compile(
			"\\b(how long|how soon|how quickly|how many days|when will|wie lange|wie schnell|wann)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern WHICH_NUMBER = Pattern.compile(
			"\\b(what|which) (phone )?number\\b|\\bnumber (do|should) i (call|ring|dial)\\b", Pattern.CASE_INSENSITIVE);

	private static final Pattern AMOUNT = Pattern.compile("[€$£]\\s?\\d|\\d\\s?(€|eur|euro|cents?|%)|\\bfree\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern DURATION = Pattern.compile(
			"\\d|\\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|same day|next day|immediately|straight away|"
					+ "minutes?|hours?|days?|weeks?|months?|years?)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern DIGITS = Pattern.compile("\\d");

	private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)?");

	/**
	 * What a customer pastes but does not ask about: scripts and styles, markup tags,
	 * link targets, URLs and e-mail addresses. Their words and numbers are not the
	 * question's topic (an e-mail address given for contact, or a pasted error page,
	 * would otherwise count as uncovered topic words).
	 */
	private static final Pattern NOT_PROSE = Pattern
		.compile("(?is)<(script|style)\\b.*?</\\1\\s*>|<[^>]*>|\\]\\([^)]*\\)|\\b[a-z][a-z0-9+.-]*:(?://)?[^\\s)\\]]+"
				+ "|[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

	private final double minCoverage;

	/**
	 * @param minCoverage the share of the question's topic words the span must cover, 0
	 * to 1
	 */
	Answerability(double minCoverage) {
		if (!(minCoverage >= 0 && minCoverage <= 1)) {
			throw new IllegalArgumentException("minCoverage must be between 0 and 1, got " + minCoverage);
		}
		this.minCoverage = minCoverage;
	}

	/**
	 * The verdict on a span.
	 *
	 * @param answers whether the span answers the question
	 * @param coverage the share of topic words covered
	 * @param missing what is missing when it does not answer, for the log; empty when it
	 * does
	 */
	record Verdict(boolean answers, double coverage, String missing) {
	}

	/**
	 * @param question the self-contained question
	 * @param context the span with its heading, section path and document title
	 * @param span the span alone (numbers and facts must be in it)
	 */
	Verdict judge(String asked, String context, String span) {
		String question = prose(asked);
		Set<String> topic = topicWords(question);
		if (topic.isEmpty()) {
			return new Verdict(false, 0, "the question has no topic words");
		}
		Set<String> present = ContentWords.setOf(context);
		long covered = topic.stream().filter(present::contains).count();
		double coverage = (double) covered / topic.size();
		if (coverage < this.minCoverage) {
			return new Verdict(false, coverage, "topic words covered " + covered + " of " + topic.size());
		}
		for (String number : numbers(question)) {
			if (!numbers(context).contains(number)) {
				return new Verdict(false, coverage, "the number " + number + " is not in the passage");
			}
		}
		if (HOW_MUCH.matcher(question).find() && !AMOUNT.matcher(span).find()) {
			return new Verdict(false, coverage, "an amount is asked for and the passage has none");
		}
		if (HOW_LONG.matcher(question).find() && !DURATION.matcher(span).find()) {
			return new Verdict(false, coverage, "a time is asked for and the passage has none");
		}
		if (WHICH_NUMBER.matcher(question).find() && !DIGITS.matcher(span).find()) {
			return new Verdict(false, coverage, "a number is asked for and the passage has none");
		}
		return new Verdict(true, coverage, "");
	}

	/** The question without what a customer pastes but does not ask about. */
	static String prose(String question) {
		return NOT_PROSE.matcher(question).replaceAll(" ");
	}

	/** The question's content words that name its topic, not the kind of fact asked. */
	static Set<String> topicWords(String question) {
		Set<String> words = new LinkedHashSet<>(ContentWords.of(prose(question)));
		words.removeAll(KIND_WORDS);
		return words;
	}

	private static List<String> numbers(String text) {
		List<String> numbers = new java.util.ArrayList<>();
		Matcher matcher = NUMBER.matcher(text.toLowerCase(Locale.ROOT));
		while (matcher.find()) {
			numbers.add(matcher.group().replace(',', '.'));
		}
		return numbers;
	}

}
