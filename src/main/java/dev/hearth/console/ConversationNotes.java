package dev.hearth.console;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.stereotype.Component;

import dev.hearth.privacy.AuditTrail;

/**
 * Agents' internal notes on a conversation. They live in their own table, never in the
 * transcript, so nothing that serves the customer can show them. Thread-safe.
 */
@Component
class ConversationNotes {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	ConversationNotes(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	record Note(long id, String author, String text, Instant createdAt) {
	}

	/**
	 * Adds a note in one transaction with its audit event (which records that, not what).
	 */
	@Transactional
	void add(UUID conversation, String author, String text) {
		long id = this.jdbc
			.sql("insert into conversation_note (conversation_id, author, text) values (?, ?, ?) returning id")
			.param(conversation)
			.param(author)
			.param(text)
			.query(Long.class)
			.single();
		this.audit.record("NOTE", author, conversation.toString(), Map.of("note", id));
	}

	List<Note> of(UUID conversation) {
		return this.jdbc
			.sql("select id, author, text, created_at from conversation_note where conversation_id = ? order by id")
			.param(conversation)
			.query((rs, row) -> new Note(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

}
