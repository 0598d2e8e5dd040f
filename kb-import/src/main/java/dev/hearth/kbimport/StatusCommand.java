package dev.hearth.kbimport;

import java.util.List;

import tools.jackson.databind.JsonNode;

/** {@code status}: what the knowledge base holds and how fresh its index is. */
final class StatusCommand implements Command {

	static final CommandSpec SPEC = new CommandSpec("status", "Show what the knowledge base holds", "", 0, 0, """
			Shows the number of documents, chunks and FAQ entries, the index's revision and
			freshness, the embedding model and the largest document the server accepts.
			Also a quick check that the server is reachable and accepts the token.
			""", List.of(Option.flag("--json", "print the server's JSON")), StatusCommand::new);

	@Override
	public int run(ParsedArgs args, Session session) {
		JsonNode status = session.client().status();
		if (args.flag("--json")) {
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
