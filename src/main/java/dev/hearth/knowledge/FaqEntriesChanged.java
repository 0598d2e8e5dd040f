package dev.hearth.knowledge;

import java.util.List;

/**
 * FAQ entries were added, changed or removed (the FAQ router retrains on this).
 *
 * @param changedIds entries added or changed
 * @param removedIds entries removed
 * @param revision the knowledge base revision that includes the change
 */
public record FaqEntriesChanged(List<String> changedIds, List<String> removedIds, long revision) {
}
