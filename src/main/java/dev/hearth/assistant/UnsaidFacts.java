package dev.hearth.assistant;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.hearth.knowledge.FaqEntry;
import dev.hearth.knowledge.Sentences;

/**
 * A document span that states the fact asked of a thing the FAQ entry never names. The
 * router matches an entry on the question's subject ("TV Box", "fibre 150", "internet"),
 * but the question asks a fact (an amount, a time, a count of something, a speed) of a
 * detail the entry never says: "how much extra is it for the kids channels" gets the
 * extra-box entry (€6 a month for a box), while the section "Add-ons" says "Kids: €5 per
 * month"; "what kind of upload speed comes with fibre 150" gets the plans' prices, while
 * the plans' table has an "Upload" column. The span then answers what was asked and the
 * entry only what it is near, which its similarity to the question does not show by the
 * usual margin (ADR 0073).
 * <p>
 * A unit of the span is one sentence, one list line, or one table (its consecutive
 * "|"-rows together, so that a column's header goes with its cells). The kinds of fact
 * are {@link Answerability#factsAsked}'s (a time as a number of its units, not any
 * digit), and two more that this comparison reads: a count of what "how many" names ("how
 * many hours" wants a number followed within two words by "hours") and a speed ("how
 * fast", "how slow", "upload speed" want a data rate). Words are {@link ContentWords}
 * stems. Thread-safe: stateless.
 */
final class UnsaidFacts {

	private static final Pattern HOW_MANY = Pattern.compile("\\bhow many ([\\p{L}]+)", Pattern.CASE_INSENSITIVE);

	private static final Pattern SPEED_ASKED = Pattern.compile("\\b(how fast|how slow|speeds?)\\b",
			Pattern.CASE_INSENSITIVE);

	/**
	 * A length of time stated as a number of its units ("30 days", "5–7 working days",
	 * "two hours") or in words ("the same day", "straight away").
	 */
	static final Pattern TIME = Pattern
		.compile("(?:\\d+|\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve))"
				+ "(?:\\s?[-–]\\s?\\d+)?\\s+(?:[\\p{L}-]+\\s+)?(?:minutes?|mins?|hours?|days?|weeks?|months?|years?)\\b"
				+ "|\\b(?:same day|next day|immediately|straight away)\\b", Pattern.CASE_INSENSITIVE);

	/** A data rate in the units any network provider states ("30 Mbps", "2 Gbit/s"). */
	static final Pattern RATE = Pattern.compile("\\d\\s?(?:[kmgt]bps|[kmgt]bit/s|[kmgt]b/s)\\b",
			Pattern.CASE_INSENSITIVE);

	private UnsaidFacts() {
	}

	/**
	 * A topic word of the question that none of the entry's texts (question, phrasings,
	 * answer) says and that a unit of the span names while stating every kind of fact the
	 * question asks, when the span (its page title, section path and text) names every
	 * such word; empty when the question asks no kind of fact, the entry says every topic
	 * word, or the span misses one the entry never says.
	 * @param asked the self-contained question (its topic words)
	 * @param own the customer's own words (the kind of fact they ask)
	 * @param entry the FAQ entry the router chose
	 * @param span the document span weighed against it
	 */
	static Optional<String> statedOnlyBySpan(String asked, String own, FaqEntry entry, ExtractiveAnswers.Span span) {
		if (asked == null || own == null || span == null) {
			return Optional.empty();
		}
		List<Pattern> facts = factsAsked(own);
		if (facts.isEmpty()) {
			return Optional.empty();
		}
		Set<String> entryWords = ContentWords.setOf(FaqRouting.phrasings(entry) + "\n" + entry.answer());
		Set<String> unsaid = new LinkedHashSet<>(Answerability.topicWords(asked));
		unsaid.removeAll(entryWords);
		// a stop word read as a topic word ("what" of "what's") names nothing
		unsaid.removeIf((word) -> ContentWords.of(word).isEmpty());
		// every word the entry never says must be the span's (title, path or text): a
		// span that names one of them ("home phone: €5" for "a second phone number")
		// is about something else the question shares a word with
		if (unsaid.isEmpty()
				|| !ContentWords.setOf(ExtractiveAnswers.withoutReferences(span.context())).containsAll(unsaid)) {
			return Optional.empty();
		}
		List<String> units = units(ExtractiveAnswers.withoutReferences(span.text()));
		for (String word : unsaid) {
			for (String unit : units) {
				if (ContentWords.setOf(unit).contains(word)
						&& facts.stream().allMatch((fact) -> fact.matcher(unit).find())) {
					return Optional.of(word);
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * What a unit must hold for each kind of fact the customer's words ask: those of
	 * {@link Answerability#factsAsked}, a number before what "how many" names, a data
	 * rate for a speed.
	 */
	static List<Pattern> factsAsked(String own) {
		List<Pattern> facts = new ArrayList<>();
		for (Pattern fact : Answerability.factsAsked(own)) {
			// a length of time, not any digit: "By phone: 0800 123 4567" states no time
			facts.add((fact == Answerability.DURATION) ? TIME : fact);
		}
		Matcher many = HOW_MANY.matcher(own);
		if (many.find()) {
			String thing = ContentWords.stem(many.group(1).toLowerCase(Locale.ROOT));
			facts.add(Pattern.compile("\\d[\\d,.]*\\s+(?:[\\p{L}-]+\\s+){0,2}?" + Pattern.quote(thing),
					Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
		}
		if (SPEED_ASKED.matcher(own).find()) {
			facts.add(RATE);
		}
		return List.copyOf(facts);
	}

	/**
	 * The text's sentences and list lines; consecutive table rows ("|" in the line) are
	 * one unit, so that a header names the cells below it.
	 */
	static List<String> units(String text) {
		List<String> units = new ArrayList<>();
		for (String line : lines(text)) {
			if (line.contains("|")) {
				units.add(line);
			}
			else {
				units.addAll(Sentences.of(line, Locale.ROOT));
			}
		}
		return units;
	}

	/** The text's paragraphs and list lines, consecutive table rows together. */
	static List<String> lines(String text) {
		List<String> lines = new ArrayList<>();
		StringBuilder table = new StringBuilder();
		for (String line : text.lines().toList()) {
			if (line.contains("|")) {
				table.append(line).append('\n');
				continue;
			}
			if (!table.isEmpty()) {
				lines.add(table.toString());
				table.setLength(0);
			}
			lines.add(line);
		}
		if (!table.isEmpty()) {
			lines.add(table.toString());
		}
		return lines;
	}

}
