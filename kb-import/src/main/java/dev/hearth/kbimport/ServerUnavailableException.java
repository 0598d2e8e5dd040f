package dev.hearth.kbimport;

/**
 * Hearth cannot be used at all: it is not reachable, it stopped answering, or it refused
 * the token. Leads to exit code 3; the message is one line that says what to do.
 */
final class ServerUnavailableException extends RuntimeException {

	private final boolean connectFailed;

	private ServerUnavailableException(String message, boolean connectFailed, Throwable cause) {
		super(message, cause);
		this.connectFailed = connectFailed;
	}

	static ServerUnavailableException unreachable(String server, Throwable cause) {
		return new ServerUnavailableException(
				"cannot reach Hearth at " + server + " — is the server running? (set --server or HEARTH_URL)", true,
				cause);
	}

	static ServerUnavailableException connectionFailed(String server, Throwable cause) {
		String why = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		return new ServerUnavailableException("the connection to Hearth at " + server + " failed (" + why
				+ ") — check that the server is running and try again", false, cause);
	}

	static ServerUnavailableException timedOut(String server, Throwable cause) {
		return new ServerUnavailableException(
				"Hearth at " + server + " did not answer in time — check the server's health and try again", false,
				cause);
	}

	static ServerUnavailableException tokenRefused(boolean tokenSent) {
		return new ServerUnavailableException(
				tokenSent ? "the server refused the token — pass --token or set HEARTH_TOKEN"
						: "the server requires a token — pass --token or set HEARTH_TOKEN",
				true, null);
	}

	static ServerUnavailableException forbidden(String detail) {
		return new ServerUnavailableException("the server refused the token for the admin API (" + detail
				+ ") — pass an admin token with --token or HEARTH_TOKEN", true, null);
	}

	/**
	 * Whether no request can succeed (connection refused, token refused), as opposed to
	 * one request having failed on an established connection.
	 */
	boolean isFatalForAllRequests() {
		return this.connectFailed;
	}

	String userMessage() {
		return "kb-import: " + getMessage();
	}

}
