package dev.hearth.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.hearth.crypto.FieldCipher;
import dev.hearth.crypto.SearchTokens;

/**
 * Search over what was said in past conversations, newest activity first, with the first
 * matching message as a snippet. Messages are sealed at rest, so the search looks up
 * keyed-hash tokens of the query's normalised words ({@link SearchTokens}; regulated data
 * such as card numbers and emails is never indexed, so it is never found) under every key
 * this replica holds; messages still in plaintext from before encryption are found by
 * PostgreSQL text search. Agents find the conversations they handled; supervisors and
 * admins find all. Thread-safe.
 */
@Component
public class ConversationSearch {

	/** The most hits {@link #search} returns. */
	public static final int LIMIT = 50;

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final SearchTokens tokens;

	private final MessageSeal seal;

	ConversationSearch(JdbcClient jdbc, FieldCipher cipher, SearchTokens tokens, MessageSeal seal) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.tokens = tokens;
		this.seal = seal;
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
		Set<String> normalised = SearchTokens.normalisedWords(words);
		if (normalised.isEmpty()) {
			return List.of();
		}
		List<Integer> index = new ArrayList<>();
		List<String> keys = new ArrayList<>();
		List<Long> hashes = new ArrayList<>();
		int i = 0;
		for (String word : normalised) {
			for (String key : this.cipher.keyIds()) {
				index.add(i);
				keys.add(key);
				hashes.add(this.tokens.token(key, word));
			}
			i++;
		}
		String scope = (agent != null) ? "and c.assigned_agent = :agent" : "";
		var sql = this.jdbc.sql("""
				with q as (select * from unnest(cast(:index as int[]), cast(:keys as text[]), cast(:tokens as bigint[]))
				           as q(word, key_id, token)),
				     hits as (select t.conversation_id, t.seq from conversation_message_token t
				              join q on q.key_id = t.key_id and q.token = t.token
				              group by t.conversation_id, t.seq having count(distinct q.word) = :words
				              union all
				              select m.conversation_id, m.seq from conversation_message m
				              where m.enc_key is null
				                and to_tsvector('simple', m.text) @@ plainto_tsquery('simple', :plain)),
				     first as (select conversation_id, min(seq) as seq from hits group by conversation_id)
				select c.id, c.state, c.last_activity, c.assigned_agent, m.conversation_id, m.seq, m.enc_key, m.text
				from first f
				join conversation c on c.id = f.conversation_id
				join conversation_message m on m.conversation_id = f.conversation_id and m.seq = f.seq
				where true %s
				order by c.last_activity desc
				limit %d
				""".formatted(scope, LIMIT))
			.param("index", index.stream().mapToInt(Integer::intValue).toArray())
			.param("keys", keys.toArray(String[]::new))
			.param("tokens", hashes.stream().mapToLong(Long::longValue).toArray())
			.param("words", normalised.size())
			.param("plain", String.join(" ", normalised));
		if (agent != null) {
			sql = sql.param("agent", agent);
		}
		return sql
			.query((rs, row) -> new Hit(rs.getObject(1, UUID.class), ConversationState.valueOf(rs.getString(2)),
					rs.getTimestamp(3).toInstant(), rs.getString(4),
					Snippets.highlight(mask.apply(this.seal.open(rs, "text")), normalised)))
			.list();
	}

}
