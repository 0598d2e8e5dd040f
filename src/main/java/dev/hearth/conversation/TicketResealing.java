package dev.hearth.conversation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.hearth.crypto.ReEncryptable;

/**
 * Re-seals {@code support_ticket} rows (email, name, email token) under the active key,
 * for {@link dev.hearth.crypto.KeyRotation}.
 */
@Component
class TicketResealing implements ReEncryptable {

	private final JdbcClient jdbc;

	private final TicketSeal seal;

	TicketResealing(JdbcClient jdbc, TicketSeal seal) {
		this.jdbc = jdbc;
		this.seal = seal;
	}

	@Override
	public String name() {
		return "support_ticket";
	}

	@Override
	public Map<String, Long> rowsByKey() {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.jdbc.sql("select coalesce(enc_key, ?), count(*) from support_ticket group by 1 order by 1")
			.param(PLAINTEXT)
			.query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2)))
			.list();
		return counts;
	}

	private record Row(long id, String email, String name) {
	}

	@Override
	public int reseal(String activeKey, Set<String> older, int limit) {
		List<Row> rows = this.jdbc.sql("""
				select id, enc_key, email, name from support_ticket
				where enc_key is null or enc_key = any(:older)
				order by id limit :limit for update skip locked
				""").param("older", older.toArray(String[]::new)).param("limit", limit).query((rs, n) -> {
			long id = rs.getLong("id");
			String key = rs.getString("enc_key");
			return new Row(id, this.seal.open(key, "email", id, rs.getString("email")),
					this.seal.open(key, "name", id, rs.getString("name")));
		}).list();
		for (Row row : rows) {
			this.jdbc.sql("update support_ticket set enc_key = ?, email = ?, name = ?, email_token = ? where id = ?")
				.param(activeKey)
				.param(this.seal.seal(activeKey, "email", row.id(), row.email()))
				.param(this.seal.seal(activeKey, "name", row.id(), row.name()))
				.param(this.seal.emailToken(activeKey, row.email()))
				.param(row.id())
				.update();
		}
		return rows.size();
	}

}
