package dev.hearth.kbimport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * {@code sample remove}: removes the sample knowledge base (the fictional Northwind
 * Fibre) that a new Hearth loads into an empty knowledge base, and leaves the company's
 * own content.
 */
@Command(name = "sample", mixinStandardHelpOptions = true, versionProvider = Version.class,
		header = "Remove the bundled sample knowledge base", synopsisSubcommandLabel = "remove",
		description = { "A new Hearth with an empty knowledge base loads a sample: the documents and",
				"FAQ of Northwind Fibre, a fictional broadband company, so that it answers at", "once.",
				"It loads only into an empty knowledge base, never next to your own content.", "",
				"sample remove deletes the sample's documents and FAQ entries and leaves", "everything you imported." },
		subcommands = { SampleCommand.Remove.class })
final class SampleCommand {

	/** {@code sample remove}. */
	@Command(name = "remove", mixinStandardHelpOptions = true, versionProvider = Version.class,
			header = "Remove the sample's documents and FAQ entries; keep your own content",
			description = { "Deletes every document the sample loaded (sources under sample-kb/) and the",
					"FAQ entries of its faq.jsonl. Your own documents and FAQ entries stay. Safe", "to run twice." },
			footerHeading = "%nExample:%n", footer = "  kb-import sample remove")
	static final class Remove implements CliCommand {

		@Option(names = "--json", description = "print the server's JSON")
		boolean json;

		@Override
		public int run(Session session) {
			JsonNode removed = session.client().removeSample();
			if (this.json) {
				session.out().println(Json.pretty(removed));
				return 0;
			}
			long documents = removed.path("documents").asLong(0);
			long entries = removed.path("faqEntries").asLong(0);
			if (documents == 0 && entries == 0) {
				session.out()
					.println("No sample content on " + session.client().server() + ": nothing removed (it was "
							+ "removed before, or never loaded because the knowledge base was not empty).");
				return 0;
			}
			session.out()
				.println("Removed the sample knowledge base from " + session.client().server() + ": " + documents
						+ " documents and " + entries + " FAQ entries. Your own content was not touched.");
			return 0;
		}

	}

}
