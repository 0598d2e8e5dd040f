package dev.hearth.assistant;

import java.util.List;
import java.util.Map;

/**
 * The pipeline's result for one question.
 *
 * @param decision answered or escalate
 * @param reason why it escalates, {@code null} when answered
 * @param text the answer shown to the customer; empty when escalating
 * @param confidence the router's confidence for an FAQ answer, the best passage's
 * similarity for a document answer
 * @param routerConfidence the FAQ router's confidence in its best candidate (0 without a
 * router)
 * @param faqId the FAQ entry that answered, or the router's best guess when escalating;
 * may be {@code null}
 * @param answeredBy {@code faq}, {@code extractive} or {@code model}; {@code null} when
 * escalating
 * @param citations the sources, numbered as in the text
 * @param ranked the router's ranked FAQ candidates (id and probability), best first
 * @param timings milliseconds spent per step, and in total
 * @param language the language of the content the text was taken from (the FAQ entry's,
 * or the first cited passage's for an extractive answer); {@code null} when the text was
 * written for this question (a language model's answer, a notice) or nothing answered
 */
public record Answer(Decision decision, EscalationReason reason, String text, double confidence,
		double routerConfidence, String faqId, String answeredBy, List<Citation> citations, List<Candidate> ranked,
		Map<String, Long> timings, String language) {

	/** An answer whose text was not taken from content in a known language. */
	public Answer(Decision decision, EscalationReason reason, String text, double confidence, double routerConfidence,
			String faqId, String answeredBy, List<Citation> citations, List<Candidate> ranked,
			Map<String, Long> timings) {
		this(decision, reason, text, confidence, routerConfidence, faqId, answeredBy, citations, ranked, timings, null);
	}

	/**
	 * The same answer with another text shown to the customer (a notice in its place):
	 * the text is no longer the content's, so it has no content language.
	 */
	public Answer withText(String shown) {
		return new Answer(this.decision, this.reason, shown, this.confidence, this.routerConfidence, this.faqId,
				this.answeredBy, this.citations, this.ranked, this.timings, null);
	}

	/** The same answer, its content in the given language. */
	public Answer inLanguage(String contentLanguage) {
		return new Answer(this.decision, this.reason, this.text, this.confidence, this.routerConfidence, this.faqId,
				this.answeredBy, this.citations, this.ranked, this.timings, contentLanguage);
	}

	/**
	 * An FAQ entry the router considered.
	 *
	 * @param faqId the entry
	 * @param probability the router's calibrated probability
	 */
	public record Candidate(String faqId, double probability) {
	}

}
