package dev.hearth.widget;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

	@Test
	void countsPerKeyAndMinuteAndSaysHowLongToWait() {
		Clock clock = Clock.fixed(Instant.parse("2026-01-01T10:00:45Z"), ZoneOffset.UTC);
		RateLimiter limiter = new RateLimiter(clock);
		assertThat(limiter.acquire("a", 2)).isZero();
		assertThat(limiter.acquire("a", 2)).isZero();
		assertThat(limiter.acquire("a", 2)).isEqualTo(15);
		assertThat(limiter.acquire("b", 2)).isZero();
	}

	@Test
	void aNewMinuteStartsAfresh() {
		MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:59Z"));
		RateLimiter limiter = new RateLimiter(clock);
		assertThat(limiter.acquire("a", 1)).isZero();
		assertThat(limiter.acquire("a", 1)).isEqualTo(1);
		clock.now = Instant.parse("2026-01-01T10:01:00Z");
		assertThat(limiter.acquire("a", 1)).isZero();
	}

	private static final class MutableClock extends Clock {

		Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
