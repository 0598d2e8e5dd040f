package dev.hearth.assistant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RouterReadinessTest {

	@Test
	void aReplicaWithTheStoredVersionLiveIsReady() {
		RouterReadiness readiness = RouterReadiness.of(3, 3, -1, false, false, false);
		assertThat(readiness.ready()).isTrue();
		assertThat(readiness.reason()).isNull();
		assertThat(readiness.matcher()).isEqualTo("router");
	}

	@Test
	void theFirstTrainingHoldsReadinessWhileTheEntryMatcherAnswers() {
		RouterReadiness readiness = RouterReadiness.of(null, null, -1, true, false, true);
		assertThat(readiness.ready()).isFalse();
		assertThat(readiness.reason()).isEqualTo("The first FAQ router is being trained");
		assertThat(readiness.matcher()).isEqualTo("entries");
	}

	@Test
	void aRetrainingWhileAVersionIsLiveDoesNotHoldReadiness() {
		// the previous version keeps answering on every replica: taking them all out
		// would
		// stop the service for every FAQ import
		assertThat(RouterReadiness.of(3, 3, -1, false, false, false).ready()).isTrue();
	}

	@Test
	void aReplicaThatHasNotLoadedTheStoredVersionIsNotReady() {
		RouterReadiness behind = RouterReadiness.of(3, 4, -1, false, false, false);
		assertThat(behind.ready()).isFalse();
		assertThat(behind.reason()).isEqualTo("FAQ router version 4 is live but not loaded on this replica yet");
		assertThat(RouterReadiness.of(null, 4, -1, false, false, false).ready()).isFalse();
		// a version retired elsewhere routes to entries that are gone, which are not
		// shown
		assertThat(RouterReadiness.of(4, null, -1, false, false, false).ready()).isTrue();
	}

	@Test
	void aVersionThisReplicaCannotReadIsNotWaitedFor() {
		RouterReadiness readiness = RouterReadiness.of(null, 4, 4, false, false, true);
		assertThat(readiness.ready()).isTrue();
		assertThat(readiness.matcher()).isEqualTo("entries");
	}

	@Test
	void entriesWithNothingToMatchThemHoldReadiness() {
		RouterReadiness readiness = RouterReadiness.of(null, null, -1, false, true, false);
		assertThat(readiness.ready()).isFalse();
		assertThat(readiness.reason()).isEqualTo("The FAQ entries are being indexed for matching");
		assertThat(readiness.matcher()).isEqualTo("none");
	}

	@Test
	void noRouterWithoutTrainingIsReady() {
		// too few entries, a failed training, or training on demand only
		assertThat(RouterReadiness.of(null, null, -1, false, false, false).ready()).isTrue();
		assertThat(RouterReadiness.of(null, null, -1, false, false, true).ready()).isTrue();
	}

}
