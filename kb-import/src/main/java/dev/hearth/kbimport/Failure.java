package dev.hearth.kbimport;

/**
 * Something that could not be done, reported in a summary as {@code subject: reason}.
 *
 * @param subject the document source, file or FAQ line concerned
 * @param reason why, in the server's words when the server said it
 */
record Failure(String subject, String reason) {

	@Override
	public String toString() {
		return this.subject + ": " + this.reason;
	}

}
