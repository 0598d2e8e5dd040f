package dev.hearth.knowledge;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.hearth.system.InputText;

/**
 * Reads FAQ files. JSONL: one entry per line, {@code {"id", "question", "examples":
 * [...], "answer", "tags": {"product": "x" or [...]}, "language"}} (id, answer and a
 * question or an example are required). CSV: a header row naming {@code id},
 * {@code question}, {@code example}, {@code answer}, optionally {@code language} (RFC
 * 4180, read with Apache Commons CSV; a byte order mark is skipped), and any other column
 * is a tag (several values separated by {@code |} or {@code ;}); one row per phrasing,
 * rows of one entry sharing its id. Lines that cannot be read are reported with their
 * line number; the rest is read. Thread-safe.
 */
final class FaqFileReader {

	/**
	 * A line or entry that could not be read.
	 *
	 * @param line 1-based line number
	 * @param reason what is wrong with it
	 */
	public record Failure(int line, String reason) {
	}

	/**
	 * @param entries entries read, in file order
	 * @param failures what could not be read
	 */
	record Result(List<FaqEntry> entries, List<Failure> failures) {
	}

	/** RFC 4180, as spreadsheets write it; blank lines are skipped. */
	private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

	private final JsonMapper json;

	private final String defaultLanguage;

	FaqFileReader(JsonMapper json, String defaultLanguage) {
		this.json = json;
		this.defaultLanguage = defaultLanguage;
	}

	/**
	 * Reads the entries; every text goes through {@link InputText#clean} (a NUL in a file
	 * is removed, not sent to PostgreSQL).
	 */
	Result read(String text, FaqFormat format) {
		String cleaned = InputText.clean(text);
		return (format == FaqFormat.JSONL) ? readJsonl(cleaned) : readCsv(cleaned);
	}

