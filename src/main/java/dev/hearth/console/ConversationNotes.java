package dev.hearth.console;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.stereotype.Component;

import dev.hearth.crypto.FieldCipher;
import dev.hearth.crypto.SealedColumns;
import dev.hearth.privacy.AuditTrail;

/**
 * Agents' internal notes on a conversation. They live in their own table, never in the
 * transcript, so nothing that serves the customer can show them. Thread-safe.
 */
@Component
class ConversationNotes {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final SealedColumns sealed;

	ConversationNotes(JdbcClient jdbc, AuditTrail audit, @Qualifier("noteTexts") SealedColumns sealed) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.sealed = sealed;
	}

	/**
	 * How notes are sealed at rest ({@code conversation_note.text}, key in
	 * {@code enc_key}, bound to the note's id), and re-sealed by the key rotation.
	 */
	@Bean
	static SealedColumns noteTexts(JdbcClient jdbc, FieldCipher cipher) {
		return new SealedColumns("conversation_note", jdbc, cipher, "conversation_note", "enc_key", "id::text",
				List.of("text"), "true");
	}

	record Note(long id, String author, String text, Instant createdAt) {
	}

	/**
	 * Adds a note, sealed at rest, in one transaction with its audit event (which records
	 * that, not what).
	 */
	@Transactional
	void add(UUID conversation, String author, String text) {
		long id = this.jdbc.sql("select nextval(pg_get_serial_sequence('conversation_note', 'id'))")
			.query(Long.class)
			.single();
		String key = this.sealed.activeKey();
		this.jdbc
			.sql("insert into conversation_note (id, conversation_id, author, enc_key, text) values (?, ?, ?, ?, ?)")
			.param(id)
			.param(conversation)
			.param(author)
			.param(key)
			.param(this.sealed.seal(key, "text", id, text))
			.update();
		this.audit.record("NOTE", author, conversation.toString(), Map.of("note", id));
	}

	List<Note> of(UUID conversation) {
		return this.jdbc.sql(
				"select id, author, enc_key, text, created_at from conversation_note where conversation_id = ? order by id")
			.param(conversation)
			.query((rs, row) -> new Note(rs.getLong(1), rs.getString(2),
					this.sealed.open(rs.getString(3), "text", rs.getLong(1), rs.getString(4)),
					rs.getTimestamp(5).toInstant()))
			.list();
	}

}
