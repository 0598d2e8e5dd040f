package dev.hearth.assistant.router;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AcceptanceTest {

	@Test
	void theFeaturesAreTheBestEntrysScoresItsLeadAndTheViewsAgreement() {
		double[] fused = { 0.7, 0.5, 0.2 };
		double[] dense = { 0.8, 0.9, 0.1 };
		double[] terms = { 0.6, 0.1, 0.0 };
		double[] f = Acceptance.features(0, fused, dense, terms);
		assertThat(f).hasSize(Acceptance.FEATURES);
		assertThat(f[0]).isEqualTo(0.7);
		assertThat(f[1]).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(f[2]).isEqualTo(0.8);
		assertThat(f[3]).isEqualTo(0.6);
		// the dense view ranks entry 1 first, the terms agree with the fused ranking
		assertThat(f[4]).isZero();
		assertThat(f[5]).isEqualTo(1.0);
	}

	@Test
	void aFittedModelSeparatesWhatItWasShownAndSurvivesTheChecks() {
		SplittableRandom random = new SplittableRandom(3);
		List<double[]> positives = new ArrayList<>();
		List<double[]> negatives = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			// answerable questions lead by a wide margin, unknown ones barely
			positives
				.add(new double[] { 0.6 + 0.2 * random.nextDouble(), 0.1 + 0.1 * random.nextDouble(), 0.7, 0.5, 1, 1 });
			negatives.add(new double[] { 0.5 + 0.2 * random.nextDouble(), 0.02 * random.nextDouble(), 0.6, 0.3,
					random.nextInt(2), random.nextInt(2) });
		}
		Acceptance model = Acceptance.fit(positives, List.of(negatives, List.of()));
		double sure = model.probability(new double[] { 0.65, 0.15, 0.7, 0.5, 1, 1 });
		double unsure = model.probability(new double[] { 0.65, 0.01, 0.6, 0.3, 0, 0 });
		assertThat(sure).isGreaterThan(0.9);
		assertThat(unsure).isLessThan(0.1);
		Map<String, Double> checks = model.toChecks();
		Acceptance restored = Acceptance.fromChecks(checks);
		assertThat(restored.probability(positives.get(0))).isEqualTo(model.probability(positives.get(0)));
	}

	@Test
	void checksWithoutAModelGiveNoneAndIncompleteOnesAreRefused() {
		assertThat(Acceptance.fromChecks(Map.of("threshold", 0.5))).isNull();
		assertThat(Acceptance.fromChecks(null)).isNull();
		assertThatThrownBy(() -> Acceptance.fromChecks(Map.of("accept.bias", 0.1)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("the stored acceptance model lacks feature 0");
		assertThatThrownBy(() -> Acceptance.fit(List.of(), List.of())).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("positives must not be empty");
	}

}
