package dev.hearth.kbimport;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code import PATH...}: imports files and folder trees as documents, uploading only
 * what changed since the last import, optionally removing documents whose files are gone.
 */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = Version.class,
		header = "Import files or folder trees as documents (only what changed)",
		description = { "Imports files, and folders recursively, as documents. Hidden files and folders",
				"are skipped. A file in folder .../docs is imported as source docs/<path in the",
				"folder>; a file named directly as <file name>. --prefix NAME puts NAME in front",
				"instead of the folder's name.", "",
				"Only what changed is uploaded: a file whose source already exists with the same",
				"content (SHA-256), tags and language is left unchanged. Globs match the path",
				"relative to the folder (for a file argument, its name): * and ? stay within one",
				"folder, ** crosses folders, **/*.md matches .md files at any depth. An --exclude",
				"glob that matches a folder skips all of it." },
		footerHeading = "%nExamples:%n",
		footer = { "  kb-import import ~/manuals", "  kb-import import docs --include '**/*.md' --tag product=router",
				"  kb-import import docs --prune --dry-run" })
final class ImportCommand implements CliCommand {

	@Parameters(paramLabel = "PATH", arity = "1..*", description = "files and folders to import")
	List<String> paths;

	@Option(names = "--include", paramLabel = "GLOB", description = "only import files matching GLOB (repeatable)")
	List<String> includes = new ArrayList<>();

	@Option(names = "--exclude", paramLabel = "GLOB", description = "skip files and folders matching GLOB (repeatable)")
	List<String> excludes = new ArrayList<>();

	@Option(names = "--tag", paramLabel = "KEY=VALUE", description = "tag every imported document (repeatable)")
	List<String> tags = new ArrayList<>();

	@Option(names = "--language", paramLabel = "CODE",
			description = "the documents' language, e.g. en (default: the server detects it)")
	String language;

	@Option(names = "--prefix", paramLabel = "NAME",
			description = "start sources with NAME/ instead of the folder's name")
	String prefix;

	@Option(names = "--prune", description = "afterwards delete documents under a folder argument whose file is gone")
	boolean prune;

	@Option(names = "--dry-run",
			description = "show what would be added, updated, unchanged and removed; change nothing")
	boolean dryRun;

	@Option(names = "--parallel", paramLabel = "N", description = "N uploads (requests) at a time, 1 to 32 (default 2)")
	int parallel = 2;

	@Option(names = "--batch", paramLabel = "N",
			description = "up to N files per request, 1 to 100 (default 16; the server's limit applies); 1 sends "
					+ "each file on its own")
	int batch = 16;

	private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");

	@Override
	public int run(Session session) {
		Tags tags = Tags.parse(this.tags, "import");
		String language = language(this.language);
		int parallel = CliCommand.within("--parallel", this.parallel, 1, 32, "import");
		int batch = CliCommand.within("--batch", this.batch, 1, 100, "import");
		PathFilter filter = PathFilter.parse(this.includes, this.excludes, "import");
		List<ImportRoot> roots = this.paths.stream().map((path) -> ImportRoot.of(path, this.prefix)).toList();
		List<ImportRoot> pruneRoots = this.prune ? roots.stream().filter(ImportRoot::folder).toList() : List.of();
		if (this.prune && pruneRoots.isEmpty()) {
			session.err().println("kb-import: --prune only applies to folder arguments; nothing will be removed");
		}
		FileWalker.Result found = new FileWalker(filter).walk(roots);
		if (found.files().isEmpty()) {
			session.err()
				.println("kb-import: no files to import in " + String.join(" ", this.paths)
						+ " (hidden files are skipped; check --include and --exclude)");
		}

		HearthClient client = session.client();
		JsonNode status = client.status();
		long maxDocumentBytes = Json.number(status, "maxDocumentBytes", 0);
		// a server without multi-document uploads does not give their limits: one file a
		// request
		int maxBatchFiles = (int) Math.min(batch, Json.number(status, "maxBatchFiles", 1));
		long maxBatchBytes = Json.number(status, "maxBatchBytes", Long.MAX_VALUE);
		List<RemoteDocument> existing = RemoteDocument.listFrom(client.documents());
		ImportPlan planned = new ImportPlanner(tags, language, maxDocumentBytes, Sha256::of).plan(found.files(),
				existing, pruneRoots);
		List<Failure> failures = new ArrayList<>(found.failures());
		failures.addAll(planned.failures());
		ImportPlan plan = new ImportPlan(planned.items(), failures, planned.removals());

		if (this.dryRun) {
			ImportSummary.printPlan(session.out(), plan);
			return plan.failures().isEmpty() ? 0 : 1;
		}
		return execute(plan,
				new Uploader(client, tags, language, parallel, Math.max(1, maxBatchFiles), Math.max(1, maxBatchBytes)),
				session);
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
