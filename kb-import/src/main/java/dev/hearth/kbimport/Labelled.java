package dev.hearth.kbimport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One line of an evaluation set: a question and where its answer must come from.
 *
 * @param question what the customer asks
 * @param expected the FAQ id that must answer, "escalate", or {@code null} for a
 * document-only question
 * @param expectedSource the end of the path of a document an answer must cite; may be
 * {@code null}
 * @param gold phrases of which a right answer holds at least one; empty for no check
 * @param group the report group: the line's {@code "group"}, else "faq", "escalate" or
 * "document"
 * @param history the earlier turns of a follow-up, oldest first; empty for none
 */
record Labelled(String question, String expected, String expectedSource, List<String> gold, String group,
		List<Turn> history) {

	static final String ESCALATE = "escalate";

	Labelled {
		gold = List.copyOf(gold);
		history = List.copyOf(history);
	}

	/** A question without history. */
	Labelled(String question, String expected, String expectedSource, List<String> gold, String group) {
		this(question, expected, expectedSource, gold, group, List.of());
	}

	/**
	 * An earlier turn of the conversation, as {@code POST /api/admin/answer} reads it.
	 *
	 * @param fromCustomer whether the customer wrote it (else the assistant or an agent)
	 * @param text what was written
	 */
	record Turn(boolean fromCustomer, String text) {
	}

	boolean expectsEscalation() {
		return ESCALATE.equals(this.expected);
	}

	/**
	 * Reads a JSONL set; every line needs a question and an "expected" or an
	 * "expected_source".
	 * @throws UsageException naming the file and line when a line is not such a question
	 */
	static List<Labelled> read(String file) {
		Path path = Path.of(file);
		if (!Files.isRegularFile(path)) {
			throw new UsageException("no such file: " + file, "eval");
		}
		List<Labelled> questions = new ArrayList<>();
		try {
			List<String> lines = Files.readAllLines(path);
			for (int i = 0; i < lines.size(); i++) {
				if (!lines.get(i).isBlank()) {
					questions.add(parse(Json.MAPPER.readTree(lines.get(i)), file, i + 1));
				}
			}
		}
		catch (JacksonException ex) {
			throw new UsageException(file + " is not JSONL: " + ex.getOriginalMessage(), "eval");
		}
		catch (IOException ex) {
			throw new UsageException("cannot read " + file + ": " + Texts.describe(ex), "eval");
		}
		if (questions.isEmpty()) {
			throw new UsageException(file + " has no questions", "eval");
		}
		return questions;
	}

	private static Labelled parse(JsonNode node, String file, int line) {
		String question = blankToNull(Json.text(node, "question", null));
		String expected = blankToNull(Json.text(node, "expected", null));
		String expectedSource = blankToNull(Json.text(node, "expected_source", null));
		if (question == null || (expected == null && expectedSource == null)) {
			throw new UsageException(file + " line " + line
					+ ": needs {\"question\": \"...\", \"expected\": \"<faq id> or escalate\"} or"
					+ " {\"question\": \"...\", \"expected_source\": \"<document path>\"}", "eval");
		}
		List<String> gold = new ArrayList<>();
		for (JsonNode phrase : Json.elements(node.get("gold"))) {
			gold.add(phrase.asString());
		}
		String group = blankToNull(Json.text(node, "group", null));
		if (group == null) {
			group = ESCALATE.equals(expected) ? "escalate" : (expected != null) ? "faq" : "document";
		}
		List<Turn> history = new ArrayList<>();
		for (JsonNode turn : Json.elements(node.get("history"))) {
			String text = Json.text(turn, "text");
			if (!turn.path("fromCustomer").isBoolean() || text == null) {
				throw new UsageException(file + " line " + line
						+ ": each turn of \"history\" needs {\"fromCustomer\": true or false, \"text\": \"...\"}",
						"eval");
			}
			history.add(new Turn(turn.path("fromCustomer").asBoolean(), text));
		}
		return new Labelled(question, expected, expectedSource, gold, group, history);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

}
