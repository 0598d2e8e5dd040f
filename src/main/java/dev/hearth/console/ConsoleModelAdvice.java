package dev.hearth.console;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.hearth.escalation.AgentPresence;

import dev.hearth.identity.Agents;
import dev.hearth.identity.SignedInUser;

/**
 * Gives every console page the signed-in user ({@code me}) for the shared navigation, and
 * notes them as online for handoffs that need an agent present and (when they came
 * through Keycloak) as agents conversations can be transferred to.
 */
@ControllerAdvice(basePackages = "dev.hearth.console")
class ConsoleModelAdvice {

	private final Durations durations;

	private final AgentPresence presence;

	private final Agents agents;

	ConsoleModelAdvice(Durations durations, AgentPresence presence, Agents agents) {
		this.durations = durations;
		this.presence = presence;
		this.agents = agents;
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
		SignedInUser me = SignedInUser.of(authentication);
		// working in the console counts as being online, as calling the agent API does
		this.presence.seen(me.username());
		// people from Keycloak become agents others can transfer to
		this.agents.seen(authentication);
		return me;
	}

}
