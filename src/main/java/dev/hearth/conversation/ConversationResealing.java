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
 * Re-seals the handoff summary and draft of {@code conversation} rows under the active
 * key, for {@link dev.hearth.crypto.KeyRotation}; rows with neither are not counted.
 */
@Component
class ConversationResealing implements ReEncryptable {

	private final JdbcClient jdbc;

	private final SummarySeal seal;

	ConversationResealing(JdbcClient jdbc, SummarySeal seal) {
		this.jdbc = jdbc;
		this.seal = seal;
	}

	@Override
	public String name() {
		return "conversation";
	}

	@Override
	public Map<String, Long> rowsByKey() {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.jdbc.sql("""
				select coalesce(enc_key, ?), count(*) from conversation
				where summary is not null or draft is not null group by 1 order by 1
				""").param(PLAINTEXT).query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2))).list();
		return counts;
	}

	private record Row(UUID id, String summary, String draft) {
	}

	@Override
	public int reseal(String activeKey, Set<String> older, int limit) {
		List<Row> rows = this.jdbc.sql("""
				select id, enc_key, summary #>> '{}' as summary, draft #>> '{}' as draft from conversation
				where (summary is not null or draft is not null) and (enc_key is null or enc_key = any(:older))
				order by id limit :limit for update skip locked
				""").param("older", older.toArray(String[]::new)).param("limit", limit).query((rs, n) -> {
			UUID id = rs.getObject("id", UUID.class);
			String key = rs.getString("enc_key");
			return new Row(id, this.seal.open(key, "summary", id, rs.getString("summary")),
					this.seal.open(key, "draft", id, rs.getString("draft")));
		}).list();
		for (Row row : rows) {
			this.jdbc.sql("""
					update conversation set enc_key = ?, summary = to_jsonb(cast(? as text)),
					       draft = to_jsonb(cast(? as text))
					where id = ?
					""")
				.param(activeKey)
				.param(this.seal.seal(activeKey, "summary", row.id(), row.summary()))
				.param(this.seal.seal(activeKey, "draft", row.id(), row.draft()))
				.param(row.id())
				.update();
		}
		return rows.size();
	}

}
