package dev.hearth.conversation;

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
 * How a customer's satisfaction comment is sealed at rest
 * ({@code conversation.csat_comment}, key in {@code csat_enc_key}, bound to the
 * conversation), and its re-sealing for {@link dev.hearth.crypto.KeyRotation};
 * conversations without one are not counted. Thread-safe.
 */
@Component
class CsatResealing implements ReEncryptable {

	private final SealedColumns columns;

	CsatResealing(JdbcClient jdbc, FieldCipher cipher) {
		this.columns = new SealedColumns(jdbc, cipher, "conversation", "csat_enc_key", "id::text",
				List.of("csat_comment"), "csat_comment is not null");
	}

	SealedColumns columns() {
		return this.columns;
	}

	@Override
	public String name() {
		return "conversation.csat_comment";
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
