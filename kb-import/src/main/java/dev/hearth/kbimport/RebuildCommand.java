package dev.hearth.kbimport;

import picocli.CommandLine.Command;
import tools.jackson.databind.JsonNode;

/** {@code rebuild}: rebuilds the search index from the stored documents. */
@Command(name = "rebuild", mixinStandardHelpOptions = true, versionProvider = Version.class,
		header = "Rebuild the search index from the stored documents",
		description = { "Rebuilds the search index from the documents and FAQ entries the server stores.",
				"Normally not needed: imports update the index. Use it after changing the",
				"embedding model or analyzers, or when kb-import status keeps reporting the",
				"index as catching up. Waits until the rebuild is done." })
final class RebuildCommand implements CliCommand {

	@Override
	public int run(Session session) {
		session.err().println("kb-import: rebuilding the index on " + session.client().server() + " …");
		JsonNode result = session.client().rebuild();
		session.out()
			.println("Rebuilt the index: " + Json.text(result, "passages", "?") + " passages, revision "
					+ Json.text(result, "revision", "?") + ", in " + Json.text(result, "millis", "?") + " ms.");
		return 0;
	}

}
