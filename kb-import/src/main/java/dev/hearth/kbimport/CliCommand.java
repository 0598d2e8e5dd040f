package dev.hearth.kbimport;

/**
 * One {@code kb-import} command: a picocli {@code @Command} whose options and parameters
 * picocli has filled in before {@link #run} is called. A new instance serves each command
 * line.
 */
interface CliCommand {

	/**
	 * Runs the command.
	 * @param session output streams and the server connection
	 * @return the exit code
	 * @throws UsageException when an argument is invalid (exit code 2)
	 * @throws ServerUnavailableException when the server cannot be used (exit code 3)
	 * @throws ApiException when the server rejected a request (exit code 1)
	 */
	int run(Session session);

	/**
	 * A whole-number option's value, checked against its range.
	 * @throws UsageException when it is outside the range
	 */
	static int within(String option, int value, int min, int max, String command) {
		if (value < min || value > max) {
			throw new UsageException(option + " must be a whole number from " + min + " to " + max + ", got " + value,
					command);
		}
		return value;
	}

}
