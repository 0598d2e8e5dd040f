package dev.hearth.kbimport;

import java.util.List;

import tools.jackson.databind.JsonNode;

/** {@code rebuild}: rebuilds the search index from the stored documents. */
final class RebuildCommand implements Command {

	static final CommandSpec SPEC = new CommandSpec("rebuild", "Rebuild the search index from the stored documents", "",
			0, 0, """
					Rebuilds the search index from the documents and FAQ entries the server stores.
					Normally not needed: imports update the index. Use it after changing the
					embedding model or analyzers, or when kb-import status keeps reporting the
					index as catching up. Waits until the rebuild is done.
					""", List.of(), RebuildCommand::new);

	@Override
	public int run(ParsedArgs args, Session session) {
		session.err().println("kb-import: rebuilding the index on " + session.client().server() + " …");
		JsonNode result = session.client().rebuild();
		session.out()
			.println("Rebuilt the index: " + Json.text(result, "passages", "?") + " passages, revision "
					+ Json.text(result, "revision", "?") + ", in " + Json.text(result, "millis", "?") + " ms.");
		return 0;
	}

}
