package dev.hearth.widget;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

import dev.hearth.system.SharedBuckets;

/**
 * Per-minute token buckets by key: each key holds {@code perMinute} tokens and gets them
 * back steadily over a minute. Kept either in this process only (Bucket4j) or in
 * {@link SharedBuckets}, which every replica shares, where the buckets of one request are
 * taken from in one round trip. Thread-safe.
 */
final class RateLimits {

	private static final int MAX_LOCAL_KEYS = 100_000;

	private final SharedBuckets shared;

	private final Map<String, Bucket> local = new ConcurrentHashMap<>();

	/**
	 * @param shared where shared buckets live, or {@code null} to keep every bucket in
	 * this process
	 */
	RateLimits(SharedBuckets shared) {
		this.shared = shared;
	}

	/**
	 * One bucket of a request.
	 *
	 * @param key the bucket's key
	 * @param perMinute its capacity, refilled over a minute
	 */
	record Limit(String key, int perMinute) {
	}

	/**
	 * Which of the request's buckets was empty.
	 *
	 * @param index its position in the list given to {@link #acquire(List, boolean)}
	 * @param seconds the whole seconds until it has a token again, at least 1
	 */
	record Refusal(int index, long seconds) {
	}

	/**
	 * Takes one token from {@code key}'s bucket.
	 * @param shared whether this limit is counted across replicas (when a shared store is
	 * configured)
	 * @return 0 when a token was there, else the whole seconds until one is
	 */
	long acquire(String key, int perMinute, boolean shared) {
		Refusal refusal = acquire(List.of(new Limit(key, perMinute)), shared);
		return (refusal != null) ? refusal.seconds() : 0;
	}

	/**
	 * Takes one token from each bucket in order and stops at the first that has none
	 * (tokens taken before it stay taken); shared buckets in one round trip.
	 * @param shared whether these limits are counted across replicas (when a shared store
	 * is configured)
	 * @return {@code null} when every bucket gave a token, else the refusal
	 */
	Refusal acquire(List<Limit> limits, boolean shared) {
		if (shared && this.shared != null) {
			List<SharedBuckets.Limit> keyed = new ArrayList<>(limits.size());
			for (Limit limit : limits) {
				keyed.add(new SharedBuckets.Limit(limit.key() + "/" + limit.perMinute(), limit.perMinute()));
			}
			SharedBuckets.Refusal refusal = this.shared.take(keyed);
			return (refusal != null) ? new Refusal(refusal.index(), refusal.seconds()) : null;
		}
		for (int i = 0; i < limits.size(); i++) {
			long wait = acquireLocally(limits.get(i).key(), limits.get(i).perMinute());
			if (wait > 0) {
				return new Refusal(i, wait);
			}
		}
		return null;
	}

	private long acquireLocally(String key, int perMinute) {
		if (this.local.size() >= MAX_LOCAL_KEYS) {
			this.local.values().removeIf((bucket) -> bucket.getAvailableTokens() > 0);
		}
		ConsumptionProbe probe = this.local
			.computeIfAbsent(key + "/" + perMinute,
					(k) -> Bucket.builder().addLimit(configuration(perMinute).getBandwidths()[0]).build())
			.tryConsumeAndReturnRemaining(1);
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
