package dev.hearth.retrieval;

/**
 * A candidate after fusion: its fused score and its rank in each retriever's list (0 when
 * that retriever did not return it).
 *
 * @param doc the Lucene document number
 * @param id the passage id
 * @param groupKey the passage group key
 * @param score the fused score
 * @param bm25Rank the 1-based BM25 rank, or 0
 * @param vectorRank the 1-based vector rank, or 0
 */
record Fused(int doc, String id, String groupKey, float score, int bm25Rank, int vectorRank) {

}
