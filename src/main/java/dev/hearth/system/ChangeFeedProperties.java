package dev.hearth.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hearth.system.change-feed}: how a replica follows what the others
 * wrote to PostgreSQL.
 *
 * @param enabled listen for notifications at all (off only in tests that need no listener
 * connection)
 * @param catchUp how often every follower re-reads PostgreSQL even without a
 * notification, so that a notification lost while the listener reconnected is never
 * missed for longer than this
 * @param reconnect the longest wait between attempts to reopen a lost listener connection
 */
@ConfigurationProperties("hearth.system.change-feed")
public record ChangeFeedProperties(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration catchUp,
		@DefaultValue("5s") Duration reconnect) {

	public ChangeFeedProperties {
		if (catchUp.isNegative() || catchUp.isZero()) {
			throw new IllegalArgumentException("hearth.system.change-feed.catch-up must be positive, got " + catchUp);
		}
		if (reconnect.isNegative() || reconnect.isZero()) {
			throw new IllegalArgumentException(
					"hearth.system.change-feed.reconnect must be positive, got " + reconnect);
		}
	}

}
