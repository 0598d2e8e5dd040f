package dev.hearth.kbimport;

import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code delete SOURCE...} or {@code delete --faq ID...}. */
@Command(name = "delete", mixinStandardHelpOptions = true, versionProvider = Version.class,
		header = "Delete documents by source, or FAQ entries with --faq",
		description = { "Deletes the documents with the given sources (as kb-import list shows them),",
				"or with --faq the FAQ entries with the given ids. Each one is deleted on its",
				"own; unknown ones are reported and the exit code is 1." },
		footerHeading = "%nExamples:%n",
		footer = { "  kb-import delete docs/old/pricing.md", "  kb-import delete --faq reset-password" })
final class DeleteCommand implements CliCommand {

	@Parameters(paramLabel = "SOURCE", arity = "1..*", description = "document sources, or FAQ ids with --faq")
	List<String> targets;

	@Option(names = "--faq", description = "the arguments are FAQ entry ids")
	boolean faq;

	@Override
	public int run(Session session) {
		boolean faq = this.faq;
		int failed = 0;
		for (String target : this.targets) {
			String what = faq ? "FAQ entry " + target : target;
			try {
				if (faq) {
					session.client().deleteFaq(target);
				}
				else {
					session.client().deleteDocument(target);
				}
				session.out().println("deleted " + what);
			}
			catch (ApiException ex) {
				failed++;
				String reason = (ex.status() == 404)
						? (faq ? "no FAQ entry with id '" + target + "' (see kb-import list --faq)"
								: "no document with source '" + target + "' (see kb-import list)")
						: ex.detail();
				session.err().println("kb-import: cannot delete " + what + ": " + reason);
			}
		}
		return (failed == 0) ? 0 : 1;
	}

}
