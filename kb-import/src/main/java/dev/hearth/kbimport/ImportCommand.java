package dev.hearth.kbimport;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code import PATH...}: imports files and folder trees as documents, uploading only
 * what changed since the last import, optionally removing documents whose files are gone.
 */
final class ImportCommand implements Command {

	static final CommandSpec SPEC = new CommandSpec("import",
			"Import files or folder trees as documents (only what changed)", "PATH...", 1, CommandSpec.UNLIMITED, """
					Imports files, and folders recursively, as documents. Hidden files and folders
					are skipped. A file in folder .../docs is imported as source docs/<path in the
					folder>; a file named directly as <file name>. --prefix NAME puts NAME in front
					instead of the folder's name.

					Only what changed is uploaded: a file whose source already exists with the same
					content (SHA-256), tags and language is left unchanged. Globs match the path
					relative to the folder (for a file argument, its name): * and ? stay within one
					folder, ** crosses folders, **/*.md matches .md files at any depth. An --exclude
					glob that matches a folder skips all of it.

					Examples:
					  kb-import import ~/manuals
					  kb-import import docs --include '**/*.md' --tag product=router
					  kb-import import docs --prune --dry-run
					""",
			List.of(Option.repeatable("--include", "GLOB", "only import files matching GLOB"),
					Option.repeatable("--exclude", "GLOB", "skip files and folders matching GLOB"),
					Option.repeatable("--tag", "KEY=VALUE", "tag every imported document"),
					Option.value("--language", "CODE",
							"the documents' language, e.g. en (default: the server detects it)"),
					Option.value("--prefix", "NAME", "start sources with NAME/ instead of the folder's name"),
					Option.flag("--prune", "afterwards delete documents under a folder argument whose file is gone"),
					Option.flag("--dry-run",
							"show what would be added, updated, unchanged and removed; change nothing"),
					Option.value("--parallel", "N", "upload N files at a time (default 2)")),
			ImportCommand::new);

	private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");

	@Override
	public int run(ParsedArgs args, Session session) {
		Tags tags = Tags.parse(args.values("--tag"), "import");
		String language = language(args.value("--language"));
		int parallel = args.intValue("--parallel", 2, 1, 32);
		PathFilter filter = PathFilter.parse(args.values("--include"), args.values("--exclude"), "import");
		String prefix = args.value("--prefix");
		List<ImportRoot> roots = args.positional().stream().map((path) -> ImportRoot.of(path, prefix)).toList();
		List<ImportRoot> pruneRoots = args.flag("--prune") ? roots.stream().filter(ImportRoot::folder).toList()
				: List.of();
		if (args.flag("--prune") && pruneRoots.isEmpty()) {
			session.err().println("kb-import: --prune only applies to folder arguments; nothing will be removed");
		}
		FileWalker.Result found = new FileWalker(filter).walk(roots);
		if (found.files().isEmpty()) {
			session.err()
				.println("kb-import: no files to import in " + String.join(" ", args.positional())
						+ " (hidden files are skipped; check --include and --exclude)");
		}

		HearthClient client = session.client();
		long maxDocumentBytes = Json.number(client.status(), "maxDocumentBytes", 0);
		List<RemoteDocument> existing = RemoteDocument.listFrom(client.documents());
		ImportPlan planned = new ImportPlanner(tags, language, maxDocumentBytes, Sha256::of).plan(found.files(),
				existing, pruneRoots);
		List<Failure> failures = new ArrayList<>(found.failures());
		failures.addAll(planned.failures());
		ImportPlan plan = new ImportPlan(planned.items(), failures, planned.removals());

		if (args.flag("--dry-run")) {
			ImportSummary.printPlan(session.out(), plan);
			return plan.failures().isEmpty() ? 0 : 1;
		}
		return execute(plan, new Uploader(client, tags, language, parallel), session);
	}

	private static int execute(ImportPlan plan, Uploader uploader, Session session) {
		ImportSummary summary = new ImportSummary();
		summary.failed(plan.failures());
		summary.unchanged(plan.count(ImportPlan.Action.UNCHANGED));
		List<ImportPlan.Item> uploads = plan.uploads();
		Uploader.Report report;
		try (ProgressBar progress = ProgressBar.forEnvironment(session.terminal(), session.environment(),
				uploads.size())) {
			report = uploader.upload(uploads, progress);
		}
		report.outcomes().forEach(summary::count);
		summary.notAttempted(report.notAttempted());
		ServerUnavailableException fatal = report.fatal();
		if (fatal == null) {
			try {
				prune(plan.removals(), session.client(), summary);
			}
			catch (ServerUnavailableException ex) {
				fatal = ex;
			}
		}
		summary.print(session.out());
		if (fatal != null) {
			throw fatal;
		}
		return summary.hasFailures() ? 1 : 0;
	}

	private static void prune(List<String> removals, HearthClient client, ImportSummary summary) {
		for (String source : removals) {
			try {
				client.deleteDocument(source);
				summary.removed();
			}
			catch (ApiException ex) {
				if (ex.status() == 404) {
					summary.removed(); // already gone
				}
				else {
					summary.failed(new Failure(source, "cannot remove: " + ex.detail()));
				}
			}
		}
	}

	private static String language(String value) {
		if (value == null) {
			return null;
		}
		if (!LANGUAGE.matcher(value.strip()).matches()) {
			throw new UsageException("--language must be a language code such as en or pt-BR, got '" + value + "'",
					"import");
		}
		return value.strip();
	}

}
