package dev.hearth.knowledge;

import java.util.UUID;

/**
 * What importing one file did.
 *
 * @param source the document's source path
 * @param outcome added, updated or unchanged
 * @param documentId the document
 * @param version its version after the import
 * @param chunks its number of passages
 * @param title its title
 * @param millis time the import took
 */
public record DocumentImportResult(String source, ImportOutcome outcome, UUID documentId, int version, int chunks,
		String title, long millis) {
}
