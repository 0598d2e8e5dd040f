package dev.hearth.assistant;

import java.util.List;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import dev.hearth.retrieval.PassageKind;
import dev.hearth.retrieval.SearchHit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DocumentCompositionTest {

	private static final String QUESTION = "I was charged twice for my bill";

	/**
	 * A span whose passage BM25 ranks fifth (FAQ phrasings indexed beside the documents
	 * rank above it) and whose sentences are not close to the question by the embedding:
	 * the retrievers' agreement says no.
	 */
	private static final List<Passage> PASSAGES = List
		.of(new Passage(new SearchHit("refunds#2", "refunds", "refunds#2", PassageKind.DOCUMENT_CHUNK,
				"docs/billing/refunds.md", "Refunds", "Refunds > You paid twice or paid too much",
				"If you were charged twice for a bill, the extra amount sits as a credit on your account.",
				"/kb/refunds", "en", Map.of(), 0.77f, 5, 6, 0.62f), 0.62));

	private final DocumentComposition composition = new DocumentComposition(null, 3, new Answerability(0.4),
			ObservationRegistry.NOOP, (check, detail, fallback) -> {
			}, new EvidenceAgreement((text) -> new float[] { 0, 1 }, 3, 0.6), null, (text) -> new float[] { 0, 1 });

	@Test
	void aSpanTheRetrieversDoNotAgreeOnDoesNotAnswerOnItsOwn() {
		DocumentComposition.Composed composed = this.composition.compose(QUESTION, QUESTION, new float[] { 1, 0 },
				List.of(), PASSAGES, (text) -> {
				}, new Timings());
		assertThat(composed).isInstanceOf(DocumentComposition.Declined.class);
	}

	@Test
	void aSpanThatBeatAnFaqEntryAnswersWithoutTheAgreementCheck() {
		DocumentComposition.Composed composed = this.composition.compose(QUESTION, QUESTION, new float[] { 1, 0 },
				List.of(), PASSAGES, (text) -> {
				}, new Timings(), true);
		assertThat(composed).isInstanceOfSatisfying(DocumentComposition.Written.class,
				(written) -> assertThat(written.text()).contains("credit on your account"));
	}

	@Test
	void aSpanThatBeatAnFaqEntryIsAskedTheRetrieversAgreementBeforeItIsTrusted() {
		// ADR 0057: closer than the entry's answer is not yet evidence that the span
		// answers; BM25 ranks this passage fifth and no sentence is close to the question
		float[] question = { 1, 0 };
		ExtractiveAnswers.Span fifth = this.composition.extract(QUESTION, QUESTION, question, "", PASSAGES).span();
		assertThat(this.composition.agreesOn(question, fifth)).isFalse();
		ExtractiveAnswers.Span first = this.composition.extract(QUESTION, QUESTION, question, "", FAR_SECTION).span();
		assertThat(this.composition.agreesOn(question, first)).isTrue();
	}

	/**
	 * A long section whose whole vector is far from the question (0.30, below
	 * {@code min-similarity}) while the span shown, its heading and the sentence that
	 * answers, is close: the span's own similarity gates the answer (ADR 0035).
	 */
	private static final List<Passage> FAR_SECTION = List
		.of(new Passage(new SearchHit("refunds#2", "refunds", "refunds#2", PassageKind.DOCUMENT_CHUNK,
				"docs/billing/refunds.md", "Refunds", "Refunds > You paid twice or paid too much",
				"If you were charged twice for a bill, the extra amount sits as a credit on your account.",
				"/kb/refunds", "en", Map.of(), 0.77f, 1, 6, 0.30f), 0.30));

	private static DocumentComposition gated(float[] spanVector) {
		return gated(spanVector, AssistantProperties.SimilarityGate.EITHER);
	}

	private static DocumentComposition gated(float[] spanVector, AssistantProperties.SimilarityGate gate) {
		return new DocumentComposition(null, 3, new Answerability(0.4), ObservationRegistry.NOOP,
				(check, detail, fallback) -> {
				}, new EvidenceAgreement((text) -> spanVector, 3, 0.6), null, (text) -> spanVector, 0.45, gate);
	}

	@Test
	void aSpanCloseToTheQuestionAnswersThoughItsWholePassageIsNot() {
		DocumentComposition composition = gated(new float[] { 0.8f, 0.6f });
		assertThat(composition.gatesSpans()).isTrue();
		DocumentComposition.Composed composed = composition.compose(QUESTION, QUESTION, new float[] { 1, 0 }, List.of(),
				FAR_SECTION, (text) -> {
				}, new Timings());
		assertThat(composed).isInstanceOfSatisfying(DocumentComposition.Written.class,
				(written) -> assertThat(written.text()).contains("credit on your account"));
	}

	@Test
	void aSpanLessSimilarThanMinSimilarityDoesNotAnswer() {
		DocumentComposition.Composed composed = gated(new float[] { 0.4f, 0.9165f }).compose(QUESTION, QUESTION,
				new float[] { 1, 0 }, List.of(), FAR_SECTION, (text) -> {
				}, new Timings());
		assertThat(composed).isEqualTo(new DocumentComposition.Declined(EscalationReason.LOW_CONFIDENCE));
	}

	@Test
	void aSpanThatBeatAnFaqEntryWasMeasuredAlready() {
		DocumentComposition.Composed composed = gated(new float[] { 0.4f, 0.9165f }).compose(QUESTION, QUESTION,
				new float[] { 1, 0 }, List.of(), FAR_SECTION, (text) -> {
				}, new Timings(), true);
		assertThat(composed).isInstanceOf(DocumentComposition.Written.class);
	}

	@Test
	void withTheGateEitherASimilarPassageLetsALessSimilarSpanAnswer() {
		List<Passage> similar = List.of(new Passage(FAR_SECTION.get(0).hit(), 0.62));
		float[] far = { 0.4f, 0.9165f };
		assertThat(gated(far).compose(QUESTION, QUESTION, new float[] { 1, 0 }, List.of(), similar, (text) -> {
		}, new Timings())).isInstanceOf(DocumentComposition.Written.class);
		assertThat(gated(far, AssistantProperties.SimilarityGate.SPAN).compose(QUESTION, QUESTION, new float[] { 1, 0 },
				List.of(), similar, (text) -> {
				}, new Timings()))
			.isEqualTo(new DocumentComposition.Declined(EscalationReason.LOW_CONFIDENCE));
		assertThat(gated(far, AssistantProperties.SimilarityGate.PASSAGE).gatesSpans()).isFalse();
	}

	@Test
	void anotherSimilarPassageDoesNotLetAFarSpanAnswer() {
		// "Where can I find a full list of all your one-off fees?": the best passage is
		// another section than the span's, and neither the span nor its own passage is
		// similar enough
		Passage other = new Passage(new SearchHit("invoices#1", "invoices", "invoices#1", PassageKind.DOCUMENT_CHUNK,
				"docs/billing/invoices.md", "Your bill", "Your bill > Reading your bill", "Your bill shows your plan.",
				"/kb/invoices", "en", Map.of(), 0.7f, 2, 1, 0.62f), 0.62);
		List<Passage> passages = List.of(other, FAR_SECTION.get(0));
		assertThat(gated(new float[] { 0.4f, 0.9165f }).compose(QUESTION, QUESTION, new float[] { 1, 0 }, List.of(),
				passages, (text) -> {
				}, new Timings()))
			.isEqualTo(new DocumentComposition.Declined(EscalationReason.LOW_CONFIDENCE));
	}

	@Test
	void withoutMinSimilarityOnlyThePassageGates() {
		assertThat(this.composition.gatesSpans()).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> new DocumentComposition(null, 3, new Answerability(0.4),
				ObservationRegistry.NOOP, (check, detail, fallback) -> {
				}, null, null, (text) -> null, 1.5, AssistantProperties.SimilarityGate.EITHER))
			.withMessage("minSimilarity must be between 0 and 1, got 1.5");
	}

}
