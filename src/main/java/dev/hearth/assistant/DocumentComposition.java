package dev.hearth.assistant;

import java.util.List;
import java.util.function.Consumer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's third stage: an answer from retrieved passages, by the language model
 * when one is configured (with its grounding check) and extractively otherwise, or the
 * reason it cannot answer. Plain Java: tested without Spring. Thread-safe.
 */
final class DocumentComposition {

	private static final Logger log = LoggerFactory.getLogger(DocumentComposition.class);

	/** What composition produced. */
	sealed interface Composed {

	}

	/**
	 * An answer.
	 *
	 * @param text the answer's text
	 * @param answeredBy {@code model} or {@code extractive}
	 * @param citations its sources
	 */
	record Written(String text, String answeredBy, List<Citation> citations) implements Composed {
	}

	/** No answer, and why. */
	record Declined(EscalationReason reason) implements Composed {
	}

	private final GenerativeAnswers generative;

	private final int maxSentences;

	private final Answerability answerability;

	private final ObservationRegistry observations;

	private final EvidenceAgreement agreement;

	/**
	 * @param generative the language model's answers, or {@code null} to answer
	 * extractively
	 * @param maxSentences the longest extractive answer, in sentences
	 * @param answerability whether an extracted span answers the question
	 * @param observations where the language model's calls are observed
	 * ({@code hearth.model.generate})
	 * @param agreement whether the retrievers agree that an extracted span answers
	 */
	DocumentComposition(GenerativeAnswers generative, int maxSentences, Answerability answerability,
			ObservationRegistry observations, EvidenceAgreement agreement) {
		this.agreement = agreement;
		this.generative = generative;
		this.maxSentences = maxSentences;
		this.answerability = answerability;
		this.observations = observations;
	}

	/**
	 * Composes an answer to the question from the passages (not empty, best first).
	 * @param question the customer's words, for the language model
	 * @param query the self-contained question, for extraction
	 * @param vector the self-contained question's embedding, for the agreement check
	 */
	Composed compose(String question, String query, float[] vector, List<Turn> history, List<Passage> passages,
			Consumer<String> stream, Timings timings) {
		if (this.generative != null) {
			GenerativeAnswers.Result result = Observation.createNotStarted("hearth.model.generate", this.observations)
				.contextualName("generate answer")
				.lowCardinalityKeyValue("model", "answer")
				.observe(() -> this.generative.generate(question, history, passages, stream));
			timings.lap("generate");
			switch (result) {
				case GenerativeAnswers.Generated generated -> {
					return new Written(generated.text(), "model", generated.citations());
				}
				case GenerativeAnswers.NoAnswer noAnswer -> {
					return new Declined(EscalationReason.LOW_CONFIDENCE);
				}
				case GenerativeAnswers.Ungrounded ungrounded -> {
					// the sentence may repeat what the customer wrote: its length only,
					// never its text
					log.info("Generated answer not supported by its passages, not shown ({} characters)",
							ungrounded.sentence().length());
					if (!ungrounded.shown().isBlank()) {
						return new Declined(EscalationReason.UNGROUNDED);
					}
				}
				case GenerativeAnswers.Failed failed -> {
					log.warn("The language model failed: {}", failed.message());
					return new Declined(EscalationReason.MODEL_FAILURE);
				}
			}
		}
		ExtractiveAnswers.Composed composed = ExtractiveAnswers.compose(query, passages, this.maxSentences,
				ExtractiveAnswers.locale(passages.get(0).hit().language()), FollowUps.previousAnswer(history));
		timings.lap("compose");
		if (composed.text().isBlank()) {
			return new Declined(EscalationReason.LOW_CONFIDENCE);
		}
		Answerability.Verdict verdict = this.answerability.judge(query, composed.span().context(),
				composed.span().text(), FaqAnswers.common(passages));
		if (!verdict.answers()) {
			log.debug("No document answer to \"{}\": {}", query, verdict.missing());
			return new Declined(EscalationReason.LOW_CONFIDENCE);
		}
		if (!this.agreement.agrees(vector, composed.span().passage(), composed.span().text())) {
			log.debug("No document answer to \"{}\": the retrievers do not agree on the passage", query);
			return new Declined(EscalationReason.LOW_CONFIDENCE);
		}
		stream.accept(composed.text());
		return new Written(composed.text(), "extractive", composed.citations());
	}

}
