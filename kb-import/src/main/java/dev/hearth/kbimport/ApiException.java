package dev.hearth.kbimport;

/**
 * The server answered a request with an error (an RFC 9457 problem). Carries the
 * problem's {@code detail}, which is what the user sees, and its {@code reason} when the
 * server gave one (for example {@code ENCRYPTED} on a document that cannot be imported).
 */
final class ApiException extends RuntimeException {

	private final int status;

	private final String reason;

	ApiException(int status, String detail, String reason) {
		super(detail);
		this.status = status;
		this.reason = reason;
	}

	int status() {
		return this.status;
	}

	/** The problem's {@code reason} property, or {@code null}. */
	String reason() {
		return this.reason;
	}

	/** The problem's {@code detail}: what went wrong, in the server's words. */
	String detail() {
		return getMessage();
	}

}
