package dev.hearth.knowledge;

import java.util.List;

import dev.hearth.retrieval.SearchHit;

/**
 * The passages found for a question.
 *
 * @param hits best first
 * @param embeddingMicros time spent embedding the question
 * @param searchMicros time spent in the index
 */
public record SearchResults(List<SearchHit> hits, long embeddingMicros, long searchMicros) {
}
