package dev.hearth.kbimport;

/**
 * The command line is wrong: an unknown command or option, a missing or malformed value,
 * a path that does not exist. Leads to exit code 2 and one line on stderr.
 */
final class UsageException extends RuntimeException {

	private final String command;

	/**
	 * @param message what was wrong, with the offending input, ready to show after
	 * "kb-import: "
	 * @param command the command whose help explains the fix, or {@code null} for the
	 * general help
	 */
	UsageException(String message, String command) {
		super(message);
		this.command = command;
	}

	UsageException(String message) {
		this(message, null);
	}

	/**
	 * The one line shown to the user, with a pointer to the help that explains the fix.
	 */
	String userMessage() {
		String help = (this.command != null) ? "kb-import " + this.command + " --help" : "kb-import --help";
		return "kb-import: " + getMessage() + " (see " + help + ")";
	}

}
