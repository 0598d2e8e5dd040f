package dev.hearth.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import dev.hearth.assistant.Answer;
import dev.hearth.assistant.Query;
import dev.hearth.escalation.ClarifyOption;
import dev.hearth.knowledge.Vectors;

/**
 * Conversations and their messages in PostgreSQL. A message gets the next sequence number
 * of its conversation under a row lock, so concurrent writers never collide. Texts,
 * queries and embeddings are sealed at rest ({@link MessageSeal}); rows from before
 * encryption are read as they are. Thread-safe.
 */
@Service
public class Conversations {

	/** The columns {@link #message} reads. */
	private static final String MESSAGE_COLUMNS = "conversation_id, seq, enc_key, role, text, reply_to, answer::text as answer, created_at, author";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final MessageSeal seal;

	Conversations(JdbcClient jdbc, JsonMapper json, MessageSeal seal) {
		this.jdbc = jdbc;
		this.json = json;
		this.seal = seal;
	}

	@Transactional
	public UUID start(String language) {
		return start(language, null);
	}

	/** Starts a conversation on the widget of a site (its site key), in a language. */
	@Transactional
	public UUID start(String language, String siteKey) {
		return start(language, siteKey, null);
	}

	/**
	 * Starts a conversation on the widget of a site, in a language, with the customer's
	 * country ({@code null} when unknown).
	 * @param country ISO 3166-1 alpha-2, upper case
	 */
	@Transactional
	public UUID start(String language, String siteKey, String country) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("insert into conversation (id, language, site_key, country) values (?, ?, ?, ?)")
			.param(id)
			.param(language)
			.param(siteKey)
			.param(country)
			.update();
		return id;
	}

	public boolean exists(UUID id) {
		return this.jdbc.sql("select count(*) from conversation where id = ?").param(id).query(Long.class).single() > 0;
	}

	/**
	 * Stores a customer message sent with the widget's own id for it, once: a retry with
	 * the same {@code clientId} (after a lost response) gets the stored message back.
	 * @param clientId the widget's id of this message, or {@code null}
	 */
	@Transactional
	Accepted acceptCustomerMessage(UUID conversation, String text, String clientId) {
		// the conversation's row lock is also its one read on the POST: its head, the
		// message's number and, for a retry, the message stored before
		Numbered numbered = number(conversation, clientId);
		if (numbered.repeated() != null) {
			return repeated(conversation, numbered);
		}
		// a retry that was stored while this one waited for the lock conflicts on the
		// widget's id: it is read back like any other retry
		return insert(conversation, numbered.seq(), MessageRole.CUSTOMER, text, null, null, null, clientId,
				Kept.NOTHING)
			.map((message) -> new Accepted(message, false, numbered.head()))
			.orElseGet(() -> {
				Numbered again = number(conversation, clientId);
				if (again.repeated() == null) {
					throw new IllegalStateException("Message " + clientId + " of conversation " + conversation
							+ " conflicted with a stored message that cannot be read back");
				}
				return repeated(conversation, again);
			});
	}

	/** A retry: the stored message, the number taken for it given back (rolled back). */
	private Accepted repeated(UUID conversation, Numbered numbered) {
		TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
		Message stored = this.jdbc.sql("""
				select %s from conversation_message where conversation_id = ? and seq = ?
				""".formatted(MESSAGE_COLUMNS))
			.param(conversation)
			.param(numbered.repeated())
			.query(this::message)
			.single();
		return new Accepted(stored, true, numbered.head());
	}

	/**
	 * A customer message as stored.
	 *
	 * @param message the message
	 * @param repeated whether it had been stored before (a retry)
	 * @param head the conversation as it was when the message was stored
	 */
	record Accepted(Message message, boolean repeated, Head head) {
	}

	/**
	 * The reply stored for a customer message (an answer or a handoff notice), if any.
	 */
	Optional<Message> replyTo(UUID conversation, int seq) {
		return this.jdbc.sql("""
				select %s from conversation_message
				where conversation_id = ? and reply_to = ? and role in ('ASSISTANT', 'SYSTEM') order by seq limit 1
				""".formatted(MESSAGE_COLUMNS)).param(conversation).param(seq).query(this::message).optional();
	}

	@Transactional
	public Message addCustomerMessage(UUID conversation, String text) {
		return add(conversation, MessageRole.CUSTOMER, text, null, null, null);
	}

	/**
	 * The bot's answer to the customer message {@code replyTo}; this and the other
	 * replies below also mark the conversation active ({@code last_activity}) with the
	 * statement that locks it.
	 */
	@Transactional
	Message addAnswer(UUID conversation, int replyTo, Kept kept, Answer answer) {
		return reply(conversation, MessageRole.ASSISTANT, answer.text(), replyTo, kept, StoredAnswer.of(answer, null));
	}

	/** An answer that hands the conversation over, with how ({@code handoff}). */
	@Transactional
	Message addAnswer(UUID conversation, int replyTo, Kept kept, Answer answer, HandoffDetails handoff) {
		return reply(conversation, MessageRole.ASSISTANT, answer.text(), replyTo, kept,
				StoredAnswer.of(answer, handoff));
	}

	/**
	 * An answer that did not resolve the turn but keeps the bot: a decline, or a
	 * clarifying question with its {@code options}.
	 */
	@Transactional
	Message addAnswer(UUID conversation, int replyTo, Kept kept, Answer answer, List<ClarifyOption> options,
			String verdict) {
		return reply(conversation, MessageRole.ASSISTANT, answer.text(), replyTo, kept,
				StoredAnswer.of(answer, null, options, verdict));
	}

	/** A notice that the conversation was handed over, with how ({@code handoff}). */
	@Transactional
	Message addHandoffNotice(UUID conversation, int replyTo, Kept kept, String text, HandoffDetails handoff) {
		return reply(conversation, MessageRole.SYSTEM, text, replyTo, kept,
				new StoredNotice(StoredAnswer.SCHEMA_VERSION, handoff));
	}

	/**
	 * What a turn keeps on the customer's message it replies to, stored with the reply's
	 * statement: the message's self-contained query with its embedding, and the language
	 * it is written in (either may be {@code null}).
	 */
	record Kept(Query query, String language) {

		/** Nothing to keep (a reply that is not to a turn of the pipeline). */
		static final Kept NOTHING = new Kept(null, null);

	}

	/** An agent's message, with the agent's display name as its author. */
	@Transactional
	public Message addAgentMessage(UUID conversation, String text, String author) {
		return add(conversation, MessageRole.AGENT, text, null, null, author);
	}

	@Transactional
	public Message addSystemMessage(UUID conversation, String text) {
		return add(conversation, MessageRole.SYSTEM, text, null, null, null);
	}

	/** How the agent signed the conversation's last agent message, if any. */
	public java.util.Optional<String> lastAgentAuthor(UUID conversation) {
		return this.jdbc.sql("""
				select author from conversation_message
				where conversation_id = ? and role = 'AGENT' and author is not null order by seq desc limit 1
				""").param(conversation).query(String.class).optional();
	}

	/** The text of the conversation's last agent message, if any. */
	public java.util.Optional<String> lastAgentMessage(UUID conversation) {
		return this.jdbc.sql("""
				select conversation_id, seq, enc_key, text from conversation_message
				where conversation_id = ? and role = 'AGENT' order by seq desc limit 1
				""").param(conversation).query((rs, row) -> this.seal.open(rs, "text")).optional();
	}

	/**
	 * Keeps a customer message's self-contained query, its embedding and the language it
	 * is written in (may be {@code null}), sealed with the key the message's row names
	 * (or none, for a message stored before encryption). A turn's reply keeps them in its
	 * own statement ({@link Kept}); this is the way for a row sealed with another key
	 * than the active one.
	 */
	@Transactional
	void keepQuery(UUID conversation, int seq, Query query, String language) {
		// the row lock keeps the key rotation from re-sealing the row between this read
		// and the update
		List<String> keys = this.jdbc
			.sql("select enc_key from conversation_message where conversation_id = ? and seq = ? for update")
			.param(conversation)
			.param(seq)
			.query((rs, row) -> rs.getString(1))
			.list();
		String key = keys.isEmpty() ? null : keys.get(0);
		byte[] vector = Vectors.encode(query.vector());
		this.jdbc.sql(
				"update conversation_message set query = ?, embedding = ?, language = ? where conversation_id = ? and seq = ?")
			.param((key != null) ? this.seal.seal(key, "query", conversation, seq, query.text()) : query.text())
			.param((key != null) ? this.seal.sealBytes(key, "embedding", conversation, seq, vector) : vector)
			.param(language)
			.param(conversation)
			.param(seq)
			.update();
	}

	/**
	 * The language of the customer's latest message before {@code beforeSeq} that has one
	 * (kept on its turn).
	 */
	Optional<String> lastLanguage(UUID conversation, int beforeSeq) {
		return this.jdbc.sql("""
				select language from conversation_message
				 where conversation_id = ? and seq < ? and role = 'CUSTOMER' and language is not null
				 order by seq desc limit 1
				""").param(conversation).param(beforeSeq).query(String.class).optional();
	}

	/** The conversation's state, language and the customer's country, in one read. */
	Head head(UUID conversation) {
		return this.jdbc.sql("select state, language, country from conversation where id = ?")
			.param(conversation)
			.query(Conversations::head)
			.optional()
			.orElseThrow(() -> new ConversationNotFoundException(conversation));
	}

	private static Head head(ResultSet rs, int row) throws SQLException {
		return new Head(ConversationState.valueOf(rs.getString("state")), rs.getString("language"),
				rs.getString("country"));
	}

	/**
	 * @param state where the conversation is
	 * @param language its language, or {@code null}
	 * @param country the customer's country (ISO 3166-1 alpha-2), or {@code null}
	 */
	record Head(ConversationState state, String language, String country) {
	}

	public List<Message> transcript(UUID conversation) {
		if (!exists(conversation)) {
			throw new ConversationNotFoundException(conversation);
		}
		return this.jdbc.sql("""
				select %s from conversation_message
				where conversation_id = ? order by seq
				""".formatted(MESSAGE_COLUMNS)).param(conversation).query(this::message).list();
	}

	/** The messages after {@code afterSeq}, oldest first (the widget's live stream). */
	public List<Message> messagesAfter(UUID conversation, int afterSeq) {
		return this.jdbc.sql("""
				select %s from conversation_message
				where conversation_id = ? and seq > ? order by seq
				""".formatted(MESSAGE_COLUMNS)).param(conversation).param(afterSeq).query(this::message).list();
	}

	/**
	 * Locks the conversation's row for a new message and takes the message's number, in
	 * one statement; also marks the conversation active when {@code activity}.
	 * <p>
	 * The number is {@code greatest(last_seq, max(seq)) + 1}. The update re-reads
	 * {@code last_seq} from the row it locked, so numbers taken by concurrent
	 * transactions are counted even when this one waited for the lock; {@code max(seq)}
	 * (read with the statement's snapshot) counts messages written without the column
	 * (V37).
	 * @param clientId the widget's id of a customer message, or {@code null}: a message
	 * stored before with it is returned as {@link Numbered#repeated()}
	 */
	private Numbered number(UUID conversation, String clientId, boolean activity) {
		return this.jdbc.sql("""
				update conversation set
				  last_seq = greatest(last_seq,
				    (select coalesce(max(seq), 0) from conversation_message where conversation_id = :id)) + 1,
				  last_activity = case when :activity then now() else last_activity end
				where id = :id
				returning state, language, country, last_seq,
				  (select seq from conversation_message
				    where conversation_id = :id and client_id = :clientId and role = 'CUSTOMER') as repeated
				""")
			.param("id", conversation)
			.param("activity", activity)
			.param("clientId", clientId)
			.query((rs, row) -> new Numbered(head(rs, row), rs.getInt("last_seq"),
					rs.getObject("repeated", Integer.class)))
			.optional()
			.orElseThrow(() -> new ConversationNotFoundException(conversation));
	}

	private Numbered number(UUID conversation, String clientId) {
		return number(conversation, clientId, false);
	}

	/**
	 * A conversation locked for a new message.
	 *
	 * @param head the conversation as it is now
	 * @param seq the new message's number
	 * @param repeated the number of the customer message stored before with the same
	 * widget id, or {@code null}
	 */
	private record Numbered(Head head, int seq, Integer repeated) {
	}

	/** Adds a message; {@code answer} is a stored record ({@link StoredAnswer} ...). */
	private Message add(UUID conversation, MessageRole role, String text, Integer replyTo, Record answer,
			String author) {
		return insert(conversation, number(conversation, null).seq(), role, text, replyTo, answer, author, null,
				Kept.NOTHING)
			.orElseThrow();
	}

	/**
	 * Adds a reply to a customer message and marks the conversation active, with the
	 * statement that locks it; what the turn keeps on the customer's message is written
	 * with the reply's statement.
	 */
	private Message reply(UUID conversation, MessageRole role, String text, int replyTo, Kept kept, Record answer) {
		return insert(conversation, number(conversation, null, true).seq(), role, text, replyTo, answer, null, null,
				kept)
			.orElseThrow();
	}

	/**
	 * Inserts message {@code seq} into the conversation locked by this transaction, with
	 * what is {@code kept} on the message it replies to; empty when a customer message
	 * with the same widget id ({@code clientId}) is stored already.
	 */
	private Optional<Message> insert(UUID conversation, int seq, MessageRole role, String text, Integer replyTo,
			Record answer, String author, String clientId, Kept kept) {
		String key = this.seal.activeKey();
		Query query = kept.query();
		// the message, its search tokens and what the turn keeps on the question in one
		// statement: one round trip for what took three
		Optional<Stored> stored = this.jdbc
			.sql("""
					with message as (
					  insert into conversation_message (conversation_id, seq, enc_key, role, text, reply_to, answer, author, client_id)
					  values (:conversation, :seq, :key, :role, :text, :replyTo, cast(:answer as jsonb), :author, :clientId)
					  on conflict (conversation_id, client_id) where client_id is not null do nothing
					  returning %s),
					tokens as (
					  insert into conversation_message_token (conversation_id, seq, key_id, token)
					  select message.conversation_id, message.seq, message.enc_key, t
					  from message, unnest(cast(:tokens as bigint[])) as t
					  on conflict do nothing),
					kept as (
					  -- a query is sealed with the active key: written only if the question's row names it
					  update conversation_message set query = coalesce(cast(:query as text), query),
					    embedding = coalesce(cast(:embedding as bytea), embedding), language = :language
					  where :keep and conversation_id = :conversation and seq = :replyTo
					    and (cast(:query as text) is null or enc_key = :key)
					  returning seq)
					select message.*, (select count(*) from kept) as kept from message
					"""
				.formatted(MESSAGE_COLUMNS))
			.param("conversation", conversation)
			.param("seq", seq)
			.param("key", key)
			.param("role", role.name())
			.param("text", this.seal.seal(key, "text", conversation, seq, text))
			.param("replyTo", replyTo)
			.param("answer", (answer != null) ? this.json.writeValueAsString(answer) : null)
			.param("author", author)
			.param("clientId", clientId)
			.param("tokens", this.seal.tokens(key, text))
			.param("keep", replyTo != null && (query != null || kept.language() != null))
			.param("query", (query != null) ? this.seal.seal(key, "query", conversation, replyTo, query.text()) : null)
			.param("embedding",
					(query != null) ? this.seal.sealBytes(key, "embedding", conversation, replyTo,
							Vectors.encode(query.vector())) : null)
			.param("language", kept.language())
			.query((rs, row) -> new Stored(message(rs, row), rs.getInt("kept") > 0))
			.optional();
		if (query != null && stored.isPresent() && !stored.get().kept()) {
			// the question names another key than the active one, or none
			keepQuery(conversation, replyTo, query, kept.language());
		}
		return stored.map(Stored::message);
	}

	/** A message as inserted, and whether what its turn keeps was written with it. */
	private record Stored(Message message, boolean kept) {
	}

	private Message message(ResultSet rs, int row) throws SQLException {
		String answer = rs.getString("answer");
		Integer replyTo = rs.getObject("reply_to", Integer.class);
		return new Message(rs.getInt("seq"), MessageRole.valueOf(rs.getString("role")), this.seal.open(rs, "text"),
				replyTo, (answer != null) ? this.json.readValue(answer, MessageAnswer.class) : null,
				rs.getTimestamp("created_at").toInstant(), rs.getString("author"));
	}

	void touch(UUID conversation) {
		this.jdbc.sql("update conversation set last_activity = now() where id = ?").param(conversation).update();
	}

}
