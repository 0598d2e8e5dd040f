package dev.hearth.assistant;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import dev.hearth.knowledge.Sentences;
import dev.hearth.knowledge.Vectors;

/**
 * What says whether an extracted span answers the question, as numbers for
 * {@link AnswerabilityModel}: how the two retrievers ranked its passage, how close the
 * passage and the span's best sentence are to the question in meaning, how many of the
 * question's topic words the span (with its heading and title) and the span alone cover,
 * how many topic words there are, and by how much the passage beats the best passage of
 * another document. Thread-safe: immutable.
 *
 * @param bm25 1 / the passage's BM25 rank, 0 when BM25 did not find it
 * @param vector 1 / the passage's vector rank, 0 when vector search did not find it
 * @param passageSimilarity cosine of the passage's embedding to the search's
 * @param sentenceSimilarity the highest cosine of a span sentence to the question
 * @param coverage share of the question's topic words in the span, heading and title
 * @param spanCoverage share of them in the span alone
 * @param topicWords ln(1 + the number of topic words)
 * @param margin the passage's similarity minus the best similarity of a passage of
 * another document among those retrieved (0 when there is none)
 */
record SpanFeatures(double bm25, double vector, double passageSimilarity, double sentenceSimilarity, double coverage,
		double spanCoverage, double topicWords, double margin) {

	/** The names of the features, in {@link #values()} order (for configuration). */
	static final List<String> NAMES = List.of("bm25", "vector", "passageSimilarity", "sentenceSimilarity", "coverage",
			"spanCoverage", "topicWords", "margin");

	double[] values() {
		return new double[] { this.bm25, this.vector, this.passageSimilarity, this.sentenceSimilarity, this.coverage,
				this.spanCoverage, this.topicWords, this.margin };
	}

	/**
	 * @param query the self-contained question
	 * @param vector the question's embedding, or {@code null} (no sentence similarity)
	 * @param span the chosen span
	 * @param passages the retrieved passages the span was chosen from
	 * @param embed the model the question was embedded with; one call per span sentence
	 */
	static SpanFeatures of(String query, float[] vector, ExtractiveAnswers.Span span, List<Passage> passages,
			Function<String, float[]> embed) {
		Set<String> topic = Answerability.topicWords(query);
		Set<String> around = ContentWords.setOf(span.context());
		Set<String> inSpan = ContentWords.setOf(span.text());
		double coverage = topic.isEmpty() ? 0 : (double) topic.stream().filter(around::contains).count() / topic.size();
		double spanCoverage = topic.isEmpty() ? 0
				: (double) topic.stream().filter(inSpan::contains).count() / topic.size();
		double sentence = 0;
		if (vector != null) {
			Locale locale = ExtractiveAnswers.locale(span.passage().hit().language());
			for (String text : Sentences.of(span.text(), locale)) {
				if (!text.isBlank()) {
					sentence = Math.max(sentence, Vectors.cosine(vector, embed.apply(text)));
				}
			}
		}
		double other = Double.NaN;
		for (Passage passage : passages) {
			if (!passage.hit().source().equals(span.passage().hit().source())) {
				other = Double.isNaN(other) ? passage.similarity() : Math.max(other, passage.similarity());
			}
		}
		int bm25Rank = span.passage().hit().bm25Rank();
		int vectorRank = span.passage().hit().vectorRank();
		return new SpanFeatures((bm25Rank > 0) ? 1.0 / bm25Rank : 0, (vectorRank > 0) ? 1.0 / vectorRank : 0,
				span.passage().similarity(), sentence, coverage, spanCoverage, Math.log1p(topic.size()),
				Double.isNaN(other) ? 0 : span.passage().similarity() - other);
	}

}
