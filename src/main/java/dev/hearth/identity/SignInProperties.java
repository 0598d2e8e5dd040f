package dev.hearth.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hearth.identity.sign-in}: brute-force protection for local
 * console accounts.
 *
 * @param failuresPerAccount failed sign-ins to one account before it is locked
 * @param failuresPerAddress failed sign-ins from one client address (to any account)
 * before the address is locked
 * @param lockout how long a lock lasts at most (the failure count starts again after it);
 * at most an hour when shared (idle shared buckets are dropped after an hour)
 * @param attemptsPerMinutePerAddress sign-in attempts (right or wrong) one address may
 * make per minute; more are refused until the minute has passed
 * @param shared whether the counts live in PostgreSQL, shared by every replica (the
 * default), or in each replica's memory
 */
@ConfigurationProperties("hearth.identity.sign-in")
record SignInProperties(@DefaultValue("5") int failuresPerAccount, @DefaultValue("20") int failuresPerAddress,
		@DefaultValue("15m") Duration lockout, @DefaultValue("30") int attemptsPerMinutePerAddress,
		@DefaultValue("true") boolean shared) {

	SignInProperties {
		if (failuresPerAccount < 1 || failuresPerAddress < 1 || attemptsPerMinutePerAddress < 1) {
			throw new IllegalArgumentException("hearth.identity.sign-in: failures-per-account (" + failuresPerAccount
					+ "), failures-per-address (" + failuresPerAddress + ") and attempts-per-minute-per-address ("
					+ attemptsPerMinutePerAddress + ") must be at least 1");
		}
		if (lockout.isNegative() || lockout.isZero() || (shared && lockout.compareTo(Duration.ofHours(1)) > 0)) {
			throw new IllegalArgumentException("hearth.identity.sign-in.lockout must be between 1 second and 1 hour "
					+ "(shared buckets idle for an hour are dropped), got " + lockout);
		}
	}

}
