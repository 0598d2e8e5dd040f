package dev.hearth.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A document of the knowledge base, as stored.
 *
 * @param id stable id (kept across versions)
 * @param source where it came from, e.g. {@code docs/billing/invoices.md}; unique
 * @param title its title
 * @param contentHash SHA-256 of the imported file, lowercase hex
 * @param version 1 for the first import, +1 for every changed import
 * @param language ISO 639-1 code
 * @param tags filterable tags such as audience and product
 * @param mediaType detected type of the file
 * @param sizeBytes size of the file
 * @param chunks number of passages
 * @param createdAt first import
 * @param updatedAt last change
 */
public record KnowledgeDocument(UUID id, String source, String title, String contentHash, int version, String language,
		Map<String, List<String>> tags, String mediaType, long sizeBytes, int chunks, Instant createdAt,
		Instant updatedAt) {
}
