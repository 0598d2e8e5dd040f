package dev.hearth.knowledge;

import java.util.UUID;

/**
 * A document was added or replaced by a new version, and is searchable.
 *
 * @param documentId the document
 * @param source its source path
 * @param version its new version
 * @param outcome {@link ImportOutcome#ADDED} or {@link ImportOutcome#UPDATED}
 * @param revision the knowledge base revision that includes it
 */
public record DocumentImported(UUID documentId, String source, int version, ImportOutcome outcome, long revision) {
}