	private Result readJsonl(String text) {
		List<FaqEntry> entries = new ArrayList<>();
		List<Failure> failures = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		List<String> lines = text.lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			int number = i + 1;
			if (line.isEmpty()) {
				continue;
			}
			try {
				JsonNode node = this.json.readTree(line);
				if (!node.isObject()) {
					throw new IllegalArgumentException("expected a JSON object");
				}
				List<String> examples = new ArrayList<>();
				JsonNode exampleNode = node.path("examples");
				if (!exampleNode.isMissingNode() && !exampleNode.isNull()) {
					if (!exampleNode.isArray()) {
						throw new IllegalArgumentException("examples must be an array of strings");
					}
					exampleNode.forEach((example) -> addText(examples, example.asString()));
				}
				Map<String, List<String>> tags = new LinkedHashMap<>();
				JsonNode tagNode = node.path("tags");
				if (tagNode.isObject()) {
					for (Map.Entry<String, JsonNode> tag : tagNode.properties()) {
						List<String> values = new ArrayList<>();
						if (tag.getValue().isArray()) {
							tag.getValue().forEach((v) -> addText(values, v.asString()));
						}
						else {
							addText(values, tag.getValue().asString());
						}
						tags.put(tag.getKey(), values);
					}
				}
				else if (!tagNode.isMissingNode() && !tagNode.isNull()) {
					throw new IllegalArgumentException("tags must be an object, e.g. {\"product\": \"fibre\"}");
				}
				FaqEntry entry = new FaqEntry(text(node, "id"), text(node, "question"), examples, text(node, "answer"),
						language(text(node, "language")), tags);
				add(entry, number, entries, failures, seen);
			}
			catch (JacksonException ex) {
				failures.add(new Failure(number, "not valid JSON: " + ex.getOriginalMessage()));
			}
			catch (IllegalArgumentException ex) {
				failures.add(new Failure(number, ex.getMessage()));
			}
		}
		return new Result(entries, failures);
	}

	private Result readCsv(String text) {
		List<FaqEntry> entries = new ArrayList<>();
		List<Failure> failures = new ArrayList<>();
		List<Row> rows = new ArrayList<>();
		String csv = text.startsWith("\ufeff") ? text.substring(1) : text;
		try (CSVParser parser = CSV.parse(new StringReader(csv))) {
			LineCounter lines = new LineCounter(csv);
			for (CSVRecord record : parser) {
				rows.add(new Row(lines.lineAt(record.getCharacterPosition()), record.toList()));
			}
		}
		catch (IOException | UncheckedIOException ex) {
			String reason = (ex instanceof UncheckedIOException unchecked) ? unchecked.getCause().getMessage()
					: ex.getMessage();
			failures.add(new Failure(rows.isEmpty() ? 1 : rows.get(rows.size() - 1).line() + 1,
					"is not valid CSV (" + reason + "): quote a cell that holds a comma, a quote or a line break"
							+ " with double quotes, and write a quote inside it twice"));
		}
		if (rows.isEmpty()) {
			return new Result(entries, failures);
		}
		List<String> header = rows.get(0).cells().stream().map((h) -> h.strip().toLowerCase(Locale.ROOT)).toList();
		if (!header.contains("id") || !header.contains("answer")
				|| !(header.contains("question") || header.contains("example"))) {
			failures.add(new Failure(1,
					"the header must name id, answer and question or example (and optionally language and tag columns), got "
							+ header));
			return new Result(entries, failures);
		}
		Map<String, Draft> drafts = new LinkedHashMap<>();
		for (Row row : rows.subList(1, rows.size())) {
			if (row.cells().stream().allMatch(String::isBlank)) {
				continue;
			}
			if (row.cells().size() > header.size()) {
				failures.add(new Failure(row.line(),
						"has " + row.cells().size() + " columns, the header has " + header.size()));
				continue;
			}
			Map<String, String> cells = new HashMap<>();
			for (int c = 0; c < row.cells().size(); c++) {
				cells.put(header.get(c), row.cells().get(c).strip());
			}
			String id = cells.getOrDefault("id", "");
			if (id.isEmpty()) {
				failures.add(new Failure(row.line(), "has no id"));
				continue;
			}
			Draft draft = drafts.computeIfAbsent(id, (k) -> new Draft(row.line()));
			draft.question = firstNonBlank(draft.question, cells.get("question"));
			draft.answer = firstNonBlank(draft.answer, cells.get("answer"));
			draft.language = firstNonBlank(draft.language, cells.get("language"));
			addText(draft.examples, cells.get("example"));
			for (String column : header) {
				if (!List.of("id", "question", "example", "answer", "language").contains(column)) {
					for (String value : cells.getOrDefault(column, "").split("[|;]")) {
						addText(draft.tags.computeIfAbsent(column, (k) -> new ArrayList<>()), value);
					}
				}
			}
		}
		drafts.forEach((id, draft) -> {
			try {
				entries.add(new FaqEntry(id, draft.question, draft.examples, draft.answer, language(draft.language),
						draft.tags));
			}
			catch (IllegalArgumentException ex) {
				failures.add(new Failure(draft.line, ex.getMessage()));
			}
		});
		return new Result(entries, failures);
	}

	private static void add(FaqEntry entry, int line, List<FaqEntry> entries, List<Failure> failures,
			Map<String, Integer> seen) {
		Integer first = seen.putIfAbsent(entry.id(), line);
		if (first != null) {
			failures.add(new Failure(line, "id " + entry.id() + " appears again (first on line " + first + ")"));
		}
		else {
			entries.add(entry);
		}
	}

	private String language(String language) {
		return (language == null || language.isBlank()) ? this.defaultLanguage
				: language.strip().toLowerCase(Locale.ROOT);
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new IllegalArgumentException(field + " must be a string");
		}
		return InputText.clean(value.asString()).strip();
	}

	private static void addText(List<String> list, String value) {
		if (value != null && !value.isBlank()) {
			list.add(InputText.clean(value).strip());
		}
	}

	private static String firstNonBlank(String current, String candidate) {
		return (current != null && !current.isBlank()) ? current
				: (candidate != null && !candidate.isBlank()) ? candidate : current;
	}

	private static final class Draft {

		final int line;

		String question;

		String answer;

		String language;

		final List<String> examples = new ArrayList<>();

		final Map<String, List<String>> tags = new LinkedHashMap<>();

		Draft(int line) {
			this.line = line;
		}

	}

	/**
	 * A CSV record and the 1-based line it starts on.
	 */
	private record Row(int line, List<String> cells) {
	}

	/**
	 * Turns a character position in the text into its 1-based line ({@code \n},
	 * {@code \r\n} and {@code \r} end a line). Positions must not decrease between calls.
	 */
	private static final class LineCounter {

		private final String text;

		private int position;

		private int line = 1;

		LineCounter(String text) {
			this.text = text;
		}

		int lineAt(long characterPosition) {
			int end = (int) Math.min(characterPosition, this.text.length());
			for (; this.position < end; this.position++) {
				char c = this.text.charAt(this.position);
				if (c == '\n' || (c == '\r'
						&& (this.position + 1 >= this.text.length() || this.text.charAt(this.position + 1) != '\n'))) {
					this.line++;
				}
			}
			return this.line;
		}

	}

}
