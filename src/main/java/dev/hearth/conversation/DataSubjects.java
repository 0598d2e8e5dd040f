package dev.hearth.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.hearth.crypto.FieldCipher;
import dev.hearth.crypto.SealedColumns;
import dev.hearth.crypto.SearchTokens;
import dev.hearth.escalation.TrainingExamples;
import dev.hearth.privacy.AuditTrail;
import dev.hearth.privacy.PiiClass;

/**
 * Data subject requests: everything Hearth holds about one customer, found by a
 * conversation token (expired ones too), an email address, a customer number or a
 * conversation id, exported opened as one JSON document, or erased in one transaction.
 * The customer's conversations are found directly (token, id), through their tickets'
 * email tokens and through the identifier tokens of their messages (an email address or
 * customer number they wrote; {@link SearchTokens#IDENTIFIERS}); rows from before
 * encryption are matched in clear. Erasure removes the conversations with their messages,
 * search tokens, tickets, ratings, notes and escalation decisions, and the training
 * examples derived from them; it is audited with counts and a request id only, never the
 * erased data or the identifier asked for. Thread-safe.
 */
@Service
public class DataSubjects {

	/** What an export says it is (its format's name and version). */
	public static final String FORMAT = "hearth-data-subject-export/1";

	/** How a request names the customer. */
	public enum By {

		/** a conversation token the widget issued to the customer (expired or not) */
		TOKEN,
		/** an email address (tickets, and messages that mention it) */
		EMAIL,
		/** the company's customer number, as the customer wrote it in messages */
		CUSTOMER_ID,
		/** a conversation id */
		CONVERSATION

	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ConversationTokens tokens;

	private final FieldCipher cipher;

	private final SearchTokens searchTokens;

	private final TicketSeal tickets;

	private final MessageSeal messages;

	private final TrainingExamples examples;

	private final AuditTrail audit;

	private final SummarySeal summaries;

	DataSubjects(JdbcClient jdbc, JsonMapper json, ConversationTokens tokens, FieldCipher cipher,
			SearchTokens searchTokens, TicketSeal tickets, MessageSeal messages, TrainingExamples examples,
			AuditTrail audit, SummarySeal summaries) {
		this.summaries = summaries;
		this.jdbc = jdbc;
		this.json = json;
		this.tokens = tokens;
		this.cipher = cipher;
		this.searchTokens = searchTokens;
		this.tickets = tickets;
		this.messages = messages;
		this.examples = examples;
		this.audit = audit;
	}

	/**
	 * The conversations of a customer, oldest first.
	 * @throws IllegalArgumentException if the value is malformed
	 * @throws DataSubjectNotFoundException if Hearth holds nothing about the customer
	 */
	public List<UUID> conversations(By by, String value) {
		String v = (value != null) ? value.strip() : "";
		if (v.isEmpty()) {
			throw new IllegalArgumentException("Name the customer: a conversation token, an email address, a customer "
					+ "id or a conversation id");
		}
		Set<UUID> found = new LinkedHashSet<>();
		switch (by) {
			case TOKEN -> found.add(this.tokens.issuedFor(v)
				.orElseThrow(() -> new IllegalArgumentException(
						"That is not a conversation token Hearth issued (its signature does not match)")));
			case CONVERSATION -> found.add(uuid(v));
			case EMAIL -> {
				if (!v.matches("[^\\s@]+@[^\\s@]+\\.[^\\s@]+")) {
					throw new IllegalArgumentException("'" + v + "' is not an email address");
				}
				found.addAll(this.jdbc.sql("""
						select conversation_id from support_ticket
						where email_token = any(:tokens) or (enc_key is null and lower(email) = :email)
						""")
					.param("tokens", this.tickets.emailTokens(v))
					.param("email", TicketSeal.normalised(v))
					.query(UUID.class)
					.list());
				found.addAll(mentioning(PiiClass.EMAIL, v));
			}
			case CUSTOMER_ID -> found.addAll(mentioning(PiiClass.CUSTOMER_NUMBER, v));
		}
		List<UUID> existing = this.jdbc.sql("select id from conversation where id = any(?) order by created_at, id")
			.param(found.toArray(UUID[]::new))
			.query(UUID.class)
			.list();
		if (existing.isEmpty()) {
			throw new DataSubjectNotFoundException("Hearth holds nothing about that customer: no conversation, ticket "
					+ "or message matches the " + by.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " given.");
		}
		return existing;
	}

