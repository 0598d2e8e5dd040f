package dev.hearth.assistant.router;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaqMatcherTest {

	/** One phrasing per entry: the first of each toy entry. */
	private static List<TrainingExample> singlePhrasing() {
		List<TrainingExample> single = new ArrayList<>();
		for (TrainingExample example : ToyFaq.examples()) {
			if (single.stream().noneMatch((e) -> e.label().equals(example.label()))) {
				single.add(example);
			}
		}
		return single;
	}

	@Test
	void nearestPhrasingsScoreEachEntryByItsClosestPhrasing() {
		float[] a = { 1, 0, 0 };
		float[] b = { 0, 1, 0 };
		float[] c = { 0.6f, 0.8f, 0 };
		NearestPhrasings nearest = NearestPhrasings.of(List.of(new TrainingExample("x", "a", a),
				new TrainingExample("x", "c", c), new TrainingExample("y", "b", b)));
		assertThat(nearest.labels()).containsExactly("x", "y");
		double[] similarities = nearest.similarities(new float[] { 0, 2, 0 });
		assertThat(similarities[0]).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-6));
		assertThat(similarities[1]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
		// leaving out entry y and phrasing c, as calibration does
		assertThat(nearest.similarities(new float[] { 0, 1, 0 }, 1, 1)[0]).isCloseTo(0,
				org.assertj.core.data.Offset.offset(1e-6));
	}

	@Test
	void nearestPhrasingsRefuseAnotherDimension() {
		NearestPhrasings nearest = NearestPhrasings.of(List.of(new TrainingExample("x", "a", new float[] { 1, 0 })));
		assertThatThrownBy(() -> nearest.similarities(new float[] { 1, 0, 0 }))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("vector has 3 dimensions; the FAQ phrasings have 2");
		assertThatThrownBy(() -> NearestPhrasings.of(List.of())).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("examples must not be empty");
	}

	@Test
	void withOnePhrasingPerEntryTheConfidenceIsTheNearestSimilarity() {
		FaqMatcher matcher = FaqMatcher.of(singlePhrasing(), null);
		float[] question = ToyFaq.near("refund", 99);
		RouterPrediction prediction = matcher.predict("can I get my money back", question);
		assertThat(prediction.ranked().get(0).label()).isEqualTo("refund");
		double expected = NearestPhrasings.of(singlePhrasing())
			.similarities(question)[NearestPhrasings.of(singlePhrasing()).labels().indexOf("refund")];
		assertThat(prediction.confidence()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));
		assertThat(matcher.checks()).containsEntry("routerDecides", 0.0).containsEntry("positives", 0.0);
	}

	@Test
	void withoutAnswerableCalibrationQuestionsTheThresholdIsClamped() {
		FaqMatcher matcher = FaqMatcher.of(singlePhrasing(), null);
		assertThat(matcher.suggestedThreshold()).isBetween(FaqMatcher.MIN_THRESHOLD, FaqMatcher.MAX_THRESHOLD);
	}

	@Test
	void withSeveralPhrasingsTheThresholdSeparatesKnownFromUnknownQuestions() {
		FaqMatcher matcher = FaqMatcher.of(ToyFaq.examples(), null);
		assertThat(matcher.checks().get("positives")).isEqualTo(30.0);
		double inScope = matcher.predict("refund status", ToyFaq.near("refund", 5)).confidence();
		double unknown = matcher.predict("what is the weather", ToyFaq.random(5)).confidence();
		assertThat(inScope).isGreaterThanOrEqualTo(matcher.suggestedThreshold());
		assertThat(unknown).isLessThan(matcher.suggestedThreshold());
	}

	@Test
	void theRouterDecidesOnlyWhenItHeldOutEnoughPhrasings() {
		// 3 entries x 10 phrasings: one each held out, 3 in all
		TrainedRouter small = new RouterTrainer(ToyFaq.settings()).train(ToyFaq.examples());
		assertThat(small.checks().get("heldOutInScope")).isEqualTo(3.0);
		assertThat(FaqMatcher.routerDecides(small, ToyFaq.examples())).isFalse();
		assertThat(FaqMatcher.routerDecides(null, ToyFaq.examples())).isFalse();
		// half held out: 4 per entry (never leaving fewer than 2), 12 in all
		TrainedRouter more = new RouterTrainer(ToyFaq.settings().withHeldOut(0.5, true)).train(ToyFaq.examples());
		assertThat(more.checks().get("heldOutInScope")).isGreaterThanOrEqualTo(FaqMatcher.MIN_HELD_OUT);
		assertThat(FaqMatcher.routerDecides(more, ToyFaq.examples())).isTrue();
		assertThat(FaqMatcher.routerDecides(more, singlePhrasing())).isFalse();
		FaqMatcher matcher = FaqMatcher.of(ToyFaq.examples(), more);
		assertThat(matcher.checks()).containsEntry("routerDecides", 1.0);
		assertThat(matcher.suggestedThreshold()).isEqualTo(more.suggestedThreshold());
		RouterPrediction prediction = matcher.predict("where is my order", ToyFaq.near("track-order", 3));
		assertThat(prediction.ranked().get(0).label()).isEqualTo("track-order");
	}

	@Test
	void aRebuiltMatcherKeepsItsStoredThreshold() {
		FaqMatcher matcher = FaqMatcher.of(singlePhrasing(), null, 0.61);
		assertThat(matcher.suggestedThreshold()).isEqualTo(0.61);
	}

}
