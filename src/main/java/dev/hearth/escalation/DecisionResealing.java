package dev.hearth.escalation;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.hearth.crypto.FieldCipher;
import dev.hearth.crypto.ReEncryptable;
import dev.hearth.crypto.SealedColumns;

/**
 * How the customer's (redacted) question of an escalation decision is sealed at rest
 * ({@code escalation_decision.question}, key in {@code enc_key}, bound to the decision's
 * id), and its re-sealing for {@link dev.hearth.crypto.KeyRotation}. Thread-safe.
 */
@Component
class DecisionResealing implements ReEncryptable {

	private final SealedColumns columns;

	DecisionResealing(JdbcClient jdbc, FieldCipher cipher) {
		this.columns = new SealedColumns(jdbc, cipher, "escalation_decision", "enc_key", "id::text",
				List.of("question"), "true");
	}

	SealedColumns columns() {
		return this.columns;
	}

	@Override
	public String name() {
		return "escalation_decision";
	}

	@Override
	public Map<String, Long> rowsByKey() {
		return this.columns.rowsByKey();
	}

	@Override
	@Transactional
	public int reseal(String activeKey, Set<String> older, int limit) {
		return this.columns.reseal(activeKey, older, limit);
	}

}
