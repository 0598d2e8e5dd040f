package dev.hearth.kbimport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import tools.jackson.databind.JsonNode;

/** {@code faq FILE}: imports FAQ entries from a JSONL or CSV file. */
@Command(name = "faq", mixinStandardHelpOptions = true, versionProvider = Version.class,
		header = "Import FAQ entries from a JSONL or CSV file",
		description = { "Imports the FAQ entries in FILE (UTF-8). Entries are matched by id: new ones are",
				"added, changed ones updated. With --replace, entries that are not in the file",
				"are removed, so the file becomes the whole FAQ. The FAQ router then retrains:",
				"the command returns once the new model is live, unless --no-wait. The format",
				"comes from the file's extension (.jsonl, .ndjson or .csv) unless --format is",
				"given; see kb-import/README.md for both formats." },
		footerHeading = "%nExamples:%n",
		footer = { "  kb-import faq faq.jsonl", "  kb-import faq export.txt --format csv --replace" })
final class FaqCommand implements CliCommand {

	/** The formats the server reads. */
	enum Format {

		JSONL, CSV

	}

	@Parameters(paramLabel = "FILE", description = "the FAQ file")
	String file;

	@Option(names = "--format", paramLabel = "FORMAT",
			description = "the file's format: ${COMPLETION-CANDIDATES} (default: from its extension)")
	Format format;

	@Option(names = "--replace", description = "remove the entries that are not in the file")
	boolean replace;

	@Option(names = "--no-wait", description = "return without waiting for the FAQ router to retrain")
	boolean noWait;

	@Override
	public int run(Session session) {
		String argument = this.file;
		Path file = Path.of(argument);
		String format = (this.format != null) ? this.format.name().toLowerCase(Locale.ROOT) : formatOf(argument);
		if (!Files.isRegularFile(file)) {
			throw new UsageException("no such file: " + argument, "faq");
		}
		String text = read(file, argument);
		JsonNode result = session.client().importFaq(format, this.replace, text);
		session.out()
			.println("FAQ: " + Json.number(result, "added", 0) + " added, " + Json.number(result, "updated", 0)
					+ " updated, " + Json.number(result, "unchanged", 0) + " unchanged, "
					+ Json.number(result, "removed", 0) + " removed; " + Json.number(result, "entries", 0)
					+ " entries in total.");
		int routerExit = 0;
		boolean changed = Json.number(result, "added", 0) + Json.number(result, "updated", 0)
				+ Json.number(result, "removed", 0) > 0;
		if (changed && !this.noWait) {
			session.err().println("kb-import: waiting for the FAQ router to retrain …");
			routerExit = RouterReport.print(RouterReport.awaitRevision(Json.number(result, "revision", 0), session),
					true, session);
		}
		List<JsonNode> failed = Json.elements(result.get("failed"));
		if (failed.isEmpty()) {
			return routerExit;
		}
		session.out().println("Failed:");
		for (JsonNode failure : failed) {
			session.out()
				.println("  " + new Failure("line " + Json.text(failure, "line", "?"),
						Json.text(failure, "reason", "unreadable")));
		}
		return 1;
	}

	private static String formatOf(String argument) {
		String name = argument.toLowerCase(Locale.ROOT);
		if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
			return "jsonl";
		}
		if (name.endsWith(".csv")) {
			return "csv";
		}
		throw new UsageException(
				"cannot tell the format of '" + argument + "' from its extension: pass --format jsonl or --format csv",
				"faq");
	}

	/**
	 * The file as UTF-8 text without a byte order mark.
	 * @throws UsageException when it cannot be read or is not UTF-8
	 */
	private static String read(Path file, String argument) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(Files.readAllBytes(file)))
				.toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			throw new UsageException(argument + " is not UTF-8 text: save it as UTF-8 and try again", "faq");
		}
		catch (IOException ex) {
			throw new UsageException("cannot read " + argument + ": " + Texts.describe(ex), "faq");
		}
	}

}
