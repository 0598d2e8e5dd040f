package dev.hearth.assistant.router;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class RouterArgumentsTest {

	private static final RouterTrainer TRAINER = new RouterTrainer(ToyFaq.settings());

	@Test
	void examplesAreChecked() {
		assertThatNullPointerException().isThrownBy(() -> TRAINER.train(null)).withMessage("examples must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> TRAINER.train(List.of()))
			.withMessage("examples must not be empty");
		List<TrainingExample> oneLabel = List.of(new TrainingExample("a", "x", new float[] { 1, 0 }),
				new TrainingExample("a", "y", new float[] { 0, 1 }));
		assertThatIllegalArgumentException().isThrownBy(() -> TRAINER.train(oneLabel))
			.withMessage("examples must have at least 2 distinct labels, found 1: 'a'");
		List<TrainingExample> mixed = List.of(new TrainingExample("a", "x", new float[] { 1, 0 }),
				new TrainingExample("b", "y", new float[] { 0, 1, 0 }));
		assertThatIllegalArgumentException().isThrownBy(() -> TRAINER.train(mixed))
			.withMessage("examples[1] (label 'b') has a 3-dimensional vector, examples[0] has 2");
		List<TrainingExample> withNull = new ArrayList<>(ToyFaq.examples());
		withNull.add(null);
		assertThatNullPointerException().isThrownBy(() -> TRAINER.train(withNull))
			.withMessage("examples[30] must not be null");
	}

	@Test
	void theCorpusNeedsVectorsOfItsModel() {
		List<TrainingExample> small = List.of(new TrainingExample("a", "x", new float[] { 1, 0 }),
				new TrainingExample("b", "y", new float[] { 0, 1 }));
		assertThatIllegalArgumentException().isThrownBy(() -> TRAINER.train(small))
			.withMessageStartingWith("the examples have 2-dimensional vectors but the bundled out-of-domain corpus"
					+ " was embedded with all-MiniLM-L6-v2 (quantized) (384 dimensions)");
		TrainedRouter router = new RouterTrainer(ToyFaq.settings().withBackground(false, 0.85, 1)).train(small);
		assertThat(router.labels()).containsExactly("a", "b");
	}

	@Test
	void trainingExamplesAreChecked() {
		assertThatNullPointerException().isThrownBy(() -> new TrainingExample("a", null, new float[] { 1 }))
			.withMessage("text must not be null");
		assertThatNullPointerException().isThrownBy(() -> new TrainingExample(null, "x", new float[] { 1 }))
			.withMessage("label must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> new TrainingExample(" ", "x", new float[] { 1 }))
			.withMessage("label must not be blank");
		assertThatNullPointerException().isThrownBy(() -> new TrainingExample("a", "x", null))
			.withMessage("vector must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> new TrainingExample("a", "x", new float[0]))
			.withMessage("vector must not be empty");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TrainingExample("a", "x", new float[] { 1, Float.NaN }))
			.withMessage("vector must contain only finite numbers");
		float[] vector = { 1, 2 };
		TrainingExample example = new TrainingExample("a", "x", vector);
		vector[0] = 9;
		assertThat(example.vector()).containsExactly(1, 2);
	}

	@Test
	void predictionsAreChecked() {
		TrainedRouter router = new RouterTrainer(ToyFaq.settings().withBackground(false, 0.85, 1))
			.train(ToyFaq.examples());
		assertThatNullPointerException().isThrownBy(() -> router.predict(null, ToyFaq.random(1)))
			.withMessage("text must not be null");
		assertThatNullPointerException().isThrownBy(() -> router.predict("x", null))
			.withMessage("vector must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> router.predict("x", new float[10]))
			.withMessage("vector has 10 dimensions; this router was trained on 384-dimensional embeddings");
		assertThat(router.predict("", ToyFaq.random(2)).ranked()).hasSize(3);
	}

	@Test
	void settingsAreChecked() {
		RouterSettings defaults = RouterSettings.defaults();
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withEpochs(0))
			.withMessage("epochs must be at least 1, was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withFeatureWeights(0, 0))
			.withMessage("embeddingWeight and lexicalWeight must not both be 0");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withHeldOut(0.7, true))
			.withMessage("heldOutFraction must be in [0.0, 0.5], was 0.7");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withThreads(3))
			.withMessage("threads must be 1 or 2, was 3");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withOptimizer(0, 32, 0))
			.withMessage("learningRate must be in (0, 10], was 0.0");
		assertThatNullPointerException().isThrownBy(() -> new RouterTrainer(null))
			.withMessage("settings must not be null");
	}

	@Test
	void predictionsAndScoresAreChecked() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ScoredLabel("a", 1.5))
			.withMessage("probability must be in [0, 1], was 1.5");
		assertThatIllegalArgumentException().isThrownBy(() -> new RouterPrediction(List.of(), -0.1))
			.withMessage("confidence must be in [0, 1], was -0.1");
		assertThat(new RouterPrediction(List.of(), 0.9).inScope(0.5)).isFalse();
		RouterPrediction prediction = new RouterPrediction(List.of(new ScoredLabel("a", 0.7)), 0.7);
		assertThat(prediction.inScope(0.7)).isTrue();
		assertThat(prediction.inScope(0.71)).isFalse();
	}

}
