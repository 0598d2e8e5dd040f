package dev.hearth.console;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Canned responses: every agent reads them; supervisors and admins add and delete. */
@Controller
class CannedController {

	private final CannedResponses canned;

	private final Flash flash;

	CannedController(CannedResponses canned, Flash flash) {
		this.canned = canned;
		this.flash = flash;
	}

	@GetMapping("/console/canned")
	String list(Model model) {
		model.addAttribute("responses", this.canned.all());
		return "console/canned";
	}

	@PostMapping("/console/canned")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	String add(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String body,
			@RequestParam(defaultValue = "en") String language, Authentication user, RedirectAttributes redirect) {
		if (title.isBlank() || body.isBlank() || title.length() > 200 || body.length() > 4000) {
			this.flash.problem(redirect, "canned.invalid");
			return "redirect:/console/canned";
		}
		try {
			this.canned.add(title.strip(), body.strip(), language.strip().isEmpty() ? "en" : language.strip(),
					user.getName());
			this.flash.notice(redirect, "canned.saved", title.strip());
		}
		catch (DuplicateKeyException ex) {
			this.flash.problem(redirect, "canned.duplicate", title.strip());
		}
		return "redirect:/console/canned";
	}

	@PostMapping("/console/canned/{id}/delete")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		this.canned.delete(id);
		this.flash.notice(redirect, "canned.deleted");
		return "redirect:/console/canned";
	}

}
