package dev.hearth.assistant;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.hearth.knowledge.FaqEntry;

/**
 * What a table or a list of labelled rows says to a question that names a column and a
 * row (ADR 0086). A table's header row names what each column gives ("Upload", "Data",
 * "24-month price"); its first cell names what each row is ("Fibre 900"). A list whose
 * items are short "label: value" rows under a heading ("Channel numbers": "301–349:
 * Kids") is a table of two columns whose header is the heading. A question that names a
 * column header asks for that column; one that names a row's label picks that row. A
 * table is shown whole (its rows are never split), so the cell asked is always in what
 * the customer reads. Thread-safe: stateless.
 */
final class TableColumns {

	/** A table row as {@link ExtractiveAnswers#units} keeps it: cells between pipes. */
	private static final Pattern CELL_SEPARATOR = Pattern.compile("\\s*\\|\\s*");

	/**
	 * A list item that is a short labelled row: "301–349: Kids", "Kids: €5 per month".
	 */
	private static final Pattern LABELLED_ROW = Pattern.compile("^[^:.!?\\n]{1,40}:\\s*[^.!?:\\n]{1,40}\\.?$");

	/** A Markdown table's separator row: "|---|:--:|". */
	private static final Pattern SEPARATOR_ROW = Pattern.compile("^[\\s|:\\-]+$");

	/** "the most expensive", "the least used", "the fastest", "the cheapest". */
	private static final Pattern SUPERLATIVE = Pattern
		.compile("\\bthe\\s+(?:(?:most|least)\\s+([a-z]+)|([a-z]+est))\\b", Pattern.CASE_INSENSITIVE);

	/** Nouns in "-est" that are no superlatives. */
	private static final Pattern NOT_SUPERLATIVE = Pattern.compile(
			"^(?:rest|interest|request|quest|test|contest|protest|west|chest|guest|nest|forest|harvest|honest|modest|"
					+ "arrest|invest|suggest|digest|manifest)$",
			Pattern.CASE_INSENSITIVE);

	private TableColumns() {
	}

	/**
	 * The table's rows, each as its cells, the header first; empty when the text holds no
	 * table (no line with two or more cells between pipes).
	 * @param text a span's or a unit's text
	 */
	static List<List<String>> rows(String text) {
		List<List<String>> rows = new ArrayList<>();
		for (String line : text.split("\n")) {
			String row = line.strip();
			if (row.indexOf('|') < 0 || SEPARATOR_ROW.matcher(row).matches()) {
				continue;
			}
			if (row.startsWith("|")) {
				row = row.substring(1);
			}
			if (row.endsWith("|")) {
				row = row.substring(0, row.length() - 1);
			}
			List<String> cells = List.of(CELL_SEPARATOR.split(row.strip(), -1));
			if (cells.size() >= 2) {
				rows.add(cells);
			}
		}
		return rows;
	}

	/**
	 * The words of the table's column headers after the first (the first column names the
	 * rows, not a fact of them); empty when the text holds no table.
	 * @param text a span's or a unit's text
	 */
	static Set<String> columns(String text) {
		List<List<String>> rows = rows(text);
		Set<String> words = new LinkedHashSet<>();
		if (rows.size() < 2) {
			return words;
		}
		List<String> header = rows.get(0);
		for (int c = 1; c < header.size(); c++) {
			words.addAll(ContentWords.setOf(header.get(c)));
		}
		return words;
	}

