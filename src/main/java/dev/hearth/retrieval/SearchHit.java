package dev.hearth.retrieval;

import java.util.List;
import java.util.Map;

/**
 * One result of {@link HybridSearcher#search}: the best passage of its group, with what a
 * caller needs to show and cite it.
 *
 * <p>
 * Hits returned by {@link HybridSearcher} are immutable (their tag map and lists are
 * unmodifiable) and safe to share between threads.
 *
 * @param id the passage id
 * @param documentId the document the passage belongs to
 * @param groupKey the group this hit represents
 * @param kind what the passage stands for
 * @param source where the passage came from
 * @param title the document or FAQ title
 * @param sectionPath the section, may be empty
 * @param passage the text to show
 * @param citation the link to show
 * @param language the passage language
 * @param tags the passage tags
 * @param score the fused score: an RRF sum, a linear blend (at most 1), a BM25 score or a
 * cosine similarity, depending on {@link Fusion}; only comparable within one result list
 * @param bm25Rank the 1-based rank in the BM25 candidate list, 0 when BM25 did not return
 * it
 * @param vectorRank the 1-based rank in the vector candidate list, 0 when vector search
 * did not return it
 * @param similarity the cosine similarity of the passage's embedding to the query vector,
 * computed exactly from the passage's stored float vector (also when vector search did
 * not return the passage); {@link Float#NaN} when the query had no vector
 */
public record SearchHit(String id, String documentId, String groupKey, PassageKind kind, String source, String title,
		String sectionPath, String passage, String citation, String language, Map<String, List<String>> tags,
		float score, int bm25Rank, int vectorRank, float similarity) {

}
