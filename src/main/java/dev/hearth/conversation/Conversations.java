package dev.hearth.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.hearth.assistant.Answer;
import dev.hearth.assistant.CustomerTurn;
import dev.hearth.assistant.Query;
import dev.hearth.assistant.Turn;
import dev.hearth.escalation.ClarifyOption;
import dev.hearth.knowledge.Vectors;

/**
 * Conversations and their messages in PostgreSQL. A message gets the next sequence number
 * of its conversation under a row lock, so concurrent writers never collide. Thread-safe.
 */
@Service
public class Conversations {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Conversations(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Transactional
	public UUID start(String language) {
		return start(language, null);
	}

	/** Starts a conversation on the widget of a site (its site key), in a language. */
	@Transactional
	public UUID start(String language, String siteKey) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("insert into conversation (id, language, site_key) values (?, ?, ?)")
			.param(id)
			.param(language)
			.param(siteKey)
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
		if (clientId == null) {
			return new Accepted(addCustomerMessage(conversation, text), false);
		}
		lock(conversation);
		Optional<Message> stored = this.jdbc.sql("""
				select seq, role, text, reply_to, answer::text as answer, created_at, author from conversation_message
				where conversation_id = ? and client_id = ? and role = 'CUSTOMER'
				""").param(conversation).param(clientId).query(this::message).optional();
		if (stored.isPresent()) {
			return new Accepted(stored.get(), true);
		}
		Message added = add(conversation, MessageRole.CUSTOMER, text, null, null, null);
		this.jdbc.sql("update conversation_message set client_id = ? where conversation_id = ? and seq = ?")
			.param(clientId)
			.param(conversation)
			.param(added.seq())
			.update();
		return new Accepted(added, false);
	}

	/**
	 * A customer message as stored.
	 *
	 * @param message the message
	 * @param repeated whether it had been stored before (a retry)
	 */
	record Accepted(Message message, boolean repeated) {
	}

	/**
	 * The reply stored for a customer message (an answer or a handoff notice), if any.
	 */
	Optional<Message> replyTo(UUID conversation, int seq) {
		return this.jdbc.sql("""
				select seq, role, text, reply_to, answer::text as answer, created_at, author from conversation_message
				where conversation_id = ? and reply_to = ? and role in ('ASSISTANT', 'SYSTEM') order by seq limit 1
				""").param(conversation).param(seq).query(this::message).optional();
	}

	@Transactional
	public Message addCustomerMessage(UUID conversation, String text) {
		return add(conversation, MessageRole.CUSTOMER, text, null, null, null);
	}

	@Transactional
	Message addAnswer(UUID conversation, int replyTo, Answer answer) {
		return add(conversation, MessageRole.ASSISTANT, answer.text(), replyTo, StoredAnswer.of(answer, null), null);
	}

	/** An answer that hands the conversation over, with how ({@code handoff}). */
	@Transactional
	Message addAnswer(UUID conversation, int replyTo, Answer answer, HandoffDetails handoff) {
		return add(conversation, MessageRole.ASSISTANT, answer.text(), replyTo, StoredAnswer.of(answer, handoff), null);
	}

	/**
	 * An answer that did not resolve the turn but keeps the bot: a decline, or a
	 * clarifying question with its {@code options}.
	 */
	@Transactional
	Message addAnswer(UUID conversation, int replyTo, Answer answer, List<ClarifyOption> options) {
		return add(conversation, MessageRole.ASSISTANT, answer.text(), replyTo, StoredAnswer.of(answer, null, options),
				null);
	}

	/** A notice that the conversation was handed over, with how ({@code handoff}). */
	@Transactional
	Message addHandoffNotice(UUID conversation, int replyTo, String text, HandoffDetails handoff) {
		return add(conversation, MessageRole.SYSTEM, text, replyTo,
				new StoredNotice(StoredAnswer.SCHEMA_VERSION, handoff), null);
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
		return this.jdbc.sql(
				"select text from conversation_message where conversation_id = ? and role = 'AGENT' order by seq desc limit 1")
			.param(conversation)
			.query(String.class)
			.optional();
	}

	/**
	 * The customer's messages before {@code beforeSeq} since a person last wrote, oldest
	 * first, at most {@code limit}, with the query embeddings stored on their turns; and
	 * how many there are in all.
	 */
	Earlier earlierQuestions(UUID conversation, int beforeSeq, int limit) {
		int[] total = { 0 };
		List<CustomerTurn.EarlierQuestion> questions = new ArrayList<>(this.jdbc.sql("""
				select text, query, embedding, count(*) over () as total from conversation_message
				where conversation_id = :c and seq < :before and role = 'CUSTOMER'
				  and seq > coalesce((select max(seq) from conversation_message
				                      where conversation_id = :c and role = 'AGENT'), 0)
				order by seq desc limit :limit
				""").param("c", conversation).param("before", beforeSeq).param("limit", limit).query((rs, row) -> {
			total[0] = rs.getInt("total");
			byte[] embedding = rs.getBytes("embedding");
			String text = rs.getString("text");
			String query = rs.getString("query");
			return new CustomerTurn.EarlierQuestion(text, (embedding != null) ? Vectors.decode(embedding) : null,
					query == null || query.equals(text.strip()));
		}).list());
		java.util.Collections.reverse(questions);
		return new Earlier(questions, total[0]);
	}

