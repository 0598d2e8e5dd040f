package dev.hearth.knowledge;

import java.util.UUID;

/**
 * A document was removed from the knowledge base.
 *
 * @param documentId the document
 * @param source its source path
 * @param revision the knowledge base revision without it
 */
public record DocumentDeleted(UUID documentId, String source, long revision) {
}
