package dev.hearth.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.retrieval.PassageKind;
import dev.hearth.retrieval.SearchHit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The router's best guess is corroborated by the span of the six best-ranked passages
 * only, while a document answer is composed from seven (ADR 0081).
 */
class CorroboratingPassagesTest {

	private static List<Passage> passages(int n) {
		List<Passage> passages = new ArrayList<>();
		for (int rank = 1; rank <= n; rank++) {
			passages.add(new Passage(new SearchHit("id" + rank, "doc", "id" + rank, PassageKind.DOCUMENT_CHUNK,
					"source", "Title", "", "text " + rank, "/kb/id", "en", Map.of(), 1f, rank, rank, 0.7f), 0.7));
		}
		return passages;
	}

	@Test
	void aGuessIsVouchedForByTheSixBestRankedPassagesOnly() {
		List<Passage> seven = passages(7);
		assertThat(AnswerPipeline.vouching(seven)).containsExactlyElementsOf(seven.subList(0, 6));
		List<Passage> four = passages(4);
		assertThat(AnswerPipeline.vouching(four)).isSameAs(four);
		assertThat(AnswerPipeline.vouching(List.of())).isEmpty();
	}

	@Test
	void aDocumentAnswerIsComposedFromMorePassagesThanVouchForAGuess() {
		AssistantProperties.Answer defaults = new org.springframework.boot.context.properties.bind.Binder(
				new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(Map.of()))
			.bindOrCreate("hearth.assistant", AssistantProperties.class)
			.answer();
		assertThat(defaults.passages()).isGreaterThan(AnswerPipeline.CORROBORATING_PASSAGES);
	}

}
