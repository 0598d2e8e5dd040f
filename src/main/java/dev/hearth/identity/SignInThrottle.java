package dev.hearth.identity;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ProxyManager;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.hearth.system.SharedBuckets;

/**
 * Brute-force protection for local console sign-ins, with Bucket4j token buckets: each
 * failed sign-in takes a token from its account's bucket and from its client address's
 * bucket; an empty bucket locks the account or the address until it refills (after
 * {@link SignInProperties#lockout()}). Every attempt also takes a token from the
 * address's per-minute bucket (throttling). A successful sign-in refills its account. The
 * buckets live in PostgreSQL ({@link SharedBuckets}, rows {@code sign-in:...}) so that
 * every replica counts against the same limits; with
 * {@code hearth.identity.sign-in.shared=false} (or the test constructor) each replica
 * keeps its own in memory. Thread-safe.
 */
@Component
class SignInThrottle {

	/**
	 * Local buckets kept before full ones (nobody locked, nothing to remember) are
	 * dropped.
	 */
	private static final int MAX_TRACKED = 10_000;

	private final SignInProperties properties;

	private final TimeMeter clock;

	private final ProxyManager<String> shared;

	private final Map<String, Bucket> local = new ConcurrentHashMap<>();

	@Autowired
	SignInThrottle(SignInProperties properties, SharedBuckets shared) {
		this(properties, TimeMeter.SYSTEM_MILLISECONDS, properties.shared() ? shared : null);
	}

	SignInThrottle(SignInProperties properties, TimeMeter clock) {
		this(properties, clock, null);
	}

	SignInThrottle(SignInProperties properties, TimeMeter clock, ProxyManager<String> shared) {
		this.properties = properties;
		this.clock = clock;
		this.shared = shared;
	}

	/** Whether the counts are shared by every replica. */
	boolean isShared() {
		return this.shared != null;
	}

	/**
	 * Counts an attempt and says whether it may go ahead.
	 * @return how long this account or address must wait, or empty when the attempt may
	 * be checked
	 */
	Optional<Duration> attempt(String username, String address) {
		Optional<Duration> wait = lockedFor(username, address);
		if (wait.isPresent()) {
			return wait;
		}
		var probe = attempts(address).tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	/**
	 * How long the account or the address is locked, or empty when neither is (counts
	 * nothing).
	 */
	Optional<Duration> lockedFor(String username, String address) {
		Optional<Duration> account = (username != null) ? waitFor(accountBucket(username, false)) : Optional.empty();
		Optional<Duration> fromAddress = (address != null) ? waitFor(addressBucket(address, false)) : Optional.empty();
		return longest(account, fromAddress);
	}

	/**
	 * Records a failed sign-in.
	 * @return how long the account or address is now locked, or empty when it is not
	 */
	Optional<Duration> failed(String username, String address) {
		return longest(take(accountBucket(username, true)), take(addressBucket(address, true)));
	}

	/**
	 * Takes a failure's token; asks for the wait only when the bucket is now empty (one
	 * transaction per bucket when shared and not locked).
	 */
	private static Optional<Duration> take(Bucket bucket) {
		var probe = bucket.tryConsumeAndReturnRemaining(1);
		return (probe.isConsumed() && probe.getRemainingTokens() > 0) ? Optional.empty() : waitFor(bucket);
	}

	/** A successful sign-in: the account's failures are forgotten. */
	void succeeded(String username) {
		forget(accountKey(username));
	}

	/** An admin lifts the lock of an account: its failures are forgotten. */
	void unlockAccount(String username) {
		forget(accountKey(username));
	}

	/**
	 * An admin lifts the lock of a client address: its failures and attempts are
	 * forgotten.
	 */
	void unlockAddress(String address) {
		forget(addressKey(address));
		forget(attemptsKey(address));
	}

	private Bucket accountBucket(String username, boolean create) {
		return bucket(accountKey(username), this.properties.failuresPerAccount(), this.properties.lockout(), false,
				create);
	}

	private Bucket addressBucket(String address, boolean create) {
		return bucket(addressKey(address), this.properties.failuresPerAddress(), this.properties.lockout(), false,
				create);
	}

	private Bucket attempts(String address) {
		return bucket(attemptsKey(address), this.properties.attemptsPerMinutePerAddress(), Duration.ofMinutes(1), true,
				true);
	}

	private String accountKey(String username) {
		return "sign-in:account:" + account(username) + "/" + this.properties.failuresPerAccount();
	}

	private String addressKey(String address) {
		return "sign-in:address:" + address + "/" + this.properties.failuresPerAddress();
	}

	private String attemptsKey(String address) {
		return "sign-in:attempts:" + address + "/" + this.properties.attemptsPerMinutePerAddress();
	}

	/**
	 * The bucket of {@code key}; a local one only when {@code create} or already there
	 * ({@code null} otherwise: nothing counted, nothing locked).
	 */
	private Bucket bucket(String key, int capacity, Duration period, boolean greedy, boolean create) {
		BucketConfiguration configuration = BucketConfiguration.builder()
			.addLimit((limit) -> greedy ? limit.capacity(capacity).refillGreedy(capacity, period)
					: limit.capacity(capacity).refillIntervally(capacity, period))
			.build();
		if (this.shared != null) {
			return this.shared.builder().build(key, () -> configuration);
		}
		if (!create) {
			return this.local.get(key);
		}
		if (this.local.size() >= MAX_TRACKED) {
			this.local.values().removeIf((bucket) -> bucket.getAvailableTokens() > 0);
		}
		return this.local.computeIfAbsent(key,
				(k) -> Bucket.builder()
					.addLimit(configuration.getBandwidths()[0])
					.withCustomTimePrecision(this.clock)
					.build());
	}

	private void forget(String key) {
		if (this.shared != null) {
			this.shared.removeProxy(key);
		}
		else {
			this.local.remove(key);
		}
	}

	private static Optional<Duration> waitFor(Bucket bucket) {
		if (bucket == null) {
			return Optional.empty();
		}
		EstimationProbe probe = bucket.estimateAbilityToConsume(1);
		return probe.canBeConsumed() ? Optional.empty()
				: Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	private static Optional<Duration> longest(Optional<Duration> a, Optional<Duration> b) {
		if (a.isEmpty()) {
			return b;
		}
		return (b.isPresent() && b.get().compareTo(a.get()) > 0) ? b : a;
	}

	private static String account(String username) {
		return (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
	}

}
