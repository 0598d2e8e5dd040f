package dev.hearth.console;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hearth.console}.
 *
 * @param livePoll how often an open conversation page's event stream looks for new
 * messages and state changes (two small indexed queries); the delay before a customer's
 * message appears is at most this plus the page's own work
 * @param liveStream how long one event stream lasts before the browser reconnects
 * (resuming after the last message it saw)
 */
@ConfigurationProperties("hearth.console")
record ConsoleProperties(@DefaultValue("250ms") Duration livePoll, @DefaultValue("10m") Duration liveStream) {

	ConsoleProperties {
		if (livePoll.compareTo(Duration.ofMillis(50)) < 0) {
			throw new IllegalArgumentException("hearth.console.live-poll must be at least 50ms, got " + livePoll);
		}
	}

}
