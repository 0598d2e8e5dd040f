package dev.hearth.console;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page (local account form, and the Keycloak button when Keycloak is
 * configured), the console's start page and the page shown when a role does not allow
 * something.
 */
@Controller
class SignInController {

	private final boolean keycloak;

	SignInController(ObjectProvider<ClientRegistrationRepository> registrations) {
		this.keycloak = registrations.getIfAvailable() != null;
	}

	@GetMapping("/console/login")
	String login(Model model) {
		model.addAttribute("keycloak", this.keycloak);
		return "console/login";
	}

	@GetMapping({ "/console", "/console/" })
	String home() {
		return "redirect:/console/inbox";
	}

	@GetMapping("/console/denied")
	String denied() {
		return "console/denied";
	}

}
