package dev.hearth.privacy;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail's external anchors in the admin API: the comparison of the anchor file
 * with the database ({@code valid} false when they disagree), and anchoring now.
 */
@RestController
@RequestMapping("/api/admin/audit/anchors")
class AuditAnchorAdminController {

	private final AuditAnchors anchors;

	AuditAnchorAdminController(AuditAnchors anchors) {
		this.anchors = anchors;
	}

	@GetMapping
	AuditAnchors.Result verify() {
		return this.anchors.verify();
	}

	@PostMapping("/run")
	Map<String, Object> run() {
		return Map.of("written", this.anchors.run(), "anchors", this.anchors.anchors());
	}

}
