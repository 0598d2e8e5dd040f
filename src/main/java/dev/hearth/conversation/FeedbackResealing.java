package dev.hearth.conversation;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.hearth.crypto.FieldCipher;
import dev.hearth.crypto.ReEncryptable;
import dev.hearth.crypto.SealedColumns;

/**
 * How customers' comments on answers are sealed at rest ({@code answer_feedback.comment},
 * key in {@code enc_key}, bound to conversation and answer), and their re-sealing for
 * {@link dev.hearth.crypto.KeyRotation}; ratings without a comment are not counted.
 * Thread-safe.
 */
@Component
class FeedbackResealing implements ReEncryptable {

	private final SealedColumns columns;

	FeedbackResealing(JdbcClient jdbc, FieldCipher cipher) {
		this.columns = new SealedColumns(jdbc, cipher, "answer_feedback", "enc_key",
				"conversation_id::text || '/' || message_seq", List.of("comment"), "comment is not null");
	}

	SealedColumns columns() {
		return this.columns;
	}

	static String rowId(java.util.UUID conversation, int seq) {
		return conversation + "/" + seq;
	}

	@Override
	public String name() {
		return "answer_feedback";
	}

	@Override
	public Map<String, Long> rowsByKey() {
		return this.columns.rowsByKey();
	}

	@Override
	@Transactional
	public int reseal(String activeKey, Set<String> older, int limit) {
		return this.columns.reseal(activeKey, older, limit);
	}

}
