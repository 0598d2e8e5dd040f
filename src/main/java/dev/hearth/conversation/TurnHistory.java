package dev.hearth.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.hearth.assistant.CustomerTurn;
import dev.hearth.assistant.Turn;
import dev.hearth.knowledge.Vectors;

/**
 * What a customer turn needs to know of the messages before it, in one statement (one
 * round trip to the database instead of three): the last messages the answer pipeline
 * reads, the customer's latest questions since a person last wrote with their stored
 * query embeddings, how many of those were left unresolved, and the language of the
 * latest that has one; and, for a turn that is not answered, the history alone.
 * Thread-safe.
 */
@Component
class TurnHistory {

	private final JdbcClient jdbc;

	private final MessageSeal seal;

	TurnHistory(JdbcClient jdbc, MessageSeal seal) {
		this.jdbc = jdbc;
		this.seal = seal;
	}

	/**
	 * The last messages before {@code beforeSeq} of the customer, the assistant and
	 * agents (newest first; sealed empty texts are left out after reading).
	 */
	private static final String HISTORY = """
			select conversation_id, seq, enc_key, role, text from conversation_message
			where conversation_id = :c and seq < :before and role in ('CUSTOMER', 'ASSISTANT', 'AGENT')
			  and (enc_key is not null or text <> '')
			order by seq desc limit :turns""";

	/**
	 * The last {@code turns} messages before {@code beforeSeq}, oldest first, as the
	 * answer pipeline reads them.
	 */
	List<Turn> history(UUID conversation, int beforeSeq, int turns) {
		return oldestFirst(withText(this.jdbc.sql(HISTORY)
			.param("c", conversation)
			.param("before", beforeSeq)
			.param("turns", turns)
			.query((rs, row) -> turn(rs))
			.list()));
	}

	/**
	 * The messages before {@code beforeSeq}.
	 * @param turns how many of the last messages make the history
	 * @param questions how many of the latest earlier questions to read
	 */
	Before read(UUID conversation, int beforeSeq, int turns, int questions) {
		List<Row<Turn>> history = new ArrayList<>();
		List<Row<CustomerTurn.EarlierQuestion>> earlier = new ArrayList<>();
		int[] counts = { 0, 0 };
		String[] language = { null };
		// "earlier" and "unresolved" count the customer's messages since a person last
		// wrote (after the seq in "agent"); an unresolved one was handed over, declined
		// or asked back (its reply's decision is ESCALATE, or the reply is a notice) or
		// answered but rated unhelpful
		this.jdbc.sql("""
				with agent as (select coalesce(max(seq), 0) as seq from conversation_message
				               where conversation_id = :c and role = 'AGENT')
				select 'history' as part, conversation_id, seq, enc_key, role, text,
				       null::text as query, null::bytea as embedding, 0::bigint as total,
				       0::bigint as unresolved, null::text as language
				from (%s) history
				union all
				select 'earlier', conversation_id, seq, enc_key, role, text, query, embedding, total, 0, null
				from (select conversation_id, seq, enc_key, role, text, query, embedding, count(*) over () as total
				      from conversation_message
				      where conversation_id = :c and seq < :before and role = 'CUSTOMER'
				        and seq > (select seq from agent)
				      order by seq desc limit :questions) earlier
				union all
				select 'counts', null, null, null, null, null, null, null, 0,
				       (select count(*) from conversation_message q
				        where q.conversation_id = :c and q.seq < :before and q.role = 'CUSTOMER'
				          and q.seq > (select seq from agent)
				          and exists (select 1 from conversation_message r
				                      where r.conversation_id = :c and r.reply_to = q.seq
				                        and (r.role = 'SYSTEM' or r.answer->>'decision' = 'ESCALATE'
				                             or exists (select 1 from answer_feedback f
				                                        where f.conversation_id = :c and f.message_seq = r.seq
				                                          and f.rating = -1)))),
				       (select language from conversation_message
				        where conversation_id = :c and seq < :before and role = 'CUSTOMER' and language is not null
				        order by seq desc limit 1)
				""".formatted(HISTORY))
			.param("c", conversation)
			.param("before", beforeSeq)
			.param("turns", turns)
			.param("questions", questions)
			.query((rs) -> {
				switch (rs.getString("part")) {
					case "history" -> history.add(turn(rs));
					case "earlier" -> {
						counts[0] = rs.getInt("total");
						byte[] embedding = this.seal.openBytes(rs, "embedding");
						String text = this.seal.open(rs, "text");
						String query = this.seal.open(rs, "query");
						earlier.add(new Row<>(rs.getInt("seq"),
								new CustomerTurn.EarlierQuestion(text,
										(embedding != null) ? Vectors.decode(embedding) : null,
										query == null || query.equals(text.strip()))));
					}
					default -> {
						counts[1] = rs.getInt("unresolved");
						language[0] = rs.getString("language");
					}
				}
			});
		return new Before(oldestFirst(withText(history)), oldestFirst(earlier), counts[0], counts[1], language[0]);
	}

	private Row<Turn> turn(ResultSet rs) throws SQLException {
		return new Row<>(rs.getInt("seq"),
				new Turn("CUSTOMER".equals(rs.getString("role")), this.seal.open(rs, "text")));
	}

	/**
	 * The history without empty texts: a sealed text cannot be compared in SQL, so an
	 * empty one (a notice without words) is left out here.
	 */
	private static List<Row<Turn>> withText(List<Row<Turn>> history) {
		return history.stream().filter((row) -> !row.value().text().isEmpty()).toList();
	}

	private static <T> List<T> oldestFirst(List<Row<T>> rows) {
		return rows.stream().sorted(Comparator.comparingInt(Row::seq)).map(Row::value).toList();
	}

	private record Row<T>(int seq, T value) {
	}

	/**
	 * The customer's and the conversation's messages before a turn.
	 *
	 * @param history the last messages, oldest first
	 * @param questions the customer's latest questions since a person last wrote, oldest
	 * first
	 * @param questionsTotal how many questions there are since a person last wrote
	 * @param unresolved how many of them were left unresolved
	 * @param lastLanguage the language of the latest customer message that has one, or
	 * {@code null}
	 */
	record Before(List<Turn> history, List<CustomerTurn.EarlierQuestion> questions, int questionsTotal, int unresolved,
			String lastLanguage) {
	}

}
