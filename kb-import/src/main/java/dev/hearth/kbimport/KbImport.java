package dev.hearth.kbimport;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code kb-import} command-line tool: loads documents and FAQ entries into Hearth
 * through its admin API. {@link #main} only delegates to {@link #run}, which takes its
 * output streams and environment so tests can drive it. picocli parses the command line
 * ({@link KbImportCommand}) and prints help, version and completion script; this class
 * runs the chosen command and turns its outcome into an exit code.
 *
 * <p>
 * Exit codes: 0 ok; 1 something failed; 2 usage error; 3 the server cannot be reached or
 * refused the token. Errors are one line on stderr saying what to do; stack traces only
 * with {@code --debug}.
 */
public final class KbImport {

	static final int OK = 0;

	static final int FAILED = 1;

	static final int USAGE = 2;

	static final int UNAVAILABLE = 3;

	private KbImport() {
	}

	public static void main(String[] args) {
		int exitCode = run(args, System.out, System.err, Environment.ofProcess());
		System.out.flush();
		System.exit(exitCode);
	}

	/**
	 * Runs one command line.
	 * @param args the command line, without the program name
	 * @param rawOut where results and help go (escaped, see {@link SafePrintStream})
	 * @param rawErr where progress and errors go (escaped, except the progress bar's
	 * control sequences)
	 * @param environment environment variables, home folder, terminal
	 * @return the exit code
	 */
	static int run(String[] args, PrintStream rawOut, PrintStream rawErr, Environment environment) {
		SafePrintStream out = new SafePrintStream(rawOut, rawOut.charset());
		SafePrintStream err = new SafePrintStream(rawErr, rawErr.charset());
		CommandLine cli = commandLine(out, err);
		boolean debug = List.of(args).contains("--debug");
		try {
			ParseResult parsed = cli.parseArgs(args);
			Integer helped = CommandLine.executeHelpRequest(parsed);
			if (helped != null) {
				return helped;
			}
			ParseResult last = last(parsed);
			Object chosen = last.commandSpec().userObject();
			if (chosen instanceof Runnable runnable) {
				runnable.run(); // generate-completion
				return OK;
			}
			if (!(chosen instanceof CliCommand command)) {
				if (parsed == last) {
					last.commandSpec().commandLine().usage(err);
					return USAGE;
				}
				throw new ParameterException(last.commandSpec().commandLine(),
						"missing command for " + last.commandSpec().name() + ": one of "
								+ String.join(", ", last.commandSpec().subcommands().keySet()));
			}
			Connection connection = Connection.resolve(global(parsed, "--server"), global(parsed, "--token"),
					environment);
			try (Session session = new Session(out, err, rawErr, environment, connection, debug)) {
				return command.run(session);
			}
		}
		catch (ParameterException ex) {
			err.println("kb-import: " + ex.getMessage() + suggestion(ex) + " (see "
					+ ex.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
			trace(debug, err, ex);
			return USAGE;
		}
		catch (UsageException ex) {
			err.println(ex.userMessage());
			trace(debug, err, ex);
			return USAGE;
		}
		catch (ServerUnavailableException ex) {
			err.println(ex.userMessage());
			trace(debug, err, ex);
			return UNAVAILABLE;
		}
		catch (ApiException ex) {
			err.println("kb-import: " + ex.detail());
			trace(debug, err, ex);
			return FAILED;
		}
		catch (RuntimeException ex) {
			err.println("kb-import: unexpected error: " + ex + (debug ? "" : " (run again with --debug for details)"));
			trace(debug, err, ex);
			return FAILED;
		}
		finally {
			out.flush();
			err.flush();
		}
	}

	/** The command line as picocli reads it, printing help to {@code out}. */
	static CommandLine commandLine(PrintStream out, PrintStream err) {
		CommandLine cli = new CommandLine(new KbImportCommand());
		cli.setCaseInsensitiveEnumValuesAllowed(true);
		cli.setOut(new PrintWriter(out, true));
		cli.setErr(new PrintWriter(err, true));
		spaceOut(cli);
		return cli;
	}

	/** Blank lines between the sections of every command's help. */
	private static void spaceOut(CommandLine command) {
		for (CommandLine sub : command.getSubcommands().values()) {
			sub.getCommandSpec()
				.usageMessage()
				.descriptionHeading("%n")
				.parameterListHeading("%nArguments:%n")
				.optionListHeading("%nOptions (global ones before or after the command):%n");
			spaceOut(sub);
		}
	}

	private static ParseResult last(ParseResult parsed) {
		ParseResult last = parsed;
		while (last.hasSubcommand()) {
			last = last.subcommand();
		}
		return last;
	}

	/**
	 * A global option's value wherever it was given, before or after the command (the
	 * later one wins).
	 */
	private static String global(ParseResult parsed, String option) {
		String value = null;
		for (ParseResult level = parsed; level != null; level = level.hasSubcommand() ? level.subcommand() : null) {
			if (level.hasMatchedOption(option)) {
				value = level.matchedOptionValue(option, null);
			}
		}
		return value;
	}

	private static String suggestion(ParameterException ex) {
		if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
			return "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
		}
		return "";
	}

	private static void trace(boolean debug, PrintStream err, Throwable error) {
		if (debug) {
			error.printStackTrace(err);
		}
	}

}
