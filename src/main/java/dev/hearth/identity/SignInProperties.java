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
 * @param lockout how long a lock lasts at most (the failure count starts again after it)
 * @param attemptsPerMinutePerAddress sign-in attempts (right or wrong) one address may
 * make per minute; more are refused until the minute has passed
 */
@ConfigurationProperties("hearth.identity.sign-in")
record SignInProperties(@DefaultValue("5") int failuresPerAccount, @DefaultValue("20") int failuresPerAddress,
		@DefaultValue("15m") Duration lockout, @DefaultValue("30") int attemptsPerMinutePerAddress) {
}
