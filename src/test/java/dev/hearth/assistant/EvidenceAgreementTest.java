package dev.hearth.assistant;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.hearth.retrieval.PassageKind;
import dev.hearth.retrieval.SearchHit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearth.knowledge.Vectors;

class EvidenceAgreementTest {

	private static Passage passage(int bm25Rank) {
		return passage(bm25Rank, "text");
	}

	private static Passage passage(int bm25Rank, String text) {
		return new Passage(new SearchHit("id" + bm25Rank, "doc", "id" + bm25Rank, PassageKind.DOCUMENT_CHUNK, "source",
				"Title", "", text, "/kb/id", "en", Map.of(), 1f, bm25Rank, 1, 0.7f), 0.7);
	}

	@Test
	void passagesThatHoldThePreviousAnswerDoNotCountAgainstTheSpansBm25Rank() {
		EvidenceAgreement agreement = new EvidenceAgreement((text) -> new float[] { 0, 1 }, 3, 0.6);
		String previous = "**Notice period** All services have a 30-day notice period. [1]";
		Passage said = passage(1, "Notice period. All services have a 30-day notice period. You pay until then.");
		Passage other = passage(2, "Early termination charges apply during the minimum term.");
		Passage third = passage(3, "Returning your equipment within 30 days.");
		Passage span = passage(4, "The charge is the monthly price for each month left, minus 15%.");
		List<Passage> passages = List.of(said, other, third, span);
		// the notice period's section ranks first by the previous answer's words
		assertThat(agreement.agrees(new float[] { 1, 0 }, span, span.hit().passage(), passages, previous)).isTrue();
		assertThat(agreement.agrees(new float[] { 1, 0 }, span, span.hit().passage(), passages, "")).isFalse();
		assertThat(agreement.agrees(new float[] { 1, 0 }, span, span.hit().passage(), List.of(other, third, span),
				previous))
			.isFalse();
		assertThat(agreement.agrees(new float[] { 1, 0 }, passage(5), "text", passages, previous)).isFalse();
	}

	@Test
	void agreesWhenBm25RanksThePassageHighWithoutEmbeddingAnything() {
		AtomicInteger embedded = new AtomicInteger();
		EvidenceAgreement agreement = new EvidenceAgreement((text) -> {
			embedded.incrementAndGet();
			return new float[] { 0, 1 };
		}, 3, 0.6);
		assertThat(agreement.agrees(new float[] { 1, 0 }, passage(2), "One sentence.")).isTrue();
		assertThat(embedded).hasValue(0);
	}

	@Test
	void otherwiseOneSentenceOfTheSpanMustBeCloseToTheQuestion() {
		EvidenceAgreement agreement = new EvidenceAgreement(
				(text) -> text.startsWith("Close") ? new float[] { 1, 0.1f } : new float[] { 0, 1 }, 3, 0.6);
		assertThat(agreement.agrees(new float[] { 1, 0 }, passage(7), "Far away. Close to the question.")).isTrue();
		assertThat(agreement.agrees(new float[] { 1, 0 }, passage(0), "Far away. Also far.")).isFalse();
		assertThat(agreement.agrees(null, passage(9), "Close to the question.")).isFalse();
	}

	@Test
	void aSimilarityOfZeroTurnsTheCheckOff() {
		EvidenceAgreement off = new EvidenceAgreement((text) -> new float[] { 0, 1 }, 3, 0);
		assertThat(off.agrees(new float[] { 1, 0 }, passage(0), "Far away.")).isTrue();
		assertThatThrownBy(() -> new EvidenceAgreement((text) -> new float[0], -1, 0.5))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new EvidenceAgreement((text) -> new float[0], 3, 1.5))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(Vectors.cosine(new float[] { 1, 0 }, new float[] { 1, 0 })).isEqualTo(1.0);
		assertThat(List.of(Vectors.cosine(new float[] { 0, 0 }, new float[] { 1, 0 }))).containsExactly(0.0);
	}

}
