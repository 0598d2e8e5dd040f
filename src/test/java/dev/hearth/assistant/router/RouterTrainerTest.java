package dev.hearth.assistant.router;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RouterTrainerTest {

	@Test
	void learnsAToyFaq() {
		TrainedRouter router = new RouterTrainer(ToyFaq.settings()).train(ToyFaq.examples());
		assertThat(router.labels()).containsExactly("refund", "reset-password", "track-order");
		assertThat(top(router, "where's my parcel?", ToyFaq.near("track-order", 101))).isEqualTo("track-order");
		assertThat(top(router, "i forgot my pasword", ToyFaq.near("reset-password", 102))).isEqualTo("reset-password");
		assertThat(top(router, "I'd like a refund", ToyFaq.near("refund", 103))).isEqualTo("refund");
		// lexical features carry a typo'd, run-on question whose vector says nothing
		assertThat(top(router, "refundmy order", ToyFaq.random(104))).isEqualTo("refund");
		assertThat(router.checks()).containsKeys("accuracy", "inScopeAccuracy", "outOfScopeRecall", "mcc", "mrr", "ece",
				"temperature", "threshold", "backgroundExamples", "trainingMillis");
		assertThat(router.checks().get("inScopeAccuracy")).isGreaterThanOrEqualTo(0.66);
		assertThat(router.checks().get("backgroundExamples")).isGreaterThan(1000);
		assertThat(router.suggestedThreshold()).isBetween(0.0, 1.0);
	}

	@Test
	void probabilitiesAreCalibratedAndRanked() {
		TrainedRouter router = new RouterTrainer(ToyFaq.settings()).train(ToyFaq.examples());
		RouterPrediction prediction = router.predict("track my order", ToyFaq.near("track-order", 5));
		assertThat(prediction.ranked()).hasSize(3);
		double sum = 0;
		double previous = 1;
		for (ScoredLabel scored : prediction.ranked()) {
			assertThat(scored.probability()).isBetween(0.0, previous);
			previous = scored.probability();
			sum += scored.probability();
		}
		assertThat(sum).isLessThanOrEqualTo(1 + 1e-9);
		assertThat(prediction.confidence()).isEqualTo(prediction.ranked().get(0).probability());
	}

	@Test
	void isMoreConfidentInScopeThanOutOfScope() {
		TrainedRouter router = new RouterTrainer(ToyFaq.settings()).train(ToyFaq.examples());
		OutOfDomainCorpus.Corpus corpus = OutOfDomainCorpus.get();
		double inScope = 0;
		List<String> questions = List.of("where is my order", "reset my password", "I want a refund",
				"has my parcel been sent", "can't remember my password", "money back for a faulty item");
		List<String> labels = List.of("track-order", "reset-password", "refund");
		for (int i = 0; i < questions.size(); i++) {
			inScope += router.predict(questions.get(i), ToyFaq.near(labels.get(i % 3), 200 + i)).confidence();
		}
		double outOfScope = 0;
		List<Integer> picks = new ArrayList<>();
		for (int q = 0; q < corpus.questions().size(); q += 250) {
			picks.add(q);
			outOfScope += router.predict(corpus.questions().get(q), corpus.vectors()[q]).confidence();
		}
		assertThat(inScope / questions.size()).isGreaterThan(0.8);
		assertThat(outOfScope / picks.size()).isLessThan(0.5);
	}

	@Test
	void withoutTheCorpusProbabilitiesSumToOne() {
		TrainedRouter router = new RouterTrainer(ToyFaq.settings().withBackground(false, 0.85, 1))
			.train(ToyFaq.examples());
		RouterPrediction prediction = router.predict("refund", ToyFaq.near("refund", 9));
		assertThat(prediction.ranked().stream().mapToDouble(ScoredLabel::probability).sum()).isCloseTo(1.0,
				org.assertj.core.data.Offset.offset(1e-6));
		assertThat(router.checks().get("backgroundExamples")).isZero();
	}

	@Test
	void trainsATinyFaqWithNothingToHoldOut() {
		List<TrainingExample> tiny = List.of(new TrainingExample("a", "open hours", ToyFaq.near("track-order", 1)),
				new TrainingExample("a", "when are you open", ToyFaq.near("track-order", 2)),
				new TrainingExample("b", "parking", ToyFaq.near("refund", 3)),
				new TrainingExample("b", "where can I park", ToyFaq.near("refund", 4)));
		TrainedRouter router = new RouterTrainer(ToyFaq.settings()).train(tiny);
		assertThat(router.suggestedThreshold()).isEqualTo(HeldOutCheck.DEFAULT_THRESHOLD);
		assertThat(router.checks().get("temperature")).isEqualTo(1.0);
		assertThat(router.checks().get("heldOutInScope")).isZero();
		assertThat(router.predict("is there parking", ToyFaq.near("refund", 5)).ranked().get(0).label()).isEqualTo("b");
	}

	@Test
	void isDeterministicWhateverTheThreads() {
		List<TrainingExample> examples = ToyFaq.examples();
		byte[] once = new RouterTrainer(ToyFaq.settings()).train(examples).serialize();
		byte[] again = new RouterTrainer(ToyFaq.settings()).train(examples).serialize();
		byte[] twoThreads = new RouterTrainer(ToyFaq.settings().withThreads(2)).train(examples).serialize();
		byte[] otherSeed = new RouterTrainer(ToyFaq.settings().withSeed(43)).train(examples).serialize();
		assertThat(withoutTimings(again)).isEqualTo(withoutTimings(once));
		assertThat(withoutTimings(twoThreads)).isEqualTo(withoutTimings(once));
		assertThat(withoutTimings(otherSeed)).isNotEqualTo(withoutTimings(once));
	}

	@Test
	void leavesAQuarterOfTheEntriesOutAsUnknownQuestions() {
		boolean[] unknown = RouterTrainer.unknownEntries(8, 42);
		int count = 0;
		for (boolean u : unknown) {
			count += u ? 1 : 0;
		}
		assertThat(count).isEqualTo(2);
		assertThat(RouterTrainer.unknownEntries(8, 42)).isEqualTo(unknown);
		assertThat(RouterTrainer.unknownEntries(3, 42)).containsOnly(false);
		assertThat(RouterTrainer.unknownEntries(5, 42)).containsOnlyOnce(true);
		// every entry in one fold; 7 entries in quarters of 2: the last fold takes 3
		assertThat(RouterTrainer.entryFolds(8, 42)).containsOnly(0, 1, 2, 3);
		int[] seven = RouterTrainer.entryFolds(7, 42);
		assertThat(java.util.Arrays.stream(seven).filter((f) -> f == 2).count()).isEqualTo(3);
		assertThat(seven).containsOnly(0, 1, 2);
		assertThat(RouterTrainer.entryFolds(3, 42)).isEmpty();
	}

	@Test
	void choosesTheThresholdOnEntriesTheTwinLeftOut() {
		TrainedRouter router = new RouterTrainer(ToyFaq.settings()).train(ToyFaq.wideExamples());
		assertThat(router.labels()).hasSize(8);
		// 6 held-out phrasings per twin: four twins, each without another quarter
		assertThat(router.checks()).containsEntry("unknownEntries", 2.0)
			.containsEntry("calibrationTwins", 4.0)
			.containsEntry("unknownQuestions", 96.0)
			.containsEntry("heldOutInScope", 8.0)
			.containsKeys("unknownEscalated");
		assertThat(router.checks().get("unknownEscalated")).isGreaterThan(0.5);
		// the router itself knows every entry
		for (String topic : ToyFaq.TOPICS) {
			assertThat(top(router, "help with my " + topic, ToyFaq.near(topic, 300))).isEqualTo(topic);
		}
		RouterPrediction known = router.predict("problem with my coupon", ToyFaq.near("coupon", 301));
		assertThat(known.inScope(router.suggestedThreshold())).isTrue();
	}

	@Test
	void withThreeEntriesNoEntryIsLeftOut() {
		TrainedRouter router = new RouterTrainer(ToyFaq.settings()).train(ToyFaq.examples());
		assertThat(router.checks()).containsEntry("unknownEntries", 0.0).containsEntry("unknownQuestions", 0.0);
	}

	@Test
	void augmentedBalancedSmoothedTrainingIsDeterministicAndLearns() {
		RouterSettings settings = ToyFaq.settings().withTraining(0.1, true, 2, 0.15, 0.2);
		TrainedRouter router = new RouterTrainer(settings).train(ToyFaq.examples());
		assertThat(top(router, "where's my parcel?", ToyFaq.near("track-order", 101))).isEqualTo("track-order");
		assertThat(top(router, "i forgot my pasword", ToyFaq.near("reset-password", 102))).isEqualTo("reset-password");
		assertThat(top(router, "I'd like a refund", ToyFaq.near("refund", 103))).isEqualTo("refund");
		byte[] again = new RouterTrainer(settings.withThreads(1)).train(ToyFaq.examples()).serialize();
		assertThat(withoutTimings(again)).isEqualTo(withoutTimings(router.serialize()));
		assertThat(withoutTimings(again))
			.isNotEqualTo(withoutTimings(new RouterTrainer(ToyFaq.settings()).train(ToyFaq.examples()).serialize()));
	}

	@Test
	void copiesDropWordsButKeepOne() {
		java.util.SplittableRandom random = new java.util.SplittableRandom(7);
		for (int i = 0; i < 50; i++) {
			String copy = RouterTrainer.dropWords("how do I track my order", 0.5, random);
			assertThat(copy).isNotBlank();
			assertThat(List.of("how do I track my order".split(" "))).containsAll(List.of(copy.split(" ")));
		}
		assertThat(RouterTrainer.dropWords("refund", 0.5, random)).isEqualTo("refund");
		assertThat(RouterTrainer.dropWords("track my order", 0, random)).isEqualTo("track my order");
	}

	@Test
	void copiesMixTheEmbeddingWithAnotherPhrasing() {
		float[] a = { 1, 0, 0 };
		float[] b = { 0, 2, 0 };
		float[] mixed = RouterTrainer.mix(a, b, 0.25f);
		assertThat((double) VectorMath.dot(mixed, mixed)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
		assertThat(mixed[0]).isGreaterThan(mixed[1]).isGreaterThan(0f);
		assertThat(a).containsExactly(1, 0, 0);
	}

	@Test
	void rejectsTrainingSettingsOutOfRange() {
		RouterSettings defaults = RouterSettings.defaults();
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> defaults.withTraining(0.6, false, 0, 0, 0))
			.withMessageContaining("labelSmoothing");
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> defaults.withTraining(0, false, 9, 0, 0))
			.withMessageContaining("augmentCopies");
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> defaults.withTraining(0, false, 1, 0.9, 0))
			.withMessageContaining("augmentWordDrop");
	}

	private static String top(TrainedRouter router, String text, float[] vector) {
		return router.predict(text, vector).ranked().get(0).label();
	}

	/**
	 * The predictions on a fixed probe set: routers equal in all but their timing check.
	 */
	private static String withoutTimings(byte[] serialized) {
		TrainedRouter router = TrainedRouter.deserialize(serialized);
		StringBuilder probe = new StringBuilder(String.valueOf(router.suggestedThreshold()));
		for (int i = 0; i < 20; i++) {
			probe.append(' ').append(router.predict("question " + i, ToyFaq.random(i)));
		}
		probe.append(router.predict("where is my parcel", ToyFaq.near("track-order", 1)));
		return probe.toString();
	}

}
