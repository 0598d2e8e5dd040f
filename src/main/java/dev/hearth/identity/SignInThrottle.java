package dev.hearth.identity;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Brute-force protection for local console sign-ins, with Bucket4j token buckets kept in
 * memory: each failed sign-in takes a token from its account's bucket and from its client
 * address's bucket; an empty bucket locks the account or the address until it refills
 * (after {@link SignInProperties#lockout()}). Every attempt also takes a token from the
 * address's per-minute bucket (throttling). A successful sign-in refills its account. Per
 * replica: with several replicas, an attacker spread across them gets the limits once per
 * replica. Thread-safe.
 */
@Component
class SignInThrottle {

	/** Buckets kept before full ones (nobody locked, nothing to remember) are dropped. */
	private static final int MAX_TRACKED = 10_000;

	private final SignInProperties properties;

	private final TimeMeter clock;

	private final Map<String, Bucket> accounts = new ConcurrentHashMap<>();

	private final Map<String, Bucket> addressFailures = new ConcurrentHashMap<>();

	private final Map<String, Bucket> addressAttempts = new ConcurrentHashMap<>();

	@Autowired
	SignInThrottle(SignInProperties properties) {
		this(properties, TimeMeter.SYSTEM_MILLISECONDS);
	}

	SignInThrottle(SignInProperties properties, TimeMeter clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Counts an attempt and says whether it may go ahead.
	 * @return how long this account or address must wait, or empty when the attempt may
	 * be checked
	 */
	Optional<Duration> attempt(String username, String address) {
		Optional<Duration> wait = longest(waitFor(this.accounts.get(account(username))),
				waitFor(this.addressFailures.get(address)));
		if (wait.isPresent()) {
			return wait;
		}
		Bucket attempts = bucket(this.addressAttempts, address,
				() -> build(this.properties.attemptsPerMinutePerAddress(), Duration.ofMinutes(1), true));
		var probe = attempts.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	/**
	 * Records a failed sign-in.
	 * @return how long the account or address is now locked, or empty when it is not
	 */
	Optional<Duration> failed(String username, String address) {
		Bucket account = bucket(this.accounts, account(username),
				() -> build(this.properties.failuresPerAccount(), this.properties.lockout(), false));
		Bucket fromAddress = bucket(this.addressFailures, address,
				() -> build(this.properties.failuresPerAddress(), this.properties.lockout(), false));
		account.tryConsume(1);
		fromAddress.tryConsume(1);
		return longest(waitFor(account), waitFor(fromAddress));
	}

	/** A successful sign-in: the account's failures are forgotten. */
	void succeeded(String username) {
		this.accounts.remove(account(username));
	}

	private Bucket build(int capacity, Duration period, boolean greedy) {
		return Bucket.builder()
			.addLimit((limit) -> greedy ? limit.capacity(capacity).refillGreedy(capacity, period)
					: limit.capacity(capacity).refillIntervally(capacity, period))
			.withCustomTimePrecision(this.clock)
			.build();
	}

	private Bucket bucket(Map<String, Bucket> buckets, String key, Supplier<Bucket> create) {
		if (buckets.size() >= MAX_TRACKED) {
			buckets.values().removeIf((bucket) -> bucket.getAvailableTokens() > 0);
		}
		return buckets.computeIfAbsent(key, (k) -> create.get());
	}

	private static Optional<Duration> waitFor(Bucket bucket) {
		if (bucket == null || bucket.getAvailableTokens() > 0) {
			return Optional.empty();
		}
		return Optional.of(Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
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
