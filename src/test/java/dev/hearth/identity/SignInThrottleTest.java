package dev.hearth.identity;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTest {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final SignInThrottle throttle = new SignInThrottle(
			new SignInProperties(5, 20, Duration.ofMinutes(15), 30, false), new TimeMeter() {

				@Override
				public long currentTimeNanos() {
					return SignInThrottleTest.this.now.get();
				}

				@Override
				public boolean isWallClockBased() {
					return false;
				}

			});

	@Test
	void anAccountIsLockedAfterFiveFailuresUntilTheLockoutHasPassed() {
		for (int i = 1; i <= 4; i++) {
			assertThat(this.throttle.attempt("carla", "10.0.0.1")).isEmpty();
			assertThat(this.throttle.failed("Carla", "10.0.0.1")).as("failure %d", i).isEmpty();
		}
		assertThat(this.throttle.attempt("carla", "10.0.0.1")).isEmpty();
		assertThat(this.throttle.failed("carla", "10.0.0.1"))
			.hasValueSatisfying((wait) -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15)));
		assertThat(this.throttle.attempt("CARLA ", "10.0.0.2")).as("from anywhere").isPresent();
		assertThat(this.throttle.attempt("dan", "10.0.0.2")).as("other accounts are not locked").isEmpty();
		advance(Duration.ofMinutes(15).plusSeconds(1));
		assertThat(this.throttle.attempt("carla", "10.0.0.1")).isEmpty();
	}

	@Test
	void aSuccessForgetsTheAccountsFailures() {
		for (int i = 0; i < 4; i++) {
			this.throttle.failed("erin", "10.0.0.3");
		}
		this.throttle.succeeded("erin");
		for (int i = 0; i < 4; i++) {
			assertThat(this.throttle.failed("erin", "10.0.0.4")).isEmpty();
		}
	}

	@Test
	void anAddressIsLockedAfterTwentyFailuresAcrossAccounts() {
		for (int i = 0; i < 19; i++) {
			assertThat(this.throttle.failed("user" + i, "10.0.0.9")).isEmpty();
		}
		assertThat(this.throttle.failed("user19", "10.0.0.9")).isPresent();
		assertThat(this.throttle.attempt("someone-else", "10.0.0.9")).isPresent();
		assertThat(this.throttle.attempt("someone-else", "10.0.0.10")).isEmpty();
	}

	@Test
	void attemptsPerAddressAreThrottledPerMinute() {
		for (int i = 0; i < 30; i++) {
			assertThat(this.throttle.attempt("fay", "10.0.1.1")).isEmpty();
		}
		assertThat(this.throttle.attempt("fay", "10.0.1.1"))
			.hasValueSatisfying((wait) -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)));
		advance(Duration.ofSeconds(10));
		assertThat(this.throttle.attempt("fay", "10.0.1.1")).as("tokens come back gradually").isEmpty();
	}

	private void advance(Duration duration) {
		this.now.addAndGet(duration.toNanos());
	}

}
