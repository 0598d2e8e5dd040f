package dev.hearth.kbimport;

import java.io.PrintStream;

/**
 * What a command works with: stdout for results, stderr for progress and messages (both
 * {@link SafePrintStream}s, so text from files and the server cannot reach the terminal
 * as control sequences), the raw stderr for the progress bar, the environment, and the
 * server (connected on first use, closed by {@link KbImport}).
 */
final class Session implements AutoCloseable {

	private final PrintStream out;

	private final PrintStream err;

	private final PrintStream terminal;

	private final Environment environment;

	private final Connection connection;

	private final boolean debug;

	private HearthClient client;

	Session(SafePrintStream out, SafePrintStream err, PrintStream terminal, Environment environment,
			Connection connection, boolean debug) {
		this.out = out;
		this.err = err;
		this.terminal = terminal;
		this.environment = environment;
		this.connection = connection;
		this.debug = debug;
	}

	PrintStream out() {
		return this.out;
	}

	PrintStream err() {
		return this.err;
	}

	/**
	 * The raw stderr, for the progress bar's control sequences only: whatever is printed
	 * here must be escaped with {@link TerminalText#escape} first.
	 */
	PrintStream terminal() {
		return this.terminal;
	}

	Environment environment() {
		return this.environment;
	}

	synchronized HearthClient client() {
		if (this.client == null) {
			this.client = new HearthClient(this.connection, this.debug ? this.err : null);
		}
		return this.client;
	}

	@Override
	public synchronized void close() {
		if (this.client != null) {
			this.client.close();
		}
	}

}
