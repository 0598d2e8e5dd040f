package dev.hearth.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Full-text search over what was said in past conversations (PostgreSQL text search with
 * the language-neutral {@code simple} configuration, backed by a GIN index), newest
 * activity first, with the first matching message as a snippet. Agents find the
 * conversations they handled; supervisors and admins find all. Thread-safe.
 */
@Component
public class ConversationSearch {

	/** The most hits {@link #search} returns. */
	public static final int LIMIT = 50;

	private final JdbcClient jdbc;

	ConversationSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A conversation that matched.
	 *
	 * @param id the conversation
	 * @param state its state now
	 * @param lastActivity when something last happened in it
	 * @param agent who has or had it, or {@code null}
	 * @param snippet the first matching message with the matches between « and »
	 */
	public record Hit(UUID id, ConversationState state, Instant lastActivity, String agent, String snippet) {
	}

	/**
	 * At most {@link #LIMIT} conversations.
	 * @param words what to look for (all words must occur in one message)
	 * @param agent only conversations this agent handled, or {@code null} for all
	 * @param mask masks what the viewer may not see, applied to the whole matching
	 * message before its snippet is cut
	 */
	public List<Hit> search(String words, String agent, java.util.function.UnaryOperator<String> mask) {
		String scope = (agent != null) ? "and c.assigned_agent = :agent" : "";
		var sql = this.jdbc.sql("""
				with q as (select plainto_tsquery('simple', :words) as query)
				select c.id, c.state, c.last_activity, c.assigned_agent,
				       (select m.text
				        from conversation_message m
				        where m.conversation_id = c.id and to_tsvector('simple', m.text) @@ q.query
				        order by m.seq limit 1) as snippet
				from conversation c, q
				where c.id in (select m.conversation_id from conversation_message m
				               where to_tsvector('simple', m.text) @@ q.query)
				  %s
				order by c.last_activity desc
				limit %d
				""".formatted(scope, LIMIT)).param("words", words);
		if (agent != null) {
			sql = sql.param("agent", agent);
		}
		return sql
			.query((rs, row) -> new Hit(rs.getObject(1, UUID.class), ConversationState.valueOf(rs.getString(2)),
					rs.getTimestamp(3).toInstant(), rs.getString(4), Snippets.of(rs.getString(5), words, mask)))
			.list();
	}

}
