package dev.hearth.escalation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.hearth.crypto.ReEncryptable;

/**
 * Re-seals {@code training_example} rows (question, answer) under the active key, for
 * {@link dev.hearth.crypto.KeyRotation}.
 */
@Component
class TrainingExampleResealing implements ReEncryptable {

	private final JdbcClient jdbc;

	private final TrainingExamples examples;

	TrainingExampleResealing(JdbcClient jdbc, TrainingExamples examples) {
		this.jdbc = jdbc;
		this.examples = examples;
	}

	@Override
	public String name() {
		return "training_example";
	}

	@Override
	public Map<String, Long> rowsByKey() {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.jdbc.sql("select coalesce(enc_key, ?), count(*) from training_example group by 1 order by 1")
			.param(PLAINTEXT)
			.query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2)))
			.list();
		return counts;
	}

	private record Row(long id, String question, String answer) {
	}

	@Override
	public int reseal(String activeKey, Set<String> older, int limit) {
		List<Row> rows = this.jdbc.sql("""
				select id, enc_key, question, answer from training_example
				where enc_key is null or enc_key = any(:older)
				order by id limit :limit for update skip locked
				""").param("older", older.toArray(String[]::new)).param("limit", limit).query((rs, n) -> {
			long id = rs.getLong("id");
			String key = rs.getString("enc_key");
			return new Row(id, this.examples.open(key, "question", id, rs.getString("question")),
					this.examples.open(key, "answer", id, rs.getString("answer")));
		}).list();
		for (Row row : rows) {
			this.jdbc.sql("update training_example set enc_key = ?, question = ?, answer = ? where id = ?")
				.param(activeKey)
				.param(this.examples.seal(activeKey, "question", row.id(), row.question()))
				.param(this.examples.seal(activeKey, "answer", row.id(), row.answer()))
				.param(row.id())
				.update();
		}
		return rows.size();
	}

}
