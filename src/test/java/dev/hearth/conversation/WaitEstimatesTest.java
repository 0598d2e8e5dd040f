package dev.hearth.conversation;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WaitEstimatesTest {

	private static final Duration SLA = Duration.ofMinutes(5);

	@Test
	void withFewRecentWaitsTheTimeUntilTheSlaIsDueAtLeastAMinute() {
		assertThat(WaitEstimates.estimate(List.of(30L, 40L), Duration.ZERO, SLA)).isEqualTo(SLA);
		assertThat(WaitEstimates.estimate(List.of(), Duration.ofMinutes(2), SLA)).isEqualTo(Duration.ofMinutes(3));
		assertThat(WaitEstimates.estimate(List.of(), Duration.ofMinutes(7), SLA)).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void aNewHandoffExpectsTheMedianRecentWait() {
		List<Long> recent = List.of(60L, 120L, 180L, 240L, 600L);
		assertThat(WaitEstimates.estimate(recent, Duration.ZERO, SLA)).isEqualTo(Duration.ofSeconds(180));
	}

	@Test
	void aCustomerWhoHasWaitedExpectsWhatThoseWhoWaitedAsLongThenStillWaited() {
		List<Long> recent = List.of(30L, 60L, 200L, 260L, 300L, 320L, 400L, 900L);
		// waited 100 s: 200, 260, 300, 320, 400, 900 are longer; remaining 100..800,
		// median 220
		assertThat(WaitEstimates.estimate(recent, Duration.ofSeconds(100), SLA)).isEqualTo(Duration.ofSeconds(220));
		assertThat(WaitEstimates.estimate(recent, Duration.ofSeconds(350), SLA))
			.as("longer than nearly everyone recently")
			.isEqualTo(Duration.ofMinutes(1));
	}

}