	private static UUID uuid(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"'" + value + "' is not a conversation id (a UUID such as 3f2c7a1e-0b5d-4c1e-9f4a-2d6b8e0c1a77)");
		}
	}

	/**
	 * Conversations whose messages mention an identifier (sealed: by token; plaintext: in
	 * clear).
	 */
	private List<UUID> mentioning(PiiClass kind, String value) {
		String identifier = SearchTokens.identifier(kind, value);
		List<String> keys = new ArrayList<>(this.cipher.keyIds());
		long[] hashes = keys.stream().mapToLong((key) -> this.searchTokens.token(key, identifier)).toArray();
		List<UUID> found = new ArrayList<>(this.jdbc.sql("""
				select distinct conversation_id from conversation_message_token
				where (key_id, token) in (select * from unnest(cast(? as text[]), cast(? as bigint[])))
				""").param(keys.toArray(String[]::new)).param(hashes).query(UUID.class).list());
		found.addAll(this.jdbc.sql("""
				select distinct conversation_id from conversation_message
				where enc_key is null and strpos(lower(text), ?) > 0
				""").param(value.strip().toLowerCase(Locale.ROOT)).query(UUID.class).list());
		return found;
	}

	/**
	 * Everything Hearth holds about a customer, opened, as one JSON-ready document; the
	 * export is audited (counts only).
	 */
	@Transactional
	public Map<String, Object> export(By by, String value, String actor) {
		List<UUID> ids = conversations(by, value);
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("format", FORMAT);
		out.put("exportedAt", Instant.now().toString());
		out.put("lookedUpBy", by.name());
		List<Map<String, Object>> conversations = new ArrayList<>();
		int messageCount = 0;
		for (UUID id : ids) {
			Map<String, Object> conversation = row("select to_jsonb(c) as j from conversation c where id = ?", id)
				.get(0);
			String sealedWith = (String) conversation.remove("enc_key");
			opened(conversation, "csat_enc_key", "conversation", "csat_comment", "id");
			for (String column : List.of("summary", "draft")) {
				if (sealedWith != null && conversation.get(column) instanceof String sealed) {
					conversation.put(column,
							this.json.readValue(this.summaries.open(sealedWith, column, id, sealed), Map.class));
				}
			}
			List<Map<String, Object>> texts = this.jdbc.sql("""
					select conversation_id, seq, enc_key, role, text, query, author, reply_to, answer::text as answer,
					       created_at
					from conversation_message where conversation_id = ? order by seq
					""").param(id).query((rs, row) -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("seq", rs.getInt("seq"));
				m.put("role", rs.getString("role"));
				m.put("author", rs.getString("author"));
				m.put("text", this.messages.open(rs, "text"));
				m.put("query", this.messages.open(rs, "query"));
				m.put("replyTo", rs.getObject("reply_to"));
				String answer = rs.getString("answer");
				m.put("answer", (answer != null) ? this.json.readValue(answer, Map.class) : null);
				m.put("createdAt", rs.getTimestamp("created_at").toInstant().toString());
				return m;
			}).list();
			messageCount += texts.size();
			conversation.put("messages", texts);
			conversation.put("tickets", this.jdbc.sql("""
					select id, reference, enc_key, email, name, status, created_at from support_ticket
					where conversation_id = ? order by id
					""").param(id).query((rs, row) -> {
				long ticket = rs.getLong("id");
				String key = rs.getString("enc_key");
				Map<String, Object> t = new LinkedHashMap<>();
				t.put("reference", rs.getString("reference"));
				t.put("email", this.tickets.open(key, "email", ticket, rs.getString("email")));
				t.put("name", this.tickets.open(key, "name", ticket, rs.getString("name")));
				t.put("status", rs.getString("status"));
				t.put("createdAt", rs.getTimestamp("created_at").toInstant().toString());
				return t;
			}).list());
			List<Map<String, Object>> ratings = row(
					"select to_jsonb(f) as j from answer_feedback f where conversation_id = ? order by created_at", id);
			ratings.forEach((r) -> {
				r.put("row", r.get("conversation_id") + "/" + r.get("message_seq"));
				opened(r, "enc_key", "answer_feedback", "comment", "row");
				r.remove("row");
			});
			conversation.put("ratings", ratings);
			List<Map<String, Object>> notes = row(
					"select to_jsonb(n) as j from conversation_note n where conversation_id = ? order by id", id);
			notes.forEach((n) -> opened(n, "enc_key", "conversation_note", "text", "id"));
			conversation.put("notes", notes);
			List<Map<String, Object>> decisions = row(
					"""
							select to_jsonb(d) - 'embedding' as j from escalation_decision d where conversation_id = ? order by id
							""",
					id);
			decisions.forEach((d) -> opened(d, "enc_key", "escalation_decision", "question", "id"));
			conversation.put("escalationDecisions", decisions);
			conversations.add(conversation);
		}
		out.put("conversations", conversations);
		List<TrainingExamples.Example> derived = this.examples.fromConversations(ids);
		out.put("trainingExamples", derived);
		this.audit.record("DATA_SUBJECT_EXPORTED", actor, "data-subject-request:" + UUID.randomUUID(),
				Map.of("lookedUpBy", by.name(), "conversations", ids.size(), "messages", messageCount,
						"trainingExamples", derived.size()));
		return out;
	}

	/**
	 * Replaces a sealed column of an exported row by its opened value and drops the key
	 * column (the contexts are those of each owner's {@link SealedColumns}).
	 */
	private void opened(Map<String, Object> row, String keyColumn, String table, String column, String idField) {
		String key = (String) row.remove(keyColumn);
		if (row.get(column) instanceof String stored) {
			row.put(column, this.cipher.open(key, stored, SealedColumns.context(table, column, row.get(idField))));
		}
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> row(String sql, UUID id) {
		return this.jdbc.sql(sql)
			.param(id)
			.query((rs,
					n) -> (Map<String, Object>) new LinkedHashMap<String, Object>(
							this.json.readValue(rs.getString("j"), Map.class)))
			.list();
	}

	/**
	 * What an erasure removed (counts only).
	 *
	 * @param request the id the audit trail records it under
	 * @param conversations conversations erased
	 * @param messages their messages
	 * @param tickets their tickets (contact details)
	 * @param trainingExamples training examples derived from them
	 */
	public record Erasure(String request, int conversations, int messages, int tickets, int trainingExamples) {
	}

	/**
	 * Erases everything Hearth holds about a customer, in one transaction, and audits it
	 * with counts only.
	 */
	@Transactional
	public Erasure erase(By by, String value, String actor) {
		List<UUID> ids = conversations(by, value);
		UUID[] array = ids.toArray(UUID[]::new);
		int messages = this.jdbc.sql("select count(*) from conversation_message where conversation_id = any(?)")
			.param(array)
			.query(Integer.class)
			.single();
		int tickets = this.jdbc.sql("select count(*) from support_ticket where conversation_id = any(?)")
			.param(array)
			.query(Integer.class)
			.single();
		int examples = this.examples.eraseFromConversations(ids);
		// messages, their search tokens, tickets, ratings, notes and escalation decisions
		// go by cascade
		int conversations = this.jdbc.sql("delete from conversation where id = any(?)").param(array).update();
		Erasure erasure = new Erasure("data-subject-request:" + UUID.randomUUID(), conversations, messages, tickets,
				examples);
		this.audit.record("DATA_SUBJECT_ERASED", actor, erasure.request(),
				Map.of("lookedUpBy", by.name(), "conversations", conversations, "messages", messages, "tickets",
						tickets, "trainingExamples", examples));
		return erasure;
	}

}
