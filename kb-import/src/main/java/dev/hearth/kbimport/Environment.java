package dev.hearth.kbimport;

import java.io.Console;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the tool reads from its surroundings besides the command line: environment
 * variables, the home folder, and whether stderr is a terminal (for the progress bar).
 * Tests pass their own instead of the process's.
 *
 * @param variables environment variables (HEARTH_URL, HEARTH_TOKEN, HEARTH_DATA)
 * @param home the user's home folder, where {@code .hearth/admin-token} is looked up
 * @param interactive whether stderr is a terminal, so a progress bar can be redrawn
 * @param columns the terminal's width in characters
 */
record Environment(Map<String, String> variables, Path home, boolean interactive, int columns) {

	/** Set by the launcher from {@code [ -t 2 ]}; absent when started another way. */
	static final String INTERACTIVE_PROPERTY = "kbimport.interactive";

	/** Set by the launcher from {@code stty size}. */
	static final String COLUMNS_PROPERTY = "kbimport.columns";

	Environment {
		variables = Map.copyOf(variables);
	}

	static Environment ofProcess() {
		String interactive = System.getProperty(INTERACTIVE_PROPERTY);
		boolean terminal = (interactive != null) ? Boolean.parseBoolean(interactive) : consoleIsTerminal();
		int columns = 80;
		try {
			columns = Integer.parseInt(System.getProperty(COLUMNS_PROPERTY, "80").trim());
		}
		catch (NumberFormatException ex) {
			// keep 80
		}
		return new Environment(System.getenv(), Path.of(System.getProperty("user.home")), terminal,
				Math.max(columns, 40));
	}

	/** The variable's value, or {@code null} when it is unset or blank. */
	String variable(String name) {
		String value = this.variables.get(name);
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	private static boolean consoleIsTerminal() {
		Console console = System.console();
		if (console == null) {
			return false;
		}
		try {
			// Java 22+ returns a Console even when redirected; isTerminal() tells the
			// truth.
			return (boolean) Console.class.getMethod("isTerminal").invoke(console);
		}
		catch (ReflectiveOperationException ex) {
			return true; // Java 21: a non-null console means a terminal
		}
	}

}
