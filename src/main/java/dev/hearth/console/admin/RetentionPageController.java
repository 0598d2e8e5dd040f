package dev.hearth.console.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import dev.hearth.privacy.AuditAnchors;
import dev.hearth.privacy.RetentionJob;

/**
 * Retention in the console (admins only): how long each data class is kept, the last
 * purges as the audit trail records them, and whether the trail still verifies after them
 * (from its newest checkpoint, compared with the external anchors).
 */
@Controller
@RequestMapping("/console/admin/retention")
@PreAuthorize("hasRole('ADMIN')")
class RetentionPageController {

	private final RetentionJob retention;

	private final AuditAnchors anchors;

	RetentionPageController(RetentionJob retention, AuditAnchors anchors) {
		this.retention = retention;
		this.anchors = anchors;
	}

	@GetMapping
	String page(Model model) {
		Map<String, Long> days = new LinkedHashMap<>();
		this.retention.policy()
			.forEach((dataClass, keep) -> days.put(dataClass, (keep != null) ? keep.toDays() : null));
		model.addAttribute("policy", days);
		model.addAttribute("purges", this.retention.lastPurges(20));
		model.addAttribute("verification", this.anchors.verify());
		return "console/admin/retention";
	}

}
