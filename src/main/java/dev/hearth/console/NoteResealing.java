package dev.hearth.console;

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
 * How agents' notes are sealed at rest ({@code conversation_note.text}, key in
 * {@code enc_key}, bound to the note's id), and their re-sealing for
 * {@link dev.hearth.crypto.KeyRotation}. Thread-safe.
 */
@Component
class NoteResealing implements ReEncryptable {

	private final SealedColumns columns;

	NoteResealing(JdbcClient jdbc, FieldCipher cipher) {
		this.columns = new SealedColumns(jdbc, cipher, "conversation_note", "enc_key", "id::text", List.of("text"),
				"true");
	}

	SealedColumns columns() {
		return this.columns;
	}

	@Override
	public String name() {
		return "conversation_note";
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
