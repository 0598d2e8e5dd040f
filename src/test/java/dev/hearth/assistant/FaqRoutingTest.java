package dev.hearth.assistant;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.hearth.assistant.router.RouterPrediction;
import dev.hearth.assistant.router.ScoredLabel;
import dev.hearth.knowledge.FaqEntry;

import static org.assertj.core.api.Assertions.assertThat;

class FaqRoutingTest {

	// untagged content is internal (knowledge.Audiences); an FAQ import tags entries
	// without an audience "customer"
	private static final FaqEntry PUBLIC = new FaqEntry("refund", "How do I get a refund?", List.of(),
			"Within 14 days.", "en", Map.of("audience", List.of("customer")));

	private static final FaqEntry INTERNAL = new FaqEntry("escalation-matrix", "Who is on call?", List.of(),
			"Ask the duty manager.", "en", Map.of("audience", List.of("agent")));

	private static FaqRouting routing(double confidence, String best) {
		RouterPrediction prediction = new RouterPrediction(
				List.of(new ScoredLabel(best, confidence), new ScoredLabel("other", 0.1)), confidence);
		return new FaqRouting((text, vector) -> Optional.of(prediction),
				(id) -> Optional.ofNullable(Map.of("refund", PUBLIC, "escalation-matrix", INTERNAL).get(id)),
				List.of("customer"));
	}

	@Test
	void answersAtOrAboveTheThreshold() {
		FaqRouting.Routed routed = routing(0.7, "refund").route("refund?", new float[] { 1 }, 0.7);
		assertThat(routed.entry()).contains(PUBLIC);
		assertThat(routed.confidence()).isEqualTo(0.7);
		assertThat(routed.ranked()).extracting(Answer.Candidate::faqId).containsExactly("refund", "other");
	}

	@Test
	void belowTheThresholdItOnlyGuesses() {
		FaqRouting.Routed routed = routing(0.69, "refund").route("refund?", new float[] { 1 }, 0.7);
		assertThat(routed.entry()).isEmpty();
		assertThat(routed.bestGuess()).isEqualTo("refund");
	}

	@Test
	void neverAnswersWithAnEntryForAnotherAudience() {
		FaqRouting.Routed routed = routing(0.99, "escalation-matrix").route("on call?", new float[] { 1 }, 0.5);
		assertThat(routed.entry()).isEmpty();
	}

	@Test
	void withoutAModelNothingIsRanked() {
		FaqRouting routing = new FaqRouting((text, vector) -> Optional.empty(), (id) -> Optional.of(PUBLIC),
				List.of("customer"));
		FaqRouting.Routed routed = routing.route("refund?", new float[] { 1 }, 0);
		assertThat(routed.entry()).isEmpty();
		assertThat(routed.bestGuess()).isNull();
		assertThat(routed.confidence()).isZero();
	}

}
