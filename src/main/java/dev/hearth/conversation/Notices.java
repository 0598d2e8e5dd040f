package dev.hearth.conversation;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Every notice Hearth writes to a customer, in the conversation's language, from the
 * {@code widget.notice.*} keys of the message bundles (English when the language has no
 * bundle). Thread-safe.
 */
@Component
class Notices {

	/** Every key this class reads; the message-key test checks each in every bundle. */
	static final List<String> KEYS = List.of("widget.notice.decline", "widget.notice.clarify", "widget.notice.wait",
			"widget.notice.ticket", "widget.notice.still.waiting", "widget.notice.other.language",
			"widget.notice.smalltalk.greeting", "widget.notice.smalltalk.thanks", "widget.notice.smalltalk.goodbye",
			"widget.notice.smalltalk.bot");

	private final MessageSource messages;

	Notices(MessageSource messages) {
		this.messages = messages;
	}

	/** Hearth cannot help with this: what it can help with, rephrase, or a person. */
	String decline(String language) {
		return text("widget.notice.decline", language);
	}

	/** Hearth asks which of the options (shown as buttons) the customer means. */
	String clarify(String language) {
		return text("widget.notice.clarify", language);
	}

	/**
	 * Hearth's short reply to small talk: in the language of the words when they say it
	 * ("danke"), else the conversation's.
	 */
	String smallTalk(SmallTalk.Said said, String language) {
		return text(said.kind().key(), (said.language() != null) ? said.language() : language);
	}

	/** A person is coming, roughly when. */
	String waitNotice(String language, Duration wait) {
		return text("widget.notice.wait", language, minutes(wait));
	}

	/** Nobody can take over live: leave contact details for a ticket. */
	String ticketNotice(String language) {
		return text("widget.notice.ticket", language);
	}

	/**
	 * The customer is still waiting for a person, with their place in the queue and the
	 * expected wait (a question Hearth could not answer while they wait).
	 */
	String stillWaiting(String language, int position, Duration wait) {
		return text("widget.notice.still.waiting", language, position, minutes(wait));
	}

	/**
	 * Says that the answer that follows is in another language, named in the customer's;
	 * {@code null} when either language is unknown or they are the same.
	 * @param language the customer's language
	 * @param contentLanguage the language of the content that answers
	 */
	String otherLanguage(String language, String contentLanguage) {
		if (language == null || language.isBlank() || contentLanguage == null || contentLanguage.isBlank()) {
			return null;
		}
		Locale customer = locale(language);
		Locale content = locale(contentLanguage);
		if (customer.getLanguage().equals(content.getLanguage())) {
			return null;
		}
		return text("widget.notice.other.language", language, content.getDisplayLanguage(customer));
	}

	private static long minutes(Duration wait) {
		return Math.max(1, Math.round(wait.toSeconds() / 60.0));
	}

	private String text(String key, String language, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale(language));
	}

	static Locale locale(String language) {
		if (language == null || language.isBlank()) {
			return Locale.ENGLISH;
		}
		return Locale.forLanguageTag(language.replace('_', '-'));
	}

}
