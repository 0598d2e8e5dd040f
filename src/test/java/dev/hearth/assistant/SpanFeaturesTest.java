package dev.hearth.assistant;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.hearth.retrieval.PassageKind;
import dev.hearth.retrieval.SearchHit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SpanFeaturesTest {

	@Test
	void featuresSayHowTheRetrieversRankedThePassageAndWhatTheSpanCovers() {
		Passage refunds = passage("refunds", "Refunds", 2, 1, 0.7, "We refund a double payment within 5 working days.");
		Passage other = passage("moving", "Moving house", 1, 3, 0.6, "Tell us four weeks before you move.");
		ExtractiveAnswers.Span span = new ExtractiveAnswers.Span(refunds, "Refunds",
				"We refund a double payment within 5 working days.");
		float[] question = { 1, 0 };
		SpanFeatures features = SpanFeatures.of("how long does a double payment refund take", question, span,
				List.of(refunds, other), (text) -> new float[] { 0.8f, 0.6f });
		assertThat(features.bm25()).isEqualTo(0.5);
		assertThat(features.vector()).isEqualTo(1.0);
		assertThat(features.passageSimilarity()).isEqualTo(0.7);
		assertThat(features.sentenceSimilarity()).isCloseTo(0.8, within(1e-6));
		// topic words: double, payment, refund (how long / take ask for the kind of fact)
		assertThat(features.coverage()).isEqualTo(1.0);
		assertThat(features.spanCoverage()).isEqualTo(1.0);
		assertThat(features.topicWords()).isCloseTo(Math.log(4), within(1e-9));
		assertThat(features.margin()).isCloseTo(0.1, within(1e-9));
		assertThat(features.values()).hasSize(SpanFeatures.NAMES.size());
	}

	private static Passage passage(String name, String title, int bm25Rank, int vectorRank, double similarity,
			String text) {
		SearchHit hit = new SearchHit(name, "doc-" + name, name, PassageKind.DOCUMENT_CHUNK, "docs/" + name + ".md",
				title, title, text, "/kb/documents/doc-" + name + "#chunk-0", "en", Map.of(), 1, bm25Rank, vectorRank,
				(float) similarity);
		return new Passage(hit, similarity);
	}

}
