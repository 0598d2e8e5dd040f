package dev.hearth.kbimport;

import java.util.Comparator;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import tools.jackson.databind.JsonNode;

/** {@code list}: the documents, or with {@code --faq} the FAQ entries. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Version.class,
		header = "List documents, or FAQ entries with --faq",
		description = { "Lists the documents in the knowledge base as a table: source, version, number of",
				"chunks, tags and when each last changed (UTC). With --faq, lists the FAQ entries",
				"instead. With --json, prints the server's JSON array unchanged." },
		footerHeading = "%nExamples:%n",
		footer = { "  kb-import list", "  kb-import list --faq", "  kb-import list --json | jq -r '.[].source'" })
final class ListCommand implements CliCommand {

	@Option(names = "--json", description = "print the server's JSON")
	boolean json;

	@Option(names = "--faq", description = "list FAQ entries")
	boolean faq;

	private static final int QUESTION_WIDTH = 60;

	@Override
	public int run(Session session) {
		boolean faq = this.faq;
		JsonNode answer = faq ? session.client().faqEntries() : session.client().documents();
		if (this.json) {
			session.out().println(Json.pretty(answer));
			return 0;
		}
		List<JsonNode> rows = Json.elements(answer);
		if (rows.isEmpty()) {
			session.err()
				.println(faq ? "kb-import: no FAQ entries yet — import some with: kb-import faq FILE"
						: "kb-import: no documents yet — import some with: kb-import import PATH");
			return 0;
		}
		Table table = faq ? faqTable(rows) : documentTable(rows);
		table.print(session.out());
		return 0;
	}

	private static Table documentTable(List<JsonNode> documents) {
		Table table = new Table("SOURCE", "VERSION", "CHUNKS", "TAGS", "UPDATED").alignRight(1).alignRight(2);
		documents.stream()
			.sorted(Comparator.comparing((JsonNode document) -> Json.text(document, "source", "")))
			.forEach((document) -> table.row(Json.text(document, "source", ""), Json.text(document, "version", ""),
					Json.text(document, "chunks", ""), Tags.fromJson(document.get("tags")),
					Texts.timestamp(Json.text(document, "updatedAt"))));
		return table;
	}

	private static Table faqTable(List<JsonNode> entries) {
		Table table = new Table("ID", "QUESTION", "TAGS", "UPDATED");
		entries.forEach((entry) -> table.row(Json.text(entry, "id", ""),
				Texts.excerpt(Json.text(entry, "question", ""), QUESTION_WIDTH), Tags.fromJson(entry.get("tags")),
				Texts.timestamp(Json.text(entry, "updatedAt"))));
		return table;
	}

}
