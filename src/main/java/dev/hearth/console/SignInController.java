package dev.hearth.console;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

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

	/**
	 * The refusal page, for every method: Spring Security forwards a refused request here
	 * with its own method (a POST without a valid CSRF token, an agent's POST to an admin
	 * page), and that must stay a 403, not turn into a 405.
	 */
	@RequestMapping("/console/denied")
	String denied() {
		return "console/denied";
	}

}
