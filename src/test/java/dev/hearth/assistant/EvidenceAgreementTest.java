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
		return new Passage(new SearchHit("id", "doc", "id", PassageKind.DOCUMENT_CHUNK, "source", "Title", "", "text",
				"/kb/id", "en", Map.of(), 1f, bm25Rank, 1, 0.7f), 0.7);
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
