package dev.hearth.privacy;

import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * The audit trail as a data class of the retention job ({@link AuditTrail#purgeBefore}).
 */
@Component
class AuditRetention implements RetentionPurger {

	private final AuditTrail audit;

	AuditRetention(AuditTrail audit) {
		this.audit = audit;
	}

	@Override
	public String dataClass() {
		return "audit";
	}

	@Override
	public int purgeBatch(Instant cutoff, int batchSize) {
		return this.audit.purgeBefore(cutoff, batchSize);
	}

}
