package dev.hearth.assistant;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hearth.assistant}.
 *
 * @param customerAudiences the audience tags whose passages may be shown to customers
 * @param router the FAQ router
 * @param answer answers composed from documents
 */
@ConfigurationProperties("hearth.assistant")
record AssistantProperties(@DefaultValue("customer") List<String> customerAudiences, @DefaultValue Router router,
		@DefaultValue Answer answer) {

	/**
	 * @param threshold the router confidence at or above which an FAQ entry answers;
	 * empty to use the saved calibration, or else the threshold the trained model
	 * suggests
	 * @param minimumEntries fewer FAQ entries than this and no router is trained
	 */
	record Router(Double threshold, @DefaultValue("2") int minimumEntries) {
	}

	/**
	 * @param passages passages retrieved for a document answer
	 * @param minSimilarity cosine similarity of the best passage to the question below
	 * which Hearth does not answer from documents
	 * @param maxSentences longest extractive answer, in sentences
	 * @param minSupport share of a generated sentence's content words that the passages
	 * must contain
	 * @param modelTimeoutSeconds longest a language model may take for one answer
	 * @param minCoverage share of the question's topic words that a document span (with
	 * its heading and title) must cover to be shown as an answer ({@code Answerability});
	 * calibrated on doc2dial with generated negatives and the sample's question sets
	 * (docs/benchmarks.md)
	 */
	record Answer(@DefaultValue("4") int passages, @DefaultValue("0.45") double minSimilarity,
			@DefaultValue("3") int maxSentences, @DefaultValue("0.6") double minSupport,
			@DefaultValue("60") int modelTimeoutSeconds, @DefaultValue("0.4") double minCoverage) {
	}

}
