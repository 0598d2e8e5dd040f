package dev.hearth.widget;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixed one-minute windows of request counts per key (an IP address, a conversation).
 * Counts live in this process only: with several replicas each allows its own share,
 * which is acceptable for abuse protection. Thread-safe.
 */
final class RateLimiter {

	private static final long WINDOW_MILLIS = 60_000;

	private static final int MAX_KEYS = 100_000;

	private final Clock clock;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	RateLimiter(Clock clock) {
		this.clock = clock;
	}

	private record Window(long start, AtomicInteger count) {
	}

	/**
	 * Counts one request for {@code key}; returns 0 when it is within {@code limit}, else
	 * the seconds until the window ends.
	 */
	long acquire(String key, int limit) {
		long now = this.clock.millis();
		long start = now - (now % WINDOW_MILLIS);
		if (this.windows.size() > MAX_KEYS) {
			this.windows.values().removeIf((window) -> window.start() < start);
		}
		Window window = this.windows.compute(key, (k, current) -> (current == null || current.start() != start)
				? new Window(start, new AtomicInteger()) : current);
		if (window.count().incrementAndGet() <= limit) {
			return 0;
		}
		return Math.max(1, (start + WINDOW_MILLIS - now + 999) / 1000);
	}

}
