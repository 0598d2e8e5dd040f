package dev.hearth.assistant;

import java.util.List;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import dev.hearth.retrieval.PassageKind;
import dev.hearth.retrieval.SearchHit;

import static org.assertj.core.api.Assertions.assertThat;

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

}
