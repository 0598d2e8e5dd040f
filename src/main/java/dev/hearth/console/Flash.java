package dev.hearth.console;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Messages shown once on the next console page (the layout's {@code flash} fragment):
 * {@code notice} for success, {@code problem} for something the user can fix. Texts come
 * from the message bundles in the request's language. Shared by the agent and the admin
 * pages.
 */
@Component
public class Flash {

	private final MessageSource messages;

	Flash(MessageSource messages) {
		this.messages = messages;
	}

	public void notice(RedirectAttributes redirect, String key, Object... args) {
		redirect.addFlashAttribute("notice", text(key, args));
	}

	public void problem(RedirectAttributes redirect, String key, Object... args) {
		redirect.addFlashAttribute("problem", text(key, args));
	}

	public String text(String key, Object... args) {
		return this.messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

}
