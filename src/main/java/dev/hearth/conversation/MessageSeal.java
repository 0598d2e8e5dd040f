package dev.hearth.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.hearth.crypto.FieldCipher;
import dev.hearth.crypto.SearchTokens;

/**
 * How {@code conversation_message} is sealed: {@code text}, {@code query} and
 * {@code embedding} with the key named in {@code enc_key} (none: a plaintext row from
 * before encryption), each bound to its column, conversation and sequence number; and the
 * message's search tokens in {@code conversation_message_token}. Thread-safe.
 */
@Component
class MessageSeal {

	private final FieldCipher cipher;

	private final SearchTokens tokens;

	private final JdbcClient jdbc;

	MessageSeal(FieldCipher cipher, SearchTokens tokens, JdbcClient jdbc) {
		this.cipher = cipher;
		this.tokens = tokens;
		this.jdbc = jdbc;
	}

	static String context(String column, UUID conversation, int seq) {
		return "conversation_message." + column + "/" + conversation + "/" + seq;
	}

	String activeKey() {
		return this.cipher.activeKey();
	}

	String seal(String keyId, String column, UUID conversation, int seq, String plaintext) {
		return this.cipher.seal(keyId, plaintext, context(column, conversation, seq));
	}

	byte[] sealBytes(String keyId, String column, UUID conversation, int seq, byte[] plaintext) {
		return this.cipher.sealBytes(keyId, plaintext, context(column, conversation, seq));
	}

	/**
	 * Opens a text column of a row read with {@code conversation_id}, {@code seq} and
	 * {@code enc_key}.
	 */
	String open(ResultSet rs, String column) throws SQLException {
		return this.cipher.open(rs.getString("enc_key"), rs.getString(column),
				context(column, rs.getObject("conversation_id", UUID.class), rs.getInt("seq")));
	}

	byte[] openBytes(ResultSet rs, String column) throws SQLException {
		return this.cipher.openBytes(rs.getString("enc_key"), rs.getBytes(column),
				context(column, rs.getObject("conversation_id", UUID.class), rs.getInt("seq")));
	}

	/**
	 * Replaces the message's search tokens with those of {@code text} under
	 * {@code keyId}.
	 */
	void reindex(UUID conversation, int seq, String keyId, String text) {
		this.jdbc.sql("delete from conversation_message_token where conversation_id = ? and seq = ?")
			.param(conversation)
			.param(seq)
			.update();
		index(conversation, seq, keyId, text);
	}

	/**
	 * The search tokens of a message's {@code text} under {@code keyId}, stored with the
	 * message.
	 */
	long[] tokens(String keyId, String text) {
		return this.tokens.tokens(keyId, text);
	}

	/** Stores the search tokens of a message's {@code text} under {@code keyId}. */
	private void index(UUID conversation, int seq, String keyId, String text) {
		long[] tokens = this.tokens.tokens(keyId, text);
		if (tokens.length > 0) {
			this.jdbc.sql("""
					insert into conversation_message_token (conversation_id, seq, key_id, token)
					select ?, ?, ?, t from unnest(cast(? as bigint[])) as t
					on conflict do nothing
					""").param(conversation).param(seq).param(keyId).param(tokens).update();
		}
	}

}
