package dev.hearth.privacy;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail's external anchors in the admin API: the comparison of the copies
 * Hearth can read (file, webhook receiver) with the database ({@code valid} false when
 * they disagree), the comparison of a copy an operator exported (syslog), and anchoring
 * now.
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

	/**
	 * Compares the records in the body (one a line, as the syslog collector or another
	 * receiver stored them) with the database.
	 */
	@PostMapping(path = "/compare", consumes = { "text/plain", "application/x-ndjson", "application/json" })
	AuditAnchors.Result compare(@RequestParam(defaultValue = "syslog") String anchor,
			@RequestBody(required = false) String records) {
		return this.anchors.compare(anchor, records);
	}

	@PostMapping("/run")
	Map<String, Object> run() {
		return Map.of("written", this.anchors.run(), "anchors", this.anchors.anchors());
	}

}
