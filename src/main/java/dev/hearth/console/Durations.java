package dev.hearth.console;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Wait times as console pages show them ("7 min", "2 h 5 min"), in the page's language.
 */
@Component("durations")
class Durations {

	private final MessageSource messages;

	Durations(MessageSource messages) {
		this.messages = messages;
	}

	public String format(long minutes) {
		if (minutes == Long.MAX_VALUE) {
			return "–";
		}
		long m = Math.max(0, minutes);
		return (m >= 60)
				? this.messages.getMessage("duration.hours", new Object[] { m / 60, m % 60 },
						LocaleContextHolder.getLocale())
				: this.messages.getMessage("duration.minutes", new Object[] { m }, LocaleContextHolder.getLocale());
	}

}
