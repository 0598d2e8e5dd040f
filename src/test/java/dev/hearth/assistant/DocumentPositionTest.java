package dev.hearth.assistant;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.retrieval.PassageKind;
import dev.hearth.retrieval.SearchHit;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentPositionTest {

	private static Passage passage(String source, int chunk, String text) {
		return new Passage(new SearchHit("id" + chunk, "doc-" + source, "g" + chunk, PassageKind.DOCUMENT_CHUNK, source,
				"Title", "", text, "/kb/documents/" + source + "#chunk-" + chunk, "en", Map.of(), 1, 1, 1, 0.5f), 0.5);
	}

	@Test
	void passagesAreCountedFromThePreviousAnswersPassageInItsDocument() {
		List<Passage> passages = List.of(passage("a", 4, "Plug the grey cable into LAN 1 and the red WAN port."),
				passage("a", 2, "The box holds the Hub, a power adapter and a grey Ethernet cable."),
				passage("b", 3, "The Hub light flashes red when there is no signal."),
				passage("a", 1, "Your Hub connects your home to the fibre network."));
		int[] offsets = DocumentPosition.offsets(passages,
				"The box holds the Hub, a power adapter and a grey Ethernet cable [1]");
		assertThat(offsets).containsExactly(2, 0, DocumentPosition.ELSEWHERE, -1);
	}

	@Test
	void withoutAPassageHoldingThePreviousAnswerNoPassageHasAPlace() {
		List<Passage> passages = List.of(passage("a", 4, "Plug the grey cable into LAN 1 and the red WAN port."));
		assertThat(DocumentPosition.offsets(passages, "Refunds are paid within five working days."))
			.containsExactly(DocumentPosition.ELSEWHERE);
		assertThat(DocumentPosition.offsets(passages, "")).containsExactly(DocumentPosition.ELSEWHERE);
	}

	@Test
	void theChunkNumberIsReadFromTheCitationLink() {
		assertThat(DocumentPosition.chunk(passage("a", 12, "x").hit())).isEqualTo(12);
		SearchHit faq = new SearchHit("f", "faq:x", "faq:x", PassageKind.FAQ, "faq:x", "T", "", "x", "/kb/faq/x", "en",
				Map.of(), 1, 1, 1, 0.5f);
		assertThat(DocumentPosition.chunk(faq)).isEqualTo(-1);
	}

}
