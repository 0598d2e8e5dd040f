package dev.hearth.privacy;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail in the admin API: verify the hash chain. */
@RestController
@RequestMapping("/api/admin/audit")
class AuditAdminController {

	private final AuditTrail audit;

	AuditAdminController(AuditTrail audit) {
		this.audit = audit;
	}

	@GetMapping("/verify")
	AuditTrail.Verification verify() {
		return this.audit.verify();
	}

}
