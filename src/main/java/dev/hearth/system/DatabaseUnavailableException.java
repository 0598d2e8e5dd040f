package dev.hearth.system;

/**
 * Hearth found no PostgreSQL it may use; the message says why and what to do, in one
 * line.
 */
class DatabaseUnavailableException extends RuntimeException {

	private final String action;

	DatabaseUnavailableException(String message, String action) {
		super(message);
		this.action = action;
	}

	String action() {
		return this.action;
	}

}
