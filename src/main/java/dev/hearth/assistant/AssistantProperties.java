package dev.hearth.assistant;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hearth.assistant}.
 *
 * @param customerAudiences the audience tags whose passages may be shown to customers
 * @param router the FAQ router
 * @param answer answers composed from documents
 * @param language the customer's language and the content's
 */
@ConfigurationProperties("hearth.assistant")
record AssistantProperties(@DefaultValue("customer") List<String> customerAudiences, @DefaultValue Router router,
		@DefaultValue Answer answer, @DefaultValue Language language) {

	/**
	 * @param threshold the FAQ match confidence at or above which an FAQ entry answers
	 * (the router's probability when it decides, else the nearest-phrasing similarity:
	 * see {@code docs/answering.md}); empty to use the saved calibration, or else the
	 * threshold calibrated in training
	 * @param minimumEntries fewer FAQ entries than this and no router is trained
	 * @param lowConfidenceShare an unanswered question whose FAQ confidence reaches this
	 * share of the threshold escalates as low confidence rather than out of scope
	 * @param trainOnChange whether a router is trained after every FAQ change and at
	 * start-up when the FAQ changed since; without, only when asked
	 * ({@code POST /api/admin/router/train}), for instance once after a series of
	 * imports, and until then the FAQ is matched by its phrasings and answers alone
	 */
	record Router(Double threshold, @DefaultValue("2") int minimumEntries,
			@DefaultValue("0.5") double lowConfidenceShare, @DefaultValue("true") boolean trainOnChange) {
	}

	/**
	 * @param passages passages retrieved for a document answer (given to the language
	 * model or the extractive composer); seven since on doc2dial the answer's section is
	 * sometimes ranked fifth to seventh among a page's sections (docs/benchmarks.md, ADR
	 * 0081); the router's best guess is corroborated by the six best only
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
	 * @param lowConfidenceShare an unanswered question whose best passage reaches this
	 * share of {@code minSimilarity} escalates as low confidence rather than out of scope
	 * @param agreementBm25Rank a document span's passage agrees with the question when
	 * BM25 ranks it this high or better ({@code EvidenceAgreement})
	 * @param agreementSentenceSimilarity ... or when a sentence of the span is at least
	 * this similar to the question; 0 turns the agreement check off
	 * @param answerabilityModel whether a document span answers, learned
	 * ({@code AnswerabilityModel}, ADR 0025); it replaces {@code minCoverage} and the
	 * agreement check for document answers when its weights are set
	 * @param historyVector how a document search with the conversation gets its vector:
	 * {@code composed} from the vectors the turn and the history already have (no model
	 * call), or {@code embedded}, the whole search text run through the model again (ADR
	 * 0020; docs/benchmarks.md compares them)
	 * @param similarityGate what must be {@code minSimilarity} similar to the question
	 * for an extractive answer: the best passage ({@code passage}, the default), the span
	 * shown ({@code span}), the span's own passage or the span shown ({@code either}), or
	 * that with the learned check for a span that passes by its own similarity
	 * ({@code either-checked}); measured in ADR 0035, none better than the default. A
	 * language model's answer is always gated by the best passage
	 * @param corroboration the least share of a document span's content words that the
	 * FAQ router's best guess must say for the guess to answer although the router's
	 * confidence fell short ({@code Corroboration}, ADR 0042); 0 turns it off
	 * @param leftOutDetails whether an FAQ entry that leaves out a detail the question
	 * asks, which the document span names, gives way to the documents, and the question
	 * escalates when their span does not answer ({@code LeftOutDetails}, ADR 0093)
	 */
	record Answer(@DefaultValue("7") int passages, @DefaultValue("0.45") double minSimilarity,
			@DefaultValue("3") int maxSentences, @DefaultValue("0.6") double minSupport,
			@DefaultValue("60") int modelTimeoutSeconds, @DefaultValue("0.4") double minCoverage,
			@DefaultValue("0.8") double lowConfidenceShare, @DefaultValue("3") int agreementBm25Rank,
			@DefaultValue("0.6") double agreementSentenceSimilarity,
			@DefaultValue AnswerabilityWeights answerabilityModel,
			@DefaultValue("composed") HistoryVector historyVector,
			@DefaultValue("passage") SimilarityGate similarityGate, @DefaultValue("0.6") double corroboration,
			@DefaultValue("true") boolean leftOutDetails) {

		/** The learned answerability check, or {@code null} when no weights are set. */
		AnswerabilityModel model() {
			List<Double> weights = this.answerabilityModel.weights();
			return (weights == null || weights.isEmpty()) ? null : new AnswerabilityModel(weights,
					this.answerabilityModel.bias(), this.answerabilityModel.threshold());
		}

	}

	/**
	 * What must be {@code min-similarity} similar to the question for an extractive
	 * answer (ADR 0035).
	 */
	enum SimilarityGate {

		/** The best passage (the default): what the pipeline gates before composing. */
		PASSAGE,

		/**
		 * The span shown (section heading and span) alone: on doc2dial it cost answers
		 * whose passage was similar and span less so.
		 */
		SPAN,

		/**
		 * The span's own passage or the span shown: a long section whose whole vector is
		 * far from the question may answer by the sentences that say it.
		 */
		EITHER,

		/**
		 * The span's own passage, or the span shown when the learned answerability check
		 * with ADR 0025's fitted weights also says it answers.
		 */
		EITHER_CHECKED

	}

	/** How a document search with the conversation gets its vector. */
	enum HistoryVector {

		/**
		 * The word-weighted mean of the vectors of the question and the history's pieces.
		 */
		COMPOSED,

		/** The whole search text embedded again. */
		EMBEDDED

	}

	/**
	 * A logistic regression over a document span's features ({@code SpanFeatures}).
	 *
	 * @param weights one per feature: bm25, vector, passageSimilarity,
	 * sentenceSimilarity, coverage, spanCoverage, topicWords, margin; the defaults are
	 * fitted by {@code AnswerabilityFit} (ADR 0025); empty to use {@code min-coverage}
	 * and the agreement check instead
	 * @param bias the intercept
	 * @param threshold the least probability that answers
	 */
	record AnswerabilityWeights(@DefaultValue( {
		}) List<Double> weights, @DefaultValue("0") double bias, @DefaultValue("0.5") double threshold){
	}

	/**
	 * The customer's language ({@code docs/adr/0012-language-detection.md}).
	 *
	 * @param candidates the languages a message's language is chosen from (ISO 639-1; the
	 * languages of the content and of the widget's bundles)
	 * @param contextPrior how strongly the conversation's language so far (the previous
	 * message's, else the widget's) holds against the detector: the prior probability of
	 * that language; 0.99 keeps it unless the detector is very sure of another
	 * @param modelLanguages the languages the embedding model understands; the bundled
	 * all-MiniLM-L6-v2 understands English only. A question in another language is
	 * answered by an FAQ entry only when it shares words with the entry's phrasings. Set
	 * it (for example {@code [en, de]}) when a multilingual model is configured by path
	 * @param dictionaries for a question in a language the model does not understand, a
	 * dictionary into the first of {@code modelLanguages} by the question's language (ISO
	 * 639-1 to a file in the Ding format of Debian's {@code trans-de-en}; ADR 0069): the
	 * question is asked again word by word translated when it found no answer. A file
	 * that does not exist is skipped with a warning
	 */
	record Language(@DefaultValue( {
			"en", "de" }) List<String> candidates, @DefaultValue("0.99") double contextPrior,
			@DefaultValue("en") List<String> modelLanguages, Map<String, String> dictionaries){

		Language {
			dictionaries = (dictionaries != null) ? Map.copyOf(dictionaries) : Map.of();
		}
	}

}
