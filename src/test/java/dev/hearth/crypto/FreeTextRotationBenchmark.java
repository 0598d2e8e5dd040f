package dev.hearth.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotation speed of the free-text classes sealed since V24 (notes, answer-feedback and
 * CSAT comments, escalation questions) against the real PostgreSQL: {@code bench.rows}
 * (default 5,000) rows of each written before encryption, then as many sealed with the
 * old key {@code test-1}, re-sealed under {@code test-2} in batches of 500 rows (the
 * default), in rows per second per table and phase. Empties the conversation tables. Run
 * with
 * {@code mvn test -Dtest=FreeTextRotationBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * writes {@code target/bench/free-text-rotation.txt}.
 */
@SpringBootTest(properties = { "hearth.crypto.keys.test-2=" + KeyRotationIT.KEY_2, "hearth.crypto.active-key=test-2" })
@ActiveProfiles("test")
class FreeTextRotationBenchmark {

	private static final int ROWS = Integer.getInteger("bench.rows", 5_000);

	private static final int BATCH = 500;

	private static final List<String> TABLES = List.of("conversation_note", "answer_feedback",
			"conversation.csat_comment", "escalation_decision");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate template;

	@Autowired
	List<ReEncryptable> tables;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void rowsPerSecond() throws Exception {
		this.jdbc.sql("truncate conversation, training_example cascade").update();
		StringBuilder report = new StringBuilder();
		try {
			insert(null);
			report.append(phase("plaintext -> test-2"));
			this.jdbc.sql("truncate conversation cascade").update();
			insert(new FieldCipher(new KeyRing(Map.of("test-1", KeyRotationIT.KEY_1), null, "old")));
			report.append(phase("test-1 -> test-2"));
		}
		finally {
			this.jdbc.sql("truncate conversation, training_example cascade").update();
		}
		System.out.print(report);
		Files.createDirectories(Path.of("target/bench"));
		Files.writeString(Path.of("target/bench/free-text-rotation.txt"), report);
	}

	private String phase(String name) {
		StringBuilder out = new StringBuilder();
		for (ReEncryptable table : this.tables) {
			if (!TABLES.contains(table.name())) {
				continue;
			}
			long t0 = System.nanoTime();
			int rows = 0;
			int n;
			do {
				// one transaction a batch, as KeyRotation runs it
				Integer done = this.transactions.execute((tx) -> table.reseal("test-2", Set.of("test-1"), BATCH));
				n = (done != null) ? done : 0;
				rows += n;
			}
			while (n == BATCH);
			double seconds = (System.nanoTime() - t0) / 1e9;
			if (table.rowsByKey().keySet().stream().anyMatch((key) -> !key.equals("test-2"))) {
				throw new AssertionError(table.name() + ": rows left after the run");
			}
			out.append(String.format(Locale.ROOT, "%s %s: %d rows in %.1f s = %.0f rows/s%n", name, table.name(), rows,
					seconds, rows / seconds));
		}
		return out.toString();
	}

	private void insert(FieldCipher old) {
		String key = (old != null) ? "test-1" : null;
		List<Object[]> conversations = new ArrayList<>();
		List<Object[]> notes = new ArrayList<>();
		List<Object[]> feedback = new ArrayList<>();
		List<Object[]> decisions = new ArrayList<>();
		long firstNote = this.jdbc.sql("select nextval(pg_get_serial_sequence('conversation_note', 'id'))")
			.query(Long.class)
			.single() + 1;
		long firstDecision = this.jdbc.sql("select nextval(pg_get_serial_sequence('escalation_decision', 'id'))")
			.query(Long.class)
			.single() + 1;
		for (int c = 0; c < ROWS; c++) {
			UUID id = UUID.randomUUID();
			String csat = "The agent sorted out the parcel for order " + c + " quickly, thank you very much";
			conversations.add(new Object[] { id, key, seal(old, csat, "conversation", "csat_comment", id) });
			long note = firstNote + c;
			String noteText = "Called the customer back about the delayed parcel " + c + "; depot confirms delivery";
			notes.add(new Object[] { note, id, key, seal(old, noteText, "conversation_note", "text", note) });
			String comment = "The answer about returns did not say how long the refund takes for order " + c;
			feedback.add(new Object[] { id, key, seal(old, comment, "answer_feedback", "comment", id + "/2") });
			long decision = firstDecision + c;
			String question = "Where is my parcel, it should have arrived " + c + " days ago and nobody answers";
			decisions.add(new Object[] { decision, id, key,
					seal(old, question, "escalation_decision", "question", decision) });
		}
		this.template.batchUpdate(
				"insert into conversation (id, language, csat, csat_enc_key, csat_comment) values (?, 'en', 4, ?, ?)",
				conversations);
		this.template.batchUpdate(
				"insert into conversation_note (id, conversation_id, author, enc_key, text) values (?, ?, 'alice', ?, ?)",
				notes);
		this.template.batchUpdate("""
				insert into answer_feedback (conversation_id, message_seq, rating, enc_key, comment)
				values (?, 2, -1, ?, ?)
				""", feedback);
		this.template.batchUpdate(
				"""
						insert into escalation_decision (id, conversation_id, message_seq, rule, fired, action, outcome, enc_key,
						                                 question)
						values (?, ?, 1, 'pipeline:OUT_OF_SCOPE', '{}', 'HUMAN', 'HANDED_OFF', ?, ?)
						""",
				decisions);
		this.jdbc.sql("select setval(pg_get_serial_sequence('conversation_note', 'id'), ?)")
			.param(firstNote + ROWS)
			.query((rs, n) -> 1)
			.list();
		this.jdbc.sql("select setval(pg_get_serial_sequence('escalation_decision', 'id'), ?)")
			.param(firstDecision + ROWS)
			.query((rs, n) -> 1)
			.list();
	}

	private static String seal(FieldCipher old, String text, String table, String column, Object row) {
		return (old != null) ? old.seal("test-1", text, SealedColumns.context(table, column, row)) : text;
	}

}
