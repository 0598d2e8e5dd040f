package dev.hearth.kbimport;

import java.io.PrintStream;
import java.util.List;

/**
 * The {@code kb-import} command-line tool: loads documents and FAQ entries into Hearth
 * through its admin API. {@link #main} only delegates to {@link #run}, which takes its
 * output streams and environment so tests can drive it.
 *
 * <p>
 * Exit codes: 0 ok; 1 something failed; 2 usage error; 3 the server cannot be reached or
 * refused the token. Errors are one line on stderr saying what to do; stack traces only
 * with {@code --debug}.
 */
public final class KbImport {

	static final List<CommandSpec> COMMANDS = List.of(ImportCommand.SPEC, FaqCommand.SPEC, ListCommand.SPEC,
			DeleteCommand.SPEC, RebuildCommand.SPEC, StatusCommand.SPEC, SearchCommand.SPEC, TrainCommand.SPEC,
			EvalCommand.SPEC, AuditCommand.SPEC, GapsCommand.SPEC, AccountCommand.SPEC);

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
	 * @param rawOut where results go (escaped, see {@link SafePrintStream})
	 * @param rawErr where progress and errors go (escaped, except the progress bar's
	 * control sequences)
	 * @param environment environment variables, home folder, terminal
	 * @return the exit code
	 */
	static int run(String[] args, PrintStream rawOut, PrintStream rawErr, Environment environment) {
		SafePrintStream out = new SafePrintStream(rawOut, rawOut.charset());
		SafePrintStream err = new SafePrintStream(rawErr, rawErr.charset());
		Help help = new Help(COMMANDS);
		if (args.length == 0) {
			help.printGeneral(err);
			return USAGE;
		}
		boolean debug = List.of(args).contains("--debug");
		try {
			Invocation invocation = new ArgumentParser(COMMANDS).parse(args);
			if (invocation.help()) {
				if (invocation.command() != null) {
					help.printCommand(out, invocation.command());
				}
				else {
					help.printGeneral(out);
				}
				return OK;
			}
			Connection connection = Connection.resolve(invocation.server(), invocation.token(), environment);
			try (Session session = new Session(out, err, rawErr, environment, connection, debug)) {
				return invocation.command().command().get().run(invocation.args(), session);
			}
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

	private static void trace(boolean debug, PrintStream err, Throwable error) {
		if (debug) {
			error.printStackTrace(err);
		}
	}

}
