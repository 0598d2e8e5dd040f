package dev.hearth.knowledge;

import java.time.Instant;

/**
 * An FAQ entry as stored.
 *
 * @param entry the entry
 * @param version 1 for the first import, +1 for every change
 * @param updatedAt last change
 */
public record StoredFaqEntry(FaqEntry entry, int version, Instant updatedAt) {
}
