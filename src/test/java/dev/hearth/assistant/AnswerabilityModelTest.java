package dev.hearth.assistant;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AnswerabilityModelTest {

	private static final List<Double> WEIGHTS = List.of(1.0, 0.0, 0.0, 4.0, 2.0, 0.0, 0.0, 0.0);

	@Test
	void aSpanAnswersWhenItsProbabilityReachesTheThreshold() {
		AnswerabilityModel model = new AnswerabilityModel(WEIGHTS, -4, 0.5);
		SpanFeatures close = new SpanFeatures(1, 1, 0.7, 0.7, 1, 1, Math.log(3), 0.1);
		SpanFeatures far = new SpanFeatures(0, 0.25, 0.5, 0.4, 0.5, 0, Math.log(3), -0.1);
		assertThat(model.probability(close)).isGreaterThan(0.5);
		assertThat(model.answers(close)).isTrue();
		assertThat(model.probability(far)).isLessThan(0.5);
		assertThat(model.answers(far)).isFalse();
	}

	@Test
	void emptyWeightsTurnTheLearnedCheckOff() {
		AssistantProperties.Answer rule = new AssistantProperties.Answer(4, 0.45, 3, 0.6, 60, 0.4, 0.8, 3, 0.6,
				new AssistantProperties.AnswerabilityWeights(List.of(), 0, 0.5),
				AssistantProperties.HistoryVector.COMPOSED, AssistantProperties.SimilarityGate.EITHER, 0.6, true);
		assertThat(rule.model()).isNull();
		AssistantProperties.Answer learned = new AssistantProperties.Answer(4, 0.45, 3, 0.6, 60, 0.4, 0.8, 3, 0.6,
				new AssistantProperties.AnswerabilityWeights(WEIGHTS, -4, 0.3),
				AssistantProperties.HistoryVector.COMPOSED, AssistantProperties.SimilarityGate.EITHER, 0.6, true);
		assertThat(learned.model()).isNotNull();
	}

	@Test
	void badSettingsAreRejectedWithWhatWasWrong() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AnswerabilityModel(List.of(1.0), 0, 0.5))
			.withMessage("answerability weights must be 8 numbers (bm25, vector, passageSimilarity, "
					+ "sentenceSimilarity, coverage, spanCoverage, topicWords, margin), got 1");
		assertThatIllegalArgumentException().isThrownBy(() -> new AnswerabilityModel(WEIGHTS, 0, 1))
			.withMessage("answerability threshold must be between 0 and 1, got 1.0");
		assertThatIllegalArgumentException().isThrownBy(() -> new AnswerabilityModel(WEIGHTS, Double.NaN, 0.5))
			.withMessage("answerability bias must be a finite number, got NaN");
	}

}
