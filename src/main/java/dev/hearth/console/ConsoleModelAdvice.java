package dev.hearth.console;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.hearth.identity.SignedInUser;

/** Gives every console page the signed-in user ({@code me}) for the shared navigation. */
@ControllerAdvice(basePackages = "dev.hearth.console")
class ConsoleModelAdvice {

	private final Durations durations;

	ConsoleModelAdvice(Durations durations) {
		this.durations = durations;
	}

	@ModelAttribute("durations")
	Durations durations() {
		return this.durations;
	}

	@ModelAttribute("me")
	SignedInUser me(Authentication authentication) {
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return null;
		}
		return SignedInUser.of(authentication);
	}

}
