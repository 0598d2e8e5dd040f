package dev.hearth.privacy;

/**
 * One place outside PostgreSQL where anchor records go. Implementations throw when a
 * record could not be written, so that it is tried again on the next run.
 */
interface AnchorSink {

	/** The name kept in {@code audit_checkpoint_anchor.anchor}: file, syslog, webhook. */
	String name();

	/** Writes one record (a JSON object on one line). */
	void write(String json) throws java.io.IOException;

}
