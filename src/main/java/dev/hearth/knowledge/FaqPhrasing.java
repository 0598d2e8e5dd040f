package dev.hearth.knowledge;

/**
 * One way of asking an FAQ entry's question, with its embedding: what the FAQ router
 * learns from.
 *
 * @param faqId the entry
 * @param text the phrasing
 * @param vector its embedding
 */
public record FaqPhrasing(String faqId, String text, float[] vector) {
}
