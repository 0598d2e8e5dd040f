package dev.hearth.conversation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.hearth.crypto.ReEncryptable;

/**
 * Re-seals {@code conversation_message} rows (text, query, embedding) under the active
 * key and replaces their search tokens, for {@link dev.hearth.crypto.KeyRotation}.
 */
@Component
class MessageResealing implements ReEncryptable {

	private final JdbcClient jdbc;

	private final MessageSeal seal;

	MessageResealing(JdbcClient jdbc, MessageSeal seal) {
		this.jdbc = jdbc;
		this.seal = seal;
	}

	@Override
	public String name() {
		return "conversation_message";
	}

	@Override
	public Map<String, Long> rowsByKey() {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.jdbc.sql("select coalesce(enc_key, ?), count(*) from conversation_message group by 1 order by 1")
			.param(PLAINTEXT)
			.query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2)))
			.list();
		return counts;
	}

	private record Row(long id, UUID conversation, int seq, String text, String query, byte[] embedding) {
	}

	@Override
	public int reseal(String activeKey, Set<String> older, int limit) {
		List<Row> rows = this.jdbc.sql("""
				select id, conversation_id, seq, enc_key, text, query, embedding from conversation_message
				where enc_key is null or enc_key = any(:older)
				order by id limit :limit for update skip locked
				""")
			.param("older", older.toArray(String[]::new))
			.param("limit", limit)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getObject("conversation_id", UUID.class), rs.getInt("seq"),
					this.seal.open(rs, "text"), this.seal.open(rs, "query"), this.seal.openBytes(rs, "embedding")))
			.list();
		for (Row row : rows) {
			this.jdbc
				.sql("update conversation_message set enc_key = ?, text = ?, query = ?, embedding = ? where id = ?")
				.param(activeKey)
				.param(this.seal.seal(activeKey, "text", row.conversation(), row.seq(), row.text()))
				.param(this.seal.seal(activeKey, "query", row.conversation(), row.seq(), row.query()))
				.param(this.seal.sealBytes(activeKey, "embedding", row.conversation(), row.seq(), row.embedding()))
				.param(row.id())
				.update();
			this.seal.reindex(row.conversation(), row.seq(), activeKey, row.text());
		}
		return rows.size();
	}

}
