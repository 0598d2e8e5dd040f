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
	void withOnePhrasingPerEntryTheConfidenceIsTheFusedScoreWithItsLead() {
		FaqMatcher matcher = FaqMatcher.of(singlePhrasing(), null);
		float[] question = ToyFaq.near("refund", 99);
		RouterPrediction prediction = matcher.predict("can I get my money back", question);
		assertThat(prediction.ranked().get(0).label()).isEqualTo("refund");
		NearestPhrasings nearest = NearestPhrasings.of(singlePhrasing());
		int refund = nearest.labels().indexOf("refund");
		double similarity = nearest.similarities(question)[refund];
		List<String> texts = nearest.labels()
			.stream()
			.map((label) -> singlePhrasing().stream().filter((e) -> e.label().equals(label)).findFirst().get().text()
					+ "\n")
			.toList();
		double terms = EntryTerms.of(texts, java.util.Collections.nCopies(texts.size(), null))
			.scores("can I get my money back")[refund];
		assertThat(terms).isGreaterThan(0);
		double weight = EntryScores.Weights.DEFAULT.terms();
		double[] features = matcher.features("can I get my money back", question);
		assertThat(features[0]).isCloseTo((similarity + weight * terms) / (1 + weight),
				org.assertj.core.data.Offset.offset(1e-6));
		double k = Acceptance.MARGIN_WEIGHT;
		assertThat(prediction.confidence()).isCloseTo((features[0] + k * features[1]) / (1 + k),
				org.assertj.core.data.Offset.offset(1e-6));
		assertThat(matcher.checks()).containsEntry("routerDecides", 0.0)
			.containsEntry("positives", 0.0)
			.containsEntry("acceptanceModel", 1.0)
			.containsEntry("accept.linear", 1.0)
			.containsEntry("scores", FaqMatcher.SCORES_VERSION);
		// rebuilt from its threshold (and checks), it decides the same way
		FaqMatcher rebuilt = FaqMatcher.of(singlePhrasing(), List.of(), null, matcher.suggestedThreshold(),
				matcher.checks());
		assertThat(rebuilt.predict("can I get my money back", question).confidence())
			.isEqualTo(prediction.confidence());
	}

	@Test
	void withoutAnswerableCalibrationQuestionsTheThresholdEscalatesUnknownAndOffDomainQuestions() {
		FaqMatcher matcher = FaqMatcher.of(singlePhrasing(), null);
		assertThat(matcher.checks().get("inDomainNegativeRecall")).isGreaterThanOrEqualTo(0.5);
		assertThat(matcher.checks().get("outOfDomainNegativeRecall"))
			.isGreaterThanOrEqualTo(FaqMatcher.OUT_OF_DOMAIN_QUANTILE);
		assertThat(FaqMatcher.quantile(List.of(0.1, 0.2, 0.3, 0.4), 0.5)).isEqualTo(0.3);
		assertThat(FaqMatcher.quantile(List.of(), 0.95)).isZero();
	}

	@Test
	void anAnswersWordsFindItsEntryWhenThePhrasingsDoNotTellThemApart() {
		// every entry's one phrasing has the same vector: only the answers differ
		float[] same = ToyFaq.near("refund", 1);
		List<TrainingExample> examples = List.of(new TrainingExample("billing", "A question", same),
				new TrainingExample("router", "Another question", same),
				new TrainingExample("moving", "A third question", same));
		List<EntryAnswer> answers = List.of(
				new EntryAnswer("billing", "Your invoice is sent on the first of each month.", "en", null),
				new EntryAnswer("router", "Unplug the router and wait ten seconds.", "en", null),
				new EntryAnswer("moving", "Tell us your new address two weeks before you move.", "en", null));
		FaqMatcher matcher = FaqMatcher.of(examples, answers, null, false);
		assertThat(matcher.predict("when do I get my invoice", same).ranked().get(0).label()).isEqualTo("billing");
		assertThat(matcher.predict("my router needs unplugging", same).ranked().get(0).label()).isEqualTo("router");
		assertThat(matcher.predict("I am moving house, new address", same).ranked().get(0).label()).isEqualTo("moving");
	}

	@Test
	void anAnswersOpeningCountsLikeAPhrasing() {
		float[] a = { 1, 0, 0 };
		float[] b = { 0, 1, 0 };
		List<TrainingExample> examples = List.of(new TrainingExample("x", "x", a), new TrainingExample("y", "y", a));
		List<EntryAnswer> answers = List.of(new EntryAnswer("x", "", "en", a), new EntryAnswer("y", "", "en", b));
		FaqMatcher matcher = FaqMatcher.of(examples, answers, null, false);
		assertThat(matcher.predict("?", new float[] { 0, 1, 0 }).ranked().get(0).label()).isEqualTo("y");
		assertThatThrownBy(() -> FaqMatcher.of(examples, List.of(new EntryAnswer("x", "", "en", new float[] { 1, 0 })),
				null, false))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("the answer of x has a 2-dimensional vector, the phrasings have 3");
	}

	@Test
	void withSeveralPhrasingsTheThresholdSeparatesKnownFromUnknownQuestions() {
		FaqMatcher matcher = FaqMatcher.of(ToyFaq.examples(), null);
		assertThat(matcher.checks().get("positives")).isEqualTo(30.0);
		// the fused score decides, on a threshold chosen with answerable questions
		assertThat(matcher.checks()).containsEntry("acceptanceModel", 0.0);
		double[] features = matcher.features("refund status", ToyFaq.near("refund", 5));
		assertThat(matcher.predict("refund status", ToyFaq.near("refund", 5)).confidence()).isEqualTo(features[0]);
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
	void withAnswerSentencesAnAcceptanceModelDecidesAndARebuiltMatcherKeepsIt() {
		// one phrasing per entry; five answer sentences each, near the entry's cluster
		List<TrainingExample> examples = new ArrayList<>();
		List<EntryAnswer> answers = new ArrayList<>();
		List<PseudoQuestion> pseudo = new ArrayList<>();
		int seed = 1000;
		for (String topic : ToyFaq.TOPICS) {
			examples.add(new TrainingExample(topic, "how do I change my " + topic, ToyFaq.near(topic, seed++)));
			answers.add(new EntryAnswer(topic, "Your " + topic + " can be changed in the account.", "en", null));
			for (int i = 0; i < 5; i++) {
				pseudo.add(new PseudoQuestion(topic, "the " + topic + " sentence " + i, ToyFaq.near(topic, seed++)));
			}
		}
		FaqMatcher matcher = FaqMatcher.of(examples, answers, pseudo, null, false, EntryScores.Weights.DEFAULT, false,
				FaqMatcher.Decider.LEARNED);
		assertThat(matcher.checks()).containsEntry("acceptanceModel", 1.0).containsEntry("pseudoQuestions", 40.0);
		assertThat(matcher.checks().get("pseudoQuestionsRankedFirst")).isGreaterThanOrEqualTo(20.0);
		RouterPrediction known = matcher.predict("my invoice please", ToyFaq.near("invoice", 1));
		RouterPrediction unknown = matcher.predict("what is the weather", ToyFaq.random(5));
		assertThat(known.ranked().get(0).label()).isEqualTo("invoice");
		assertThat(known.confidence()).isGreaterThanOrEqualTo(matcher.suggestedThreshold());
		assertThat(unknown.confidence()).isLessThan(matcher.suggestedThreshold());
		FaqMatcher rebuilt = FaqMatcher.of(examples, answers, null, matcher.suggestedThreshold(), matcher.checks());
		assertThat(rebuilt.predict("my invoice please", ToyFaq.near("invoice", 1)).confidence())
			.isEqualTo(known.confidence());
		assertThat(rebuilt.checks()).containsEntry("acceptanceModel", 1.0);
	}

	@Test
	void tooFewAnswerSentencesFindingTheirEntryKeepTheThresholdOnTheFusedScore() {
		List<PseudoQuestion> pseudo = List.of(new PseudoQuestion("refund", "money back", ToyFaq.near("refund", 4)));
		FaqMatcher matcher = FaqMatcher.of(singlePhrasing(), List.of(), pseudo, null, true, EntryScores.Weights.DEFAULT,
				false, FaqMatcher.Decider.LEARNED);
		assertThat(matcher.checks()).containsEntry("acceptanceModel", 0.0).containsEntry("pseudoQuestions", 1.0);
	}

	@Test
	void withOnePhrasingTheAnswerSentencesAreMatchedTooAndARebuiltMatcherUsesThem() {
		// every entry's one phrasing has the same vector: only the answer sentences
		// differ
		float[] same = ToyFaq.near("refund", 1);
		List<TrainingExample> examples = new ArrayList<>();
		List<PseudoQuestion> sentences = new ArrayList<>();
		int seed = 2000;
		for (String topic : ToyFaq.TOPICS) {
			examples.add(new TrainingExample(topic, "question " + topic, same));
			sentences.add(new PseudoQuestion(topic, "about the " + topic, ToyFaq.near(topic, seed++)));
		}
		FaqMatcher matcher = FaqMatcher.of(examples, List.of(), sentences, null, false);
		assertThat(matcher.checks()).containsEntry("acceptanceModel", 1.0).containsEntry("answerSentences", 8.0);
		float[] question = ToyFaq.near("coupon", 77);
		RouterPrediction prediction = matcher.predict("?", question);
		assertThat(prediction.ranked().get(0).label()).isEqualTo("coupon");
		FaqMatcher rebuilt = FaqMatcher.of(examples, List.of(), sentences, null, matcher.suggestedThreshold(),
				matcher.checks());
		assertThat(rebuilt.predict("?", question)).isEqualTo(prediction);
		// the phrasings alone cannot tell the entries apart
		FaqMatcher without = FaqMatcher.of(examples, List.of(), null, matcher.suggestedThreshold(), matcher.checks());
		assertThat(without.predict("?", question).confidence()).isLessThan(prediction.confidence());
	}

	@Test
	void aRebuiltMatcherKeepsItsStoredThreshold() {
		FaqMatcher matcher = FaqMatcher.of(singlePhrasing(), null, 0.61);
		assertThat(matcher.suggestedThreshold()).isEqualTo(0.61);
	}

}
