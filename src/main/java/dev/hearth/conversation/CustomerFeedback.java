package dev.hearth.conversation;

import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.hearth.crypto.FieldCipher;
import dev.hearth.crypto.SealedColumns;

/**
 * What customers tell us about the service: thumbs up or down (with an optional comment)
 * on each of the bot's answers, and one satisfaction rating (CSAT, 1 to 5) after a person
 * resolved their conversation. The agent console's analytics read both tables; the
 * comments are sealed at rest. Thread-safe.
 */
@Service
class CustomerFeedback {

	static final int MAX_COMMENT_CHARS = 1000;

	private final JdbcClient jdbc;

	private final Handoffs handoffs;

	private final SealedColumns feedbackComments;

	private final SealedColumns csatComments;

	CustomerFeedback(JdbcClient jdbc, Handoffs handoffs, @Qualifier("feedbackComments") SealedColumns feedbackComments,
			@Qualifier("csatComments") SealedColumns csatComments) {
		this.jdbc = jdbc;
		this.handoffs = handoffs;
		this.feedbackComments = feedbackComments;
		this.csatComments = csatComments;
	}

	/**
	 * How comments on answers are sealed at rest ({@code answer_feedback.comment}, key in
	 * {@code enc_key}, bound to conversation and answer: {@link #rowId}), and re-sealed
	 * by the key rotation; ratings without a comment are not counted.
	 */
	@Bean
	static SealedColumns feedbackComments(JdbcClient jdbc, FieldCipher cipher) {
		return new SealedColumns("answer_feedback", jdbc, cipher, "answer_feedback", "enc_key",
				"conversation_id::text || '/' || message_seq", List.of("comment"), "comment is not null");
	}

	/**
	 * How satisfaction comments are sealed at rest ({@code conversation.csat_comment},
	 * key in {@code csat_enc_key}, bound to the conversation), and re-sealed by the key
	 * rotation; conversations without one are not counted.
	 */
	@Bean
	static SealedColumns csatComments(JdbcClient jdbc, FieldCipher cipher) {
		return new SealedColumns("conversation.csat_comment", jdbc, cipher, "conversation", "csat_enc_key", "id::text",
				List.of("csat_comment"), "csat_comment is not null");
	}

	/** The row identity an answer's feedback comment is bound to. */
	static String rowId(UUID conversation, int seq) {
		return conversation + "/" + seq;
	}

	/**
	 * Records (or changes) the customer's rating of the answer {@code seq}.
	 * @throws IllegalArgumentException when the rating is not -1 or 1, the comment is too
	 * long, or {@code seq} is not one of the bot's answers in this conversation
	 */
	@Transactional
	void rateAnswer(UUID conversation, int seq, Integer rating, String comment) {
		if (rating == null || (rating != 1 && rating != -1)) {
			throw new IllegalArgumentException(
					"rating must be 1 (helpful) or -1 (not helpful), got " + rating + ": send {\"rating\": 1}");
		}
		String text = checkComment(comment);
		boolean isAnswer = this.jdbc.sql(
				"select count(*) from conversation_message where conversation_id = ? and seq = ? and role = 'ASSISTANT'")
			.param(conversation)
			.param(seq)
			.query(Long.class)
			.single() > 0;
		if (!isAnswer) {
			throw new IllegalArgumentException(
					"message " + seq + " is not an answer of this conversation: only answers can be rated");
		}
		String key = this.feedbackComments.activeKey();
		this.jdbc
			.sql("""
					insert into answer_feedback (conversation_id, message_seq, rating, enc_key, comment) values (?, ?, ?, ?, ?)
					on conflict (conversation_id, message_seq)
					do update set rating = excluded.rating, enc_key = excluded.enc_key, comment = excluded.comment,
					              created_at = now()
					""")
			.param(conversation)
			.param(seq)
			.param(rating.shortValue())
			.param(key)
			.param(this.feedbackComments.seal(key, "comment", rowId(conversation, seq), text))
			.update();
	}

	/**
	 * Records the customer's satisfaction with a resolved conversation (once; a second
	 * rating replaces the first).
	 * @throws IllegalArgumentException when the score is not 1 to 5 or the comment is too
	 * long
	 * @throws HandoffConflictException when the conversation is not resolved
	 */
	@Transactional
	void rateConversation(UUID conversation, Integer score, String comment) {
		if (score == null || score < 1 || score > 5) {
			throw new IllegalArgumentException(
					"score must be a whole number from 1 (very unhappy) to 5 (very happy), got " + score
							+ ": send {\"score\": 5}");
		}
		String text = checkComment(comment);
		ConversationState state = this.handoffs.state(conversation);
		if (state != ConversationState.RESOLVED) {
			throw new HandoffConflictException(
					"The conversation can be rated once a person has resolved it; it is " + state + ".");
		}
		String key = this.csatComments.activeKey();
		this.jdbc.sql("update conversation set csat = ?, csat_enc_key = ?, csat_comment = ? where id = ?")
			.param(score.shortValue())
			.param(key)
			.param(this.csatComments.seal(key, "csat_comment", conversation, text))
			.param(conversation)
			.update();
	}

	/** The customer's CSAT score for the conversation, or {@code null}. */
	Integer csat(UUID conversation) {
		return this.jdbc.sql("select csat from conversation where id = ?")
			.param(conversation)
			.query((rs, row) -> rs.getObject(1, Integer.class))
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	private static String checkComment(String comment) {
		if (comment == null || comment.isBlank()) {
			return null;
		}
		String text = comment.strip();
		if (text.length() > MAX_COMMENT_CHARS) {
			throw new IllegalArgumentException(
					"the comment has " + text.length() + " characters, at most " + MAX_COMMENT_CHARS + " are allowed");
		}
		return text;
	}

}