	/**
	 * Whether the question names a column of the table (a topic word in a header after
	 * the first) and a row (every content word of a row's first cell, "Fibre 900"): the
	 * cell at their crossing is what was asked, as a section whose heading names the
	 * whole question is about it.
	 * @param question the question
	 * @param text a unit's text
	 */
	static boolean namesColumnAndRow(String question, String text) {
		List<List<String>> rows = rows(text);
		if (rows.size() < 2) {
			return false;
		}
		Set<String> topic = Answerability.topicWords(question);
		Set<String> asked = ContentWords.setOf(question);
		if (columns(text).stream().noneMatch(topic::contains)) {
			return false;
		}
		for (int r = 1; r < rows.size(); r++) {
			Set<String> label = ContentWords.setOf(rows.get(r).get(0));
			if (!label.isEmpty() && asked.containsAll(label)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The question's superlatives, stemmed: "the fastest", "the most expensive". They
	 * pick a row by the extreme value of a column; a table states the values, never the
	 * word. A word in "-est" counts after "the" only, and not the nouns that end so ("the
	 * rest", "the interest", "the request").
	 * @param question the question
	 */
	static Set<String> superlatives(String question) {
		Set<String> words = new LinkedHashSet<>();
		Matcher matcher = SUPERLATIVE.matcher(question);
		while (matcher.find()) {
			String word = (matcher.group(1) != null) ? matcher.group(1) : matcher.group(2);
			if (!NOT_SUPERLATIVE.matcher(word).find()) {
				words.addAll(ContentWords.setOf(word));
			}
		}
		return words;
	}

	/**
	 * Whether a list item is a short labelled row ("301–349: Kids"): read under its
	 * section heading, which names what the list gives, it is a row of a table of two
	 * columns.
	 * @param text a unit's text
	 */
	static boolean labelledRow(String text) {
		return LABELLED_ROW.matcher(text.strip()).matches();
	}

	/**
	 * Whether the span is the cell the question asks for: one labelled row the question
	 * names under the heading of its column ({@link #labelledRowNamed}: "what channel is
	 * the kids stuff on": "301–349: Kids" under "Channel numbers"). An FAQ entry that
	 * only mentions the same words ("lock channels", "Kids mode") does not state that
	 * fact. A whole table is not taken for the cell against an entry: an entry may state
	 * the same rows (the Hub's lights), and the table wins only by a column the entry
	 * never says ({@link #namedOnlyBySpan}).
	 * @param question the question
	 * @param span the document span
	 */
	static boolean statesCellAsked(String question, ExtractiveAnswers.Span span) {
		if (question == null || span == null) {
			return false;
		}
		String text = span.text().strip();
		return labelledRowNamed(question, span.heading(), text);
	}

	/**
	 * Whether the text is a labelled row ({@link #labelledRow}) whose label (either side
	 * of its colon, without numbers) names only topic words of the question, under a
	 * heading that names another topic word: the heading is the column, the label the row
	 * ("what channel is the kids stuff on": "301–349: Kids" under "Channel numbers").
	 * @param question the question
	 * @param heading the row's section heading, may be empty
	 * @param text a unit's or a span's text
	 */
	static boolean labelledRowNamed(String question, String heading, String text) {
		if (question == null || !labelledRow(text)) {
			return false;
		}
		Set<String> topic = Answerability.topicWords(question);
		Set<String> column = ContentWords.setOf(HeadingFacts.stated(heading));
		if (column.stream().noneMatch(topic::contains)) {
			return false;
		}
		for (String side : text.strip().split(":", 2)) {
			Set<String> label = ContentWords.setOf(side);
			label.removeIf((word) -> Character.isDigit(word.charAt(0)));
			if (!label.isEmpty() && topic.containsAll(label) && !column.containsAll(label)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A topic word of the question that a column header of the span's table names and the
	 * entry's question, phrasings and answer never say: the table gives the fact asked
	 * ("what's the upload speed on the fastest plan": the plans' "Upload" column), the
	 * entry another fact of the same things (their minimum guaranteed download speeds).
	 * @param asked the question
	 * @param entry the FAQ entry the router chose
	 * @param span the document span
	 */
	static Optional<String> namedOnlyBySpan(String asked, FaqEntry entry, ExtractiveAnswers.Span span) {
		if (asked == null || span == null) {
			return Optional.empty();
		}
		Set<String> columns = columns(span.text());
		if (columns.isEmpty()) {
			return Optional.empty();
		}
		Set<String> topic = new LinkedHashSet<>(Answerability.topicWords(asked));
		topic.removeAll(superlatives(asked));
		// "what's" stems to a word that asks and names nothing
		topic.removeIf((word) -> ContentWords.setOf(word).isEmpty());
		if (!ContentWords.setOf(ExtractiveAnswers.withoutReferences(span.context())).containsAll(topic)) {
			// "is there a cap on how much I can download": the table never names a cap
			return Optional.empty();
		}
		Set<String> entryWords = ContentWords.setOf(FaqRouting.phrasings(entry) + "\n" + entry.answer());
		return topic.stream().filter((word) -> columns.contains(word) && !entryWords.contains(word)).findFirst();
	}

}
