package dev.hearth.kbimport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code status}: what the knowledge base holds and how fresh its index is. */
@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = Version.class,
		header = "Show what the knowledge base holds",
		description = { "Shows the number of documents, chunks and FAQ entries, the index's revision and",
				"freshness, the embedding model and the largest document the server accepts.",
				"Also a quick check that the server is reachable and accepts the token." })
final class StatusCommand implements CliCommand {

	@Option(names = "--json", description = "print the server's JSON")
	boolean json;

	@Override
	public int run(Session session) {
		JsonNode status = session.client().status();
		if (this.json) {
			session.out().println(Json.pretty(status));
			return 0;
		}
		JsonNode index = status.path("index");
		String fresh = index.path("fresh").asBoolean(false) ? "fresh" : "catching up";
		long maxBytes = Json.number(status, "maxDocumentBytes", 0);
		Table table = Table.withoutHeader(2);
		table.row("server", session.client().server());
		table.row("documents", Json.text(status, "documents", "?"));
		table.row("chunks", Json.text(status, "chunks", "?"));
		table.row("FAQ entries", Json.text(status, "faqEntries", "?"));
		table.row("revision", Json.text(status, "revision", "?"));
		table.row("index", "revision " + Json.text(index, "revision", "?") + ", " + Json.text(index, "passages", "?")
				+ " passages, " + fresh);
		table.row("embedding model", Json.text(status, "embeddingModel", "?") + " ("
				+ Json.text(status, "dimensions", "?") + " dimensions)");
		table.row("largest document", (maxBytes > 0) ? Texts.bytes(maxBytes) : "no limit");
		table.print(session.out());
		return 0;
	}

}
