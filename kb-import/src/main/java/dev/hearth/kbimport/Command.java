package dev.hearth.kbimport;

/** One {@code kb-import} command; implementations are stateless. */
interface Command {

	/**
	 * Runs the command.
	 * @param args the command's parsed options and arguments
	 * @param session output streams and the server connection
	 * @return the exit code
	 * @throws UsageException when an argument is invalid (exit code 2)
	 * @throws ServerUnavailableException when the server cannot be used (exit code 3)
	 * @throws ApiException when the server rejected a request (exit code 1)
	 */
	int run(ParsedArgs args, Session session);

}
