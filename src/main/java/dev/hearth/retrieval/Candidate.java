package dev.hearth.retrieval;

/**
 * A passage one retriever returned, with its score and 1-based rank in that retriever's
 * list.
 *
 * @param doc the Lucene document number in the searcher it came from
 * @param id the passage id
 * @param groupKey the passage group key
 * @param score the retriever's score (BM25, or exact cosine similarity)
 * @param rank the 1-based position in the retriever's list
 */
record Candidate(int doc, String id, String groupKey, float score, int rank) {

}
