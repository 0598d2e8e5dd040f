package dev.hearth.knowledge;

import java.util.List;
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
 * @param audience who the document is for: its audience tags, or
 * {@value Audiences#INTERNAL} when it has none (agents only, never customers; see
 * {@link Audiences})
 */
public record DocumentImportResult(String source, ImportOutcome outcome, UUID documentId, int version, int chunks,
		String title, long millis, List<String> audience) {
}
