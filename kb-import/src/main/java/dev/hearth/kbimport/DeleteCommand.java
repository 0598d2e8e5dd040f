package dev.hearth.kbimport;

import java.util.List;

/** {@code delete SOURCE...} or {@code delete --faq ID...}. */
final class DeleteCommand implements Command {

	static final CommandSpec SPEC = new CommandSpec("delete", "Delete documents by source, or FAQ entries with --faq",
			"SOURCE...", 1, CommandSpec.UNLIMITED, """
					Deletes the documents with the given sources (as kb-import list shows them),
					or with --faq the FAQ entries with the given ids. Each one is deleted on its
					own; unknown ones are reported and the exit code is 1.

					Examples:
					  kb-import delete docs/old/pricing.md
					  kb-import delete --faq reset-password
					""", List.of(Option.flag("--faq", "the arguments are FAQ entry ids")), DeleteCommand::new);

	@Override
	public int run(ParsedArgs args, Session session) {
		boolean faq = args.flag("--faq");
		int failed = 0;
		for (String target : args.positional()) {
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
