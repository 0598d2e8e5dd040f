package dev.hearth.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Rotation speed against the real PostgreSQL: {@code bench.rows} (default 20,000)
 * customer messages written before encryption, then as many sealed with the old key
 * {@code test-1}, re-sealed under {@code test-2} by {@link KeyRotation} with the default
 * batches (500 rows a transaction), in rows per second for each phase. Empties the
 * conversation tables. Run with
 * {@code mvn test -Dtest=KeyRotationBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * writes {@code target/bench/key-rotation.txt}.
 */
@SpringBootTest(properties = { "hearth.crypto.keys.test-2=" + KeyRotationIT.KEY_2, "hearth.crypto.active-key=test-2",
		"hearth.crypto.rotation.batches-per-run=100000" })
@ActiveProfiles("test")
class KeyRotationBenchmark {

	private static final int ROWS = Integer.getInteger("bench.rows", 20_000);

	private static final int PER_CONVERSATION = 10;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate template;

	@Autowired
	KeyRotation rotation;

	@Test
	void rowsPerSecond() throws Exception {
		this.jdbc.sql("truncate conversation, training_example cascade").update();
		StringBuilder report = new StringBuilder();
		try {
			insert(null);
			report.append(phase("plaintext -> test-2 (first encryption)"));
			insert(new FieldCipher(new KeyRing(Map.of("test-1", KeyRotationIT.KEY_1), null, "old")));
			report.append(phase("test-1 -> test-2 (key rotation)"));
		}
		finally {
			this.jdbc.sql("truncate conversation, training_example cascade").update();
		}
		System.out.print(report);
		Files.createDirectories(Path.of("target/bench"));
		Files.writeString(Path.of("target/bench/key-rotation.txt"), report);
	}

	private String phase(String name) {
		long pending = this.rotation.status().pending();
		long t0 = System.nanoTime();
		int rows = this.rotation.run().total();
		double seconds = (System.nanoTime() - t0) / 1e9;
		if (this.rotation.status().pending() != 0) {
			throw new AssertionError("rows left after the run");
		}
		return String.format(Locale.ROOT, "%s: %d of %d pending rows in %.1f s = %.0f rows/s%n", name, rows, pending,
				seconds, rows / seconds);
	}

	private void insert(FieldCipher old) {
		List<Object[]> conversations = new ArrayList<>();
		List<Object[]> messages = new ArrayList<>();
		for (int c = 0; c < ROWS / PER_CONVERSATION; c++) {
			UUID id = UUID.randomUUID();
			conversations.add(new Object[] { id });
			for (int seq = 1; seq <= PER_CONVERSATION; seq++) {
				String text = "Hello, my order ORD-" + (100000 + c) + " has not arrived after " + seq
						+ " days; the tracking page says the parcel is at the depot. Can you check it? Thanks, Ann";
				String key = (old != null) ? "test-1" : null;
				String stored = (old != null) ? old.seal("test-1", text, "conversation_message.text/" + id + "/" + seq)
						: text;
				messages.add(new Object[] { id, seq, key, stored });
			}
		}
		this.template.batchUpdate("insert into conversation (id, language) values (?, 'en')", conversations);
		this.template.batchUpdate(
				"insert into conversation_message (conversation_id, seq, enc_key, role, text) values (?, ?, ?, 'CUSTOMER', ?)",
				messages);
	}

}
