package dev.hearth.console.admin;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin pages' one-time messages, in the request's language: the layout's
 * {@code notice} (success) and {@code problem} (something to fix) flash attributes.
 */
@Component
class Notices {

	private final MessageSource messages;

	Notices(MessageSource messages) {
		this.messages = messages;
	}

	void notice(RedirectAttributes redirect, String key, Object... args) {
		redirect.addFlashAttribute("notice", text(key, args));
	}

	void problem(RedirectAttributes redirect, String key, Object... args) {
		redirect.addFlashAttribute("problem", text(key, args));
	}

	String text(String key, Object... args) {
		return this.messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

}
