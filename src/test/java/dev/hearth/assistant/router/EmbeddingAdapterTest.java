package dev.hearth.assistant.router;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.within;

class EmbeddingAdapterTest {

	/** x -> x + u (v . x) with u = (0, 1, 0), v = (1, 0, 0): adds x0 to x1. */
	private static EmbeddingAdapter shear() {
		return EmbeddingAdapter.of(new float[][] { { 0 }, { 1 }, { 0 } }, new float[][] { { 1 }, { 0 }, { 0 } });
	}

	@Test
	void mapsAndNormalises() {
		float[] adapted = shear().apply(new float[] { 3, 0, 4 });
		float norm = (float) Math.sqrt(9 + 9 + 16);
		assertThat(adapted[0]).isCloseTo(3 / norm, within(1e-6f));
		assertThat(adapted[1]).isCloseTo(3 / norm, within(1e-6f));
		assertThat(adapted[2]).isCloseTo(4 / norm, within(1e-6f));
	}

	@Test
	void identityOnlyNormalisesAndFitsEveryDimension() {
		EmbeddingAdapter identity = EmbeddingAdapter.identity();
		assertThat(identity.isIdentity()).isTrue();
		assertThat(identity.fits(768)).isTrue();
		assertThat(identity.apply(new float[] { 0, 2 })).containsExactly(0, 1);
	}

	@Test
	void refusesAnotherDimension() {
		assertThat(shear().fits(384)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> shear().apply(new float[384]))
			.withMessage("vector has 384 dimensions; the adapter maps 3-dimensional vectors");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> NearestPhrasings.of(List.of(new TrainingExample("x", "a", new float[] { 1, 0 })), shear()))
			.withMessage("the embedding adapter maps 3-dimensional vectors, the phrasings have 2");
	}

	@Test
	void refusesBadShapes() {
		assertThatNullPointerException().isThrownBy(() -> EmbeddingAdapter.of(null, new float[1][1]))
			.withMessage("u must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> EmbeddingAdapter.of(new float[2][1], new float[3][1]))
			.withMessage("u and v must have the same number of rows, at least 1, got 2 and 3");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmbeddingAdapter.of(new float[][] { { 1 }, { 1, 2 } }, new float[2][1]))
			.withMessage("row 1 of u or v does not have 1 values");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmbeddingAdapter.of(new float[][] { { Float.NaN } }, new float[1][1]))
			.withMessage("u[0] must contain only finite numbers");
	}

	@Test
	void roundTripsAndRefusesDamage() {
		byte[] bytes = shear().serialize();
		EmbeddingAdapter copy = EmbeddingAdapter.deserialize(bytes);
		assertThat(copy.rank()).isEqualTo(1);
		assertThat(copy.apply(new float[] { 3, 0, 4 })).containsExactly(shear().apply(new float[] { 3, 0, 4 }));
		assertThat(copy.serialize()).isEqualTo(bytes);
		byte[] damaged = Arrays.copyOf(bytes, bytes.length);
		damaged[20] ^= 1;
		assertThatIllegalArgumentException().isThrownBy(() -> EmbeddingAdapter.deserialize(damaged))
			.withMessage("embedding adapter is damaged (CRC-32 mismatch)");
		assertThatIllegalArgumentException().isThrownBy(() -> EmbeddingAdapter.deserialize(new byte[30]))
			.withMessage("not an embedding adapter (no HADP header)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmbeddingAdapter.deserialize(Arrays.copyOf(bytes, bytes.length - 4)))
			.withMessage("embedding adapter is damaged: 3 x 1 does not fit " + (bytes.length - 4) + " bytes");
	}

	@Test
	void nearestPhrasingsCompareAdaptedVectors() {
		// (1, 0, 0) and (0.6, -0.8, 0) are orthogonal-ish before the shear and close
		// after it moves the first into (1, 1, 0)/sqrt2
		List<TrainingExample> examples = List.of(new TrainingExample("a", "a", new float[] { 0, 1, 0 }),
				new TrainingExample("b", "b", new float[] { 0, 0, 1 }));
		float[] question = { 1, 0, 0.2f };
		assertThat(NearestPhrasings.of(examples).similarities(question)[0]).isCloseTo(0, within(1e-6));
		double[] adapted = NearestPhrasings.of(examples, shear()).similarities(question);
		assertThat(adapted[0]).isGreaterThan(adapted[1]);
	}

	@Test
	void identityAdapterLeavesTheMatcherAsItWas() {
		List<TrainingExample> examples = List.of(
				new TrainingExample("a", "refund my order", new float[] { 1, 0.2f, 0 }),
				new TrainingExample("b", "track my parcel", new float[] { 0, 1, 0.3f }),
				new TrainingExample("c", "change my password", new float[] { 0.2f, 0, 1 }));
		FaqMatcher plain = FaqMatcher.of(examples, List.of(), List.of(), null, false, EntryScores.Weights.DEFAULT,
				false, FaqMatcher.Decider.MARGIN);
		FaqMatcher identity = FaqMatcher.of(examples, List.of(), List.of(), null, false, EntryScores.Weights.DEFAULT,
				false, FaqMatcher.Decider.MARGIN, EmbeddingAdapter.identity());
		float[] question = { 0.9f, 0.3f, 0.1f };
		assertThat(identity.predict("refund please", question)).isEqualTo(plain.predict("refund please", question));
		assertThat(identity.suggestedThreshold()).isEqualTo(plain.suggestedThreshold());
		assertThat(identity.checks()).doesNotContainKey("adapterRank");
	}

	@Test
	void trainingBringsTheSameIntentCloser() {
		// three intents whose signal sits in dimensions 0-2, swamped by noise in 3-7
		SplittableRandom random = new SplittableRandom(3);
		List<float[]> vectors = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			float[] v = new float[8];
			v[i % 3] = 0.5f;
			for (int d = 3; d < 8; d++) {
				v[d] = (float) (random.nextDouble() * 2 - 1);
			}
			vectors.add(v);
			labels.add("intent" + (i % 3));
		}
		EmbeddingAdapter adapter = EmbeddingAdapterTrainer.train(vectors, labels,
				new EmbeddingAdapterTrainer.Settings(4, 200, 32, 0.1, 0.01, 0, 29));
		assertThat(adapter.dimensions()).isEqualTo(8);
		assertThat(adapter.rank()).isEqualTo(4);
		assertThat(margin(vectors, labels, adapter))
			.isGreaterThan(margin(vectors, labels, EmbeddingAdapter.identity()) + 0.2);
	}

	/** Mean cosine of same-intent pairs less that of different-intent pairs. */
	private static double margin(List<float[]> vectors, List<String> labels, EmbeddingAdapter adapter) {
		List<float[]> mapped = vectors.stream().map(adapter::apply).toList();
		double same = 0;
		double other = 0;
		int sameCount = 0;
		int otherCount = 0;
		for (int i = 0; i < mapped.size(); i++) {
			for (int j = i + 1; j < mapped.size(); j++) {
				double cosine = VectorMath.dot(mapped.get(i), mapped.get(j));
				if (labels.get(i).equals(labels.get(j))) {
					same += cosine;
					sameCount++;
				}
				else {
					other += cosine;
					otherCount++;
				}
			}
		}
		return same / sameCount - other / otherCount;
	}

}