	/**
	 * How many of the customer's messages before {@code beforeSeq}, since a person last
	 * wrote, were left unresolved: handed over, declined or asked back (their reply's
	 * decision is {@code ESCALATE}, or the reply is a notice), or answered but rated
	 * unhelpful. Answered turns never count.
	 */
	int unresolvedTurns(UUID conversation, int beforeSeq) {
		return this.jdbc.sql("""
				select count(*) from conversation_message q
				where q.conversation_id = :c and q.seq < :before and q.role = 'CUSTOMER'
				  and q.seq > coalesce((select max(seq) from conversation_message
				                        where conversation_id = :c and role = 'AGENT'), 0)
				  and exists (select 1 from conversation_message r
				              where r.conversation_id = :c and r.reply_to = q.seq
				                and (r.role = 'SYSTEM' or r.answer->>'decision' = 'ESCALATE'
				                     or exists (select 1 from answer_feedback f
				                                where f.conversation_id = :c and f.message_seq = r.seq
				                                  and f.rating = -1)))
				""").param("c", conversation).param("before", beforeSeq).query(Integer.class).single();
	}

	/**
	 * Earlier customer messages.
	 *
	 * @param questions the latest of them, oldest first
	 * @param total how many there are in all
	 */
	record Earlier(List<CustomerTurn.EarlierQuestion> questions, int total) {
	}

	/** Keeps a customer message's self-contained query and its embedding. */
	@Transactional
	void keepQuery(UUID conversation, int seq, Query query) {
		this.jdbc.sql("update conversation_message set query = ?, embedding = ? where conversation_id = ? and seq = ?")
			.param(query.text())
			.param(Vectors.encode(query.vector()))
			.param(conversation)
			.param(seq)
			.update();
	}

	/** The conversation's state and language, in one read. */
	Head head(UUID conversation) {
		return this.jdbc.sql("select state, language from conversation where id = ?")
			.param(conversation)
			.query((rs, row) -> new Head(ConversationState.valueOf(rs.getString(1)), rs.getString(2)))
			.optional()
			.orElseThrow(() -> new ConversationNotFoundException(conversation));
	}

	/**
	 * @param state where the conversation is
	 * @param language its language, or {@code null}
	 */
	record Head(ConversationState state, String language) {
	}

	public List<Message> transcript(UUID conversation) {
		if (!exists(conversation)) {
			throw new ConversationNotFoundException(conversation);
		}
		return this.jdbc.sql("""
				select seq, role, text, reply_to, answer::text as answer, created_at, author from conversation_message
				where conversation_id = ? order by seq
				""").param(conversation).query(this::message).list();
	}

	/** The messages after {@code afterSeq}, oldest first (the widget's live stream). */
	public List<Message> messagesAfter(UUID conversation, int afterSeq) {
		return this.jdbc.sql("""
				select seq, role, text, reply_to, answer::text as answer, created_at, author from conversation_message
				where conversation_id = ? and seq > ? order by seq
				""").param(conversation).param(afterSeq).query(this::message).list();
	}

	/**
	 * The last messages before {@code beforeSeq}, oldest first, as the answer pipeline
	 * reads them.
	 */
	public List<Turn> history(UUID conversation, int beforeSeq, int turns) {
		List<Turn> history = new ArrayList<>(this.jdbc.sql("""
				select role, text from conversation_message
				where conversation_id = ? and seq < ? and role in ('CUSTOMER', 'ASSISTANT', 'AGENT') and text <> ''
				order by seq desc limit ?
				""")
			.param(conversation)
			.param(beforeSeq)
			.param(turns)
			.query((rs, row) -> new Turn("CUSTOMER".equals(rs.getString(1)), rs.getString(2)))
			.list());
		java.util.Collections.reverse(history);
		return history;
	}

	/** Adds a message; {@code answer} is a stored record ({@link StoredAnswer} ...). */
	private void lock(UUID conversation) {
		List<UUID> locked = this.jdbc.sql("select id from conversation where id = ? for update")
			.param(conversation)
			.query(UUID.class)
			.list();
		if (locked.isEmpty()) {
			throw new ConversationNotFoundException(conversation);
		}
	}

	private Message add(UUID conversation, MessageRole role, String text, Integer replyTo, Record answer,
			String author) {
		lock(conversation);
		return this.jdbc
			.sql("""
					insert into conversation_message (conversation_id, seq, role, text, reply_to, answer, author)
					values (:conversation,
					        (select coalesce(max(seq), 0) + 1 from conversation_message where conversation_id = :conversation),
					        :role, :text, :replyTo, cast(:answer as jsonb), :author)
					returning seq, role, text, reply_to, answer::text as answer, created_at, author
					""")
			.param("conversation", conversation)
			.param("role", role.name())
			.param("text", text)
			.param("replyTo", replyTo)
			.param("answer", (answer != null) ? this.json.writeValueAsString(answer) : null)
			.param("author", author)
			.query(this::message)
			.single();
	}

	private Message message(ResultSet rs, int row) throws SQLException {
		String answer = rs.getString("answer");
		Integer replyTo = rs.getObject("reply_to", Integer.class);
		return new Message(rs.getInt("seq"), MessageRole.valueOf(rs.getString("role")), rs.getString("text"), replyTo,
				(answer != null) ? this.json.readValue(answer, MessageAnswer.class) : null,
				rs.getTimestamp("created_at").toInstant(), rs.getString("author"));
	}

	void touch(UUID conversation) {
		this.jdbc.sql("update conversation set last_activity = now() where id = ?").param(conversation).update();
	}

}
