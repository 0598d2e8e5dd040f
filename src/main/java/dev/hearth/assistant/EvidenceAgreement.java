package dev.hearth.assistant;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.hearth.knowledge.Sentences;
import dev.hearth.knowledge.Vectors;

/**
 * Whether the two retrievers agree that a document span answers the question, checked
 * after {@link Answerability}: the passage is among the best {@code maxBm25Rank} by its
 * words (BM25), or one sentence of the span itself is close in meaning to the question
 * (cosine of the sentence's embedding to the question's at least
 * {@code minSentenceSimilarity}). A passage that only the embedding of the whole passage
 * found, and none of whose sentences says what was asked, is a page about the same topic
 * that does not answer: on doc2dial's generated negatives (the question's page left out)
 * the cited passage's BM25 rank was 5.8 on average, against 2.5 for right answers, and
 * its best sentence's similarity 0.55 against 0.66 (ADR 0020). Costs one embedding per
 * sentence of the span (at most the span's length, 3 by default), and only when BM25
 * disagrees. Thread-safe if the embedding function is.
 */
final class EvidenceAgreement {

	private static final Logger log = LoggerFactory.getLogger(EvidenceAgreement.class);

	private final Function<String, float[]> embed;

	private final int maxBm25Rank;

	private final double minSentenceSimilarity;

	/**
	 * @param embed the embedding model the question was embedded with
	 * @param maxBm25Rank the worst BM25 rank that counts as agreement (1-based); 0 to
	 * rely on sentences only
	 * @param minSentenceSimilarity the least cosine similarity of a span sentence to the
	 * question; 0 turns the check off
	 */
	EvidenceAgreement(Function<String, float[]> embed, int maxBm25Rank, double minSentenceSimilarity) {
		if (maxBm25Rank < 0) {
			throw new IllegalArgumentException("maxBm25Rank must not be negative, got " + maxBm25Rank);
		}
		if (!(minSentenceSimilarity >= 0 && minSentenceSimilarity <= 1)) {
			throw new IllegalArgumentException(
					"minSentenceSimilarity must be between 0 and 1, got " + minSentenceSimilarity);
		}
		this.embed = embed;
		this.maxBm25Rank = maxBm25Rank;
		this.minSentenceSimilarity = minSentenceSimilarity;
	}

	/**
	 * @param question the question's embedding (without the conversation), or
	 * {@code null} when it has none: then only BM25 can agree
	 * @param passage the passage the span is taken from
	 * @param span the span's text
	 */
	boolean agrees(float[] question, Passage passage, String span) {
		if (this.minSentenceSimilarity == 0) {
			return true;
		}
		int rank = passage.hit().bm25Rank();
		if (rank >= 1 && rank <= this.maxBm25Rank) {
			return true;
		}
		if (question == null) {
			return false;
		}
		Locale locale = ExtractiveAnswers.locale(passage.hit().language());
		List<String> sentences = Sentences.of(span, locale);
		double best = 0;
		for (String sentence : sentences) {
			if (!sentence.isBlank()) {
				double similarity = Vectors.cosine(question, this.embed.apply(sentence));
				if (similarity >= this.minSentenceSimilarity) {
					return true;
				}
				best = Math.max(best, similarity);
			}
		}
		if (log.isDebugEnabled()) {
			log.debug("Retrievers disagree on {} > {}: BM25 rank {}, best sentence {}", passage.hit().title(),
					passage.hit().sectionPath(), rank, String.format(Locale.ROOT, "%.3f", best));
		}
		return false;
	}

}
