package dev.hearth.kbimport;

import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code kb-import} command line as picocli reads it: the global options, which go
 * before or after the command ({@link ScopeType#INHERIT}), and the commands. Parsing and
 * help are picocli's; {@link KbImport} runs what was parsed.
 */
@Command(name = "kb-import", mixinStandardHelpOptions = true, versionProvider = Version.class,
		header = "kb-import — load documents and FAQ entries into Hearth's knowledge base",
		synopsisSubcommandLabel = "COMMAND",
		subcommands = { ImportCommand.class, FaqCommand.class, ListCommand.class, DeleteCommand.class,
				RebuildCommand.class, StatusCommand.class, SearchCommand.class, TrainCommand.class, EvalCommand.class,
				AuditCommand.class, GapsCommand.class, AccountCommand.class, SampleCommand.class, HelpCommand.class,
				GenerateCompletion.class },
		commandListHeading = "%nCommands:%n", optionListHeading = "%nGlobal options (before or after the command):%n",
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:ok", "1:something failed (for example some files could not be imported)", "2:usage error",
				"3:cannot reach the server, or the server refused the token" },
		footer = { "", "Run kb-import COMMAND --help for a command's options and examples.",
				"Shell completion: source <(kb-import generate-completion)" })
final class KbImportCommand {

	@Option(names = "--server", paramLabel = "URL", scope = ScopeType.INHERIT,
			description = "Hearth's address, default " + Connection.DEFAULT_SERVER + " (env HEARTH_URL)")
	String server;

	@Option(names = "--token", paramLabel = "TOKEN", scope = ScopeType.INHERIT,
			description = "admin API token (env HEARTH_TOKEN); for a local server, the file "
					+ "admin-token in $HEARTH_DATA, default ~/.hearth")
	String token;

	@Option(names = "--debug", scope = ScopeType.INHERIT,
			description = "show HTTP requests, and stack traces on errors")
	boolean debug;

}
