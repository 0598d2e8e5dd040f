package dev.hearth.console;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Agents' internal notes on a conversation. They live in their own table, never in the
 * transcript, so nothing that serves the customer can show them. Thread-safe.
 */
@Component
class ConversationNotes {

	private final JdbcClient jdbc;

	ConversationNotes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Note(long id, String author, String text, Instant createdAt) {
	}

	void add(UUID conversation, String author, String text) {
		this.jdbc.sql("insert into conversation_note (conversation_id, author, text) values (?, ?, ?)")
			.param(conversation)
			.param(author)
			.param(text)
			.update();
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
