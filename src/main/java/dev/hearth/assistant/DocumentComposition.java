package dev.hearth.assistant;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.hearth.knowledge.Vectors;

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

	/**
	 * Where a rejected language-model answer is recorded (the audit trail): which check
	 * rejected it, what the customer got instead ({@code extractive} or
	 * {@code escalation}), never the text.
	 */
	@FunctionalInterface
	interface Rejections {

		void record(String check, String detail, String fallback);

	}

	private final GenerativeAnswers generative;

	private final Rejections rejections;

	private final int maxSentences;

	private final Answerability answerability;

	private final ObservationRegistry observations;

	private final EvidenceAgreement agreement;

	private final AnswerabilityModel model;

	private final Answerability checks = new Answerability(0);

	private final Function<String, float[]> embed;

	private final double minSimilarity;

	private final AssistantProperties.SimilarityGate gate;

	private volatile Consumer<Judged> observer;

	private volatile Consumer<Offered> offered;

	/**
	 * What the extractive composer was given, for benchmarks that replay span choice.
	 *
	 * @param query the self-contained question
	 * @param previousAnswer what the assistant said last, may be empty
	 * @param passages the retrieved passages, best first
	 */
	record Offered(String query, String previousAnswer, List<Passage> passages) {
	}

	/**
	 * A span judged for a document answer, for calibration ({@code AnswerabilityFit}).
	 *
	 * @param query the self-contained question
	 * @param span the span
	 * @param features its features
	 * @param answers whether it was shown
	 */
	record Judged(String query, ExtractiveAnswers.Span span, SpanFeatures features, boolean answers) {
	}

	/**
	 * @param generative the language model's answers, or {@code null} to answer
	 * extractively
	 * @param maxSentences the longest extractive answer, in sentences
	 * @param answerability whether an extracted span answers the question
	 * @param observations where the language model's calls are observed
	 * ({@code hearth.model.generate})
	 * @param rejections where a rejected language-model answer is recorded
	 * @param agreement whether the retrievers agree that an extracted span answers
	 * @param model whether a span answers, by its features; {@code null} for the rule
	 * before it (topic-word coverage and {@code agreement})
	 * @param embed the model the question was embedded with, for the span's features
	 */
	DocumentComposition(GenerativeAnswers generative, int maxSentences, Answerability answerability,
			ObservationRegistry observations, Rejections rejections, EvidenceAgreement agreement,
			AnswerabilityModel model, Function<String, float[]> embed) {
		this(generative, maxSentences, answerability, observations, rejections, agreement, model, embed, 0,
				AssistantProperties.SimilarityGate.PASSAGE);
	}

	/**
	 * As
	 * {@link #DocumentComposition(GenerativeAnswers, int, Answerability, ObservationRegistry, Rejections, EvidenceAgreement, AnswerabilityModel, Function)},
	 * with what gates an extractive answer by its similarity to the question.
	 * @param minSimilarity the least cosine similarity to the question; 0 for none
	 * @param gate what must be that similar ({@code similarity-gate}, ADR 0035): the best
	 * passage (gated by the pipeline before composing, the default), or here the span
	 * shown (section heading and span), alone or as an alternative to its own passage,
	 * then checked by the learned check too with {@code EITHER_CHECKED}
	 */
	DocumentComposition(GenerativeAnswers generative, int maxSentences, Answerability answerability,
			ObservationRegistry observations, Rejections rejections, EvidenceAgreement agreement,
			AnswerabilityModel model, Function<String, float[]> embed, double minSimilarity,
			AssistantProperties.SimilarityGate gate) {
		if (!(minSimilarity >= 0 && minSimilarity <= 1)) {
			throw new IllegalArgumentException("minSimilarity must be between 0 and 1, got " + minSimilarity);
		}
		this.minSimilarity = minSimilarity;
		this.gate = java.util.Objects.requireNonNull(gate, "gate");
		this.model = model;
		this.embed = embed;
		this.rejections = rejections;
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
		return compose(question, query, vector, history, passages, stream, timings, false);
	}

	/**
	 * Composes an answer as
	 * {@link #compose(String, String, float[], List, List, Consumer, Timings)} does.
	 * @param beatEntry whether the documents' span already answered the question better
	 * than an FAQ entry that passed its checks ({@link AnswerEvidence}), or was let below
	 * the passage gate by a sentence that names the thing asked and states the fact asked
	 * ({@link ProductWords#statedOfTheThing}, ADR 0084): that comparison, or that
	 * sentence, is the evidence the retrievers' agreement stands in for, so the agreement
	 * check is not asked again. Without this an FAQ knowledge base's phrasings, indexed
	 * beside the documents, push a document's BM25 rank below the agreement's and the
	 * entry the span beat answers after all ("I was charged twice": the first-bill entry
	 * instead of the paid-twice section).
	 */
	Composed compose(String question, String query, float[] vector, List<Turn> history, List<Passage> passages,
			Consumer<String> stream, Timings timings, boolean beatEntry) {
		return compose(question, query, vector, history, passages, stream, timings, beatEntry,
				() -> extract(query, question, vector, FollowUps.previousAnswer(history), passages));
	}

	/**
	 * Composes an answer as
	 * {@link #compose(String, String, float[], List, List, Consumer, Timings, boolean)}
	 * does, with the extractive span taken from {@code extracted} (the pipeline's own
	 * {@link #extract} of the same question and passages, when it has one already).
	 */
	Composed compose(String question, String query, float[] vector, List<Turn> history, List<Passage> passages,
			Consumer<String> stream, Timings timings, boolean beatEntry,
			Supplier<ExtractiveAnswers.Composed> extracted) {
		if (this.generative != null) {
			GenerativeAnswers.Result result = Observation.createNotStarted("hearth.model.generate", this.observations)
				.contextualName("generate answer")
				.lowCardinalityKeyValue("model", "answer")
				.observe(() -> this.generative.generate(question, query, history, passages, stream));
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
						this.rejections.record("UNGROUNDED", "a sentence the passages do not support", "escalation");
						return new Declined(EscalationReason.UNGROUNDED);
					}
					this.rejections.record("UNGROUNDED", "a sentence the passages do not support", "extractive");
				}
				case GenerativeAnswers.Rejected rejected -> {
					// never the text: it may hold what the check keeps from customers
					log.warn("Generated answer rejected by the output check: {} ({})", rejected.check(),
							rejected.detail());
					if (!rejected.shown().isBlank()) {
						this.rejections.record(rejected.check(), rejected.detail(), "escalation");
						return new Declined(EscalationReason.UNGROUNDED);
					}
					this.rejections.record(rejected.check(), rejected.detail(), "extractive");
				}
				case GenerativeAnswers.Failed failed -> {
					log.warn("The language model failed: {}", failed.message());
					return new Declined(EscalationReason.MODEL_FAILURE);
				}
			}
		}
		Consumer<Offered> offering = this.offered;
		if (offering != null) {
			offering.accept(new Offered(query, FollowUps.previousAnswer(history), passages));
		}
		ExtractiveAnswers.Composed composed = extracted.get();
		timings.lap("compose");
		if (composed.text().isBlank() || composed.score() < ExtractiveAnswers.MIN_SCORE) {
			// no span, or none whose words, place and ranks say it answers (ADR 0031)
			log.debug("No document answer: no span of the passages {}",
					composed.text().isBlank() ? "holds a sentence to show" : "scores " + ExtractiveAnswers.MIN_SCORE);
			return new Declined(EscalationReason.LOW_CONFIDENCE);
		}
		if (dev.hearth.knowledge.PlantedInstructions.find(composed.text()).isPresent()) {
			// a document imported before the import left such text out
			log.warn("Extractive answer reads like an instruction to an AI, not shown");
			return new Declined(EscalationReason.LOW_CONFIDENCE);
		}
		if (!beatEntry && !similarEnough(query, vector, composed.span(), passages)) {
			// a span that beat an FAQ entry was measured so already (AnswerEvidence)
			log.debug("No document answer: the span is less similar than {}", this.minSimilarity);
			return new Declined(EscalationReason.LOW_CONFIDENCE);
		}
		// a follow-up answered in the section the previous answer came from: the
		// conversation agreed on that section, as the retrievers would for a question
		// that names it (ADR 0055)
		boolean continues = !query.strip().equals(question.strip()) && FollowUps
			.inPreviousSection(FollowUps.previousAnswer(history), composed.span().passage().hit().sectionPath());
		if (!answers(query, question, vector, composed.span(), passages, beatEntry || continues)) {
			return new Declined(EscalationReason.LOW_CONFIDENCE);
		}
		stream.accept(composed.text());
		return new Written(composed.text(), "extractive", composed.citations());
	}

	/**
	 * The extractive span for the question: the best span that passes the name, number
	 * and kind-of-fact checks, trying the passages left when the best one's span fails
	 * them ({@link ExtractiveAnswers#composeHolding}, ADR 0041); the first span when none
	 * does (and the checks then decline it).
	 * @param query the self-contained question
	 * @param own the customer's own words, whose kind of fact the span must give
	 * ({@link Answerability#judge(String, String, String, String, Set)})
	 * @param vector its embedding, may be {@code null}
	 * @param previousAnswer what the assistant said last, may be empty
	 * @param passages the retrieved passages, best first, not empty
	 */
	ExtractiveAnswers.Composed extract(String query, String own, float[] vector, String previousAnswer,
			List<Passage> passages) {
		Set<String> common = FaqAnswers.common(passages);
		return ExtractiveAnswers.composeHolding(query, vector, passages, this.maxSentences,
				ExtractiveAnswers.locale(passages.get(0).hit().language()), previousAnswer, this.embed,
				(composed) -> this.checks.judge(query, own, composed.span().context(), composed.span().stated(), common)
					.answers());
	}

	/**
	 * Whether the retrievers agree on a span that answered the question better than an
	 * FAQ entry ({@link AnswerEvidence}, ADR 0057): BM25 ranks its passage among the best
	 * document chunks or one of its sentences is close to the question
	 * ({@link EvidenceAgreement}). Closer than the entry's answer is not yet evidence
	 * that the span answers: "is there a data cap" is closer to the mobile plans' "Extra
	 * data" than to the roaming entry, and neither answers it. Always with a language
	 * model or a learned check configured, which judge the span themselves.
	 * @param vector the question's embedding, may be {@code null}
	 * @param span the span that answered better
	 */
	boolean agreesOn(float[] vector, ExtractiveAnswers.Span span) {
		return this.generative != null || this.model != null
				|| this.agreement.agrees(vector, span.passage(), span.text());
	}

	/**
	 * Whether answers are extracted from the passages (no language model writes them).
	 */
	boolean extractive() {
		return this.generative == null;
	}

	/**
	 * Whether extractive answers are gated here, by their span's similarity (with no
	 * language model, a {@code minSimilarity} above 0 and a gate other than the
	 * passage's): then the best passage's similarity must not gate them before.
	 */
	boolean gatesSpans() {
		return this.generative == null && this.minSimilarity > 0
				&& this.gate != AssistantProperties.SimilarityGate.PASSAGE;
	}

	/**
	 * Whether the span passes the similarity gate: the span shown (or, unless the gate is
	 * {@code SPAN}, the passage it is taken from) at least {@code minSimilarity} similar
	 * to the question, and with {@code EITHER_CHECKED} a span that passes by its own
	 * similarity only also passes the learned check; always when not
	 * {@link #gatesSpans()} or without a question vector (the passage gated it then).
	 * Another passage being similar says nothing of this span.
	 */
	private boolean similarEnough(String query, float[] vector, ExtractiveAnswers.Span span, List<Passage> passages) {
		if (!gatesSpans() || vector == null || vector.length == 0) {
			return true;
		}
		boolean either = this.gate != AssistantProperties.SimilarityGate.SPAN;
		if (either && span.passage().similarity() >= this.minSimilarity) {
			return true;
		}
		if (Vectors.cosine(vector, this.embed.apply(span.shown())) < this.minSimilarity) {
			return false;
		}
		return this.gate != AssistantProperties.SimilarityGate.EITHER_CHECKED
				|| AnswerabilityModel.FITTED.answers(SpanFeatures.of(query, vector, span, passages, this.embed));
	}

	/**
	 * Whether the span answers: the name, number and kind-of-fact checks, then the model
	 * (or, without one, topic-word coverage and the retrievers' agreement).
	 */
	private boolean answers(String query, String own, float[] vector, ExtractiveAnswers.Span span,
			List<Passage> passages, boolean beatEntry) {
		Set<String> common = FaqAnswers.common(passages);
		Answerability.Verdict checked = this.checks.judge(query, own, span.context(), span.stated(), common);
		if (!checked.answers()) {
			log.debug("No document answer: {}", checked.missing());
			return false;
		}
		if (!AskedRelation.statedIn(query, own, AskedRelation.around(span.context(), span.text()), span.text())
				&& !Answerability.statesNotOffered(Answerability.topicWords(query), span.context())) {
			// "does Northwind sell gaming consoles?": the SafeHome section names them
			// among the devices it filters and says nothing of selling them (ADR 0076)
			log.debug("No document answer: {}", AskedRelation.missing(own));
			return false;
		}
		Consumer<Judged> watching = this.observer;
		SpanFeatures features = (this.model != null || watching != null)
				? SpanFeatures.of(query, vector, span, passages, this.embed) : null;
		boolean answers;
		if (this.model != null) {
			answers = this.model.answers(features);
			if (!answers) {
				log.debug("No document answer: answerability {}", this.model.probability(features));
			}
		}
		else {
			Answerability.Verdict verdict = this.answerability.judge(query, own, span.context(), span.stated(), common);
			// an item whose heading states the fact asked is read after that heading
			// and so is a labelled row under the heading that names its column (ADR 0086)
			String lead = (HeadingFacts.statesForSpan(own, span.heading(), span.text())
					|| TableColumns.labelledRow(span.text()) && TableColumns.statesCellAsked(query, span))
							? HeadingFacts.stated(span.heading()) : "";
			// a span that states the charge of the very thing asked about was chosen by
			// its words: it needs no retrievers' agreement (ADR 0085)
			answers = verdict.answers() && (beatEntry || AskedRelation.chargeStatedOfThing(own, span)
					|| this.agreement.agrees(vector, span.passage(), span.text(), lead));
			if (!answers) {
				log.debug("No document answer: {}",
						verdict.answers() ? "the retrievers do not agree on the passage" : verdict.missing());
			}
		}
		if (watching != null) {
			watching.accept(new Judged(query, span, features, answers));
		}
		return answers;
	}

	/**
	 * Sees every span that passed the name, number and kind-of-fact checks; for
	 * benchmarks.
	 */
	void observe(Consumer<Judged> observer) {
		this.observer = observer;
	}

	/** Sees what every extractive composition was given; for benchmarks. */
	void observeOffered(Consumer<Offered> observer) {
		this.offered = observer;
	}

}
