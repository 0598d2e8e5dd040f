package dev.hearth.widget;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;

/**
 * Per-minute token buckets (Bucket4j) by key: each key holds {@code perMinute} tokens and
 * gets them back steadily over a minute. Kept either in this process only or in a
 * {@link ProxyManager} that every replica shares
 * ({@code dev.hearth.system.SharedBuckets}). Thread-safe.
 */
final class RateLimits {

	private static final int MAX_LOCAL_KEYS = 100_000;

	private final ProxyManager<String> shared;

	private final Map<String, Bucket> local = new ConcurrentHashMap<>();

	/**
	 * @param shared where shared buckets live, or {@code null} to keep every bucket in
	 * this process
	 */
	RateLimits(ProxyManager<String> shared) {
		this.shared = shared;
	}

	/**
	 * Takes one token from {@code key}'s bucket.
	 * @param shared whether this limit is counted across replicas (when a shared store is
	 * configured)
	 * @return 0 when a token was there, else the whole seconds until one is
	 */
	long acquire(String key, int perMinute, boolean shared) {
		BucketConfiguration configuration = configuration(perMinute);
		ConsumptionProbe probe;
		if (shared && this.shared != null) {
			probe = this.shared.builder()
				.build(key + "/" + perMinute, () -> configuration)
				.tryConsumeAndReturnRemaining(1);
		}
		else {
			if (this.local.size() >= MAX_LOCAL_KEYS) {
				this.local.values().removeIf((bucket) -> bucket.getAvailableTokens() > 0);
			}
			probe = this.local
				.computeIfAbsent(key + "/" + perMinute,
						(k) -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build())
				.tryConsumeAndReturnRemaining(1);
		}
		if (probe.isConsumed()) {
			return 0;
		}
		return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
	}

	private static BucketConfiguration configuration(int perMinute) {
		return BucketConfiguration.builder()
			.addLimit((limit) -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
			.build();
	}

}
