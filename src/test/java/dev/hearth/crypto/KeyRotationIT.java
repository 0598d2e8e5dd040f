package dev.hearth.crypto;

import dev.hearth.testing.Tables;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.hearth.conversation.ConversationSearch;
import dev.hearth.conversation.Conversations;
import dev.hearth.conversation.Message;
import dev.hearth.system.SystemProperties;
import dev.hearth.testing.HearthHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key rotation without downtime (issue 13): with a new active key, rows of the old key
 * and plaintext rows stay readable and searchable while the background job re-seals them
 * in bounded batches, each run resuming where the last stopped; the runs are audited and
 * counted, and the admin API shows the progress.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "hearth.crypto.keys.test-2=" + KeyRotationIT.KEY_2, "hearth.crypto.active-key=test-2",
				"hearth.crypto.rotation.batch-size=2", "hearth.crypto.rotation.batches-per-run=1" })
@ActiveProfiles("test")
class KeyRotationIT {

	static final String KEY_2 = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";

	static final String KEY_1 = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Conversations conversations;

	@Autowired
	ConversationSearch search;

	@Autowired
	KeyRotation rotation;

	@Autowired
	MeterRegistry meters;

	@Autowired
	SystemProperties system;

	static JdbcClient cleanup;

	/** The rows of the second key would be unreadable for the other test contexts. */
	@AfterAll
	static void forgetTheSecondKeysRows() {
		cleanup.sql("truncate conversation, training_example cascade").update();
	}

	@Test
	void oldAndPlaintextRowsAreReSealedInBoundedResumableBatches() throws Exception {
		cleanup = this.jdbc;
		Tables.truncate(this.jdbc, "conversation, training_example cascade");
		FieldCipher old = new FieldCipher(new KeyRing(Map.of("test-1", KEY_1), null, "the old replica"));
		UUID id = this.conversations.start("en");
		for (int seq = 1; seq <= 3; seq++) {
			this.jdbc.sql("""
					insert into conversation_message (conversation_id, seq, enc_key, role, text)
					values (?, ?, 'test-1', 'CUSTOMER', ?)
					""")
				.param(id)
				.param(seq)
				.param(old.seal("test-1", "Sealed by the old key, wombat " + seq,
						"conversation_message.text/" + id + "/" + seq))
				.update();
		}
		this.jdbc.sql("insert into conversation_message (conversation_id, seq, role, text) values (?, 4, 'AGENT', ?)")
			.param(id)
			.param("Plaintext from before encryption, wombat 4")
			.update();
		this.conversations.addCustomerMessage(id, "Sealed by the new key, wombat 5");

		KeyRotation.Status before = this.rotation.status();
		assertThat(before.activeKey()).isEqualTo("test-2");
		assertThat(before.tables()).filteredOn((t) -> t.name().equals("conversation_message"))
			.singleElement()
			.satisfies((t) -> {
				assertThat(t.rowsByKey()).containsEntry("test-1", 3L)
					.containsEntry(ReEncryptable.PLAINTEXT, 1L)
					.containsEntry("test-2", 1L);
				assertThat(t.pending()).isEqualTo(4);
			});
		assertThat(this.conversations.transcript(id)).extracting(Message::text)
			.as("old keys stay readable until the job is done")
			.allMatch((text) -> text.contains("wombat"));

		int runs = 0;
		while (!this.rotation.status().done()) {
			assertThat(this.rotation.run().total()).as("batch-size 2, one batch a table per run").isEqualTo(2);
			runs++;
		}
		assertThat(runs).isEqualTo(2);
		assertThat(this.rotation.status().tables())
			.allSatisfy((t) -> assertThat(t.rowsByKey().keySet()).isSubsetOf("test-2"));
		assertThat(this.conversations.transcript(id)).extracting(Message::text)
			.containsExactly("Sealed by the old key, wombat 1", "Sealed by the old key, wombat 2",
					"Sealed by the old key, wombat 3", "Plaintext from before encryption, wombat 4",
					"Sealed by the new key, wombat 5");
		assertThat(this.search.search("wombat 3", null, java.util.function.UnaryOperator.identity())).singleElement()
			.satisfies((hit) -> assertThat(hit.snippet()).contains("«wombat» «3»"));
		assertThat(this.jdbc.sql("select distinct key_id from conversation_message_token where conversation_id = ?")
			.param(id)
			.query(String.class)
			.list()).containsExactly("test-2");

		List<String> audited = this.jdbc
			.sql("select kind from audit_event where kind like 'KEY_ROTATION%' order by id desc limit 3")
			.query(String.class)
			.list();
		assertThat(audited).containsSubsequence("KEY_ROTATION_DONE", "KEY_ROTATION_PASS");
		assertThat(this.jdbc
			.sql("select details::text from audit_event where kind = 'KEY_ROTATION_PASS' " + "order by id desc limit 1")
			.query(String.class)
			.single()).doesNotContain("wombat");
		assertThat(this.meters.get("hearth.crypto.resealed").tag("table", "conversation_message").counter().count())
			.isGreaterThanOrEqualTo(4);
		assertThat(this.meters.get("hearth.crypto.pending").tag("table", "conversation_message").gauge().value())
			.isZero();

		HearthHttp http = new HearthHttp(this.port);
		String admin = Files.readString(this.system.dataDir().resolve("admin-token")).strip();
		var status = http.json(http.send("GET", "/api/admin/encryption", null, admin));
		assertThat(status.get("activeKey").asString()).isEqualTo("test-2");
		assertThat(status.get("done").asBoolean()).isTrue();
		assertThat(status.get("lastRun").get("resealed").get("conversation_message").asInt()).isEqualTo(2);
		HearthHttp.token(this.jdbc, "rotation-agent", "rotation-agent-token", "AGENT");
		assertThat(http.send("POST", "/api/admin/encryption/rotation", null, "rotation-agent-token").statusCode())
			.isEqualTo(403);
		assertThat(http.send("POST", "/api/admin/encryption/rotation", null, admin).statusCode()).isEqualTo(200);
	}

	/**
	 * The free-text classes sealed since V24 (notes, feedback and CSAT comments,
	 * escalation questions) move from the old key to the new one like the messages.
	 */
	@Test
	void notesCommentsAndEscalationQuestionsMoveToTheNewKey() {
		cleanup = this.jdbc;
		Tables.truncate(this.jdbc, "conversation, training_example cascade");
		FieldCipher old = new FieldCipher(new KeyRing(Map.of("test-1", KEY_1), null, "the old replica"));
		UUID id = this.conversations.start("en");
		this.jdbc
			.sql("insert into conversation_message (conversation_id, seq, role, text) values (?, 1, 'ASSISTANT', 'a')")
			.param(id)
			.update();
		long note = this.jdbc.sql("select nextval(pg_get_serial_sequence('conversation_note', 'id'))")
			.query(Long.class)
			.single();
		this.jdbc.sql(
				"insert into conversation_note (id, conversation_id, author, enc_key, text) values (?, ?, 'al', 'test-1', ?)")
			.param(note)
			.param(id)
			.param(old.seal("test-1", "note numbat", SealedColumns.context("conversation_note", "text", note)))
			.update();
		this.jdbc.sql("""
				insert into answer_feedback (conversation_id, message_seq, rating, enc_key, comment)
				values (?, 1, -1, 'test-1', ?)
				""")
			.param(id)
			.param(old.seal("test-1", "feedback numbat",
					SealedColumns.context("answer_feedback", "comment", id + "/1")))
			.update();
		this.jdbc.sql("update conversation set csat = 2, csat_enc_key = 'test-1', csat_comment = ? where id = ?")
			.param(old.seal("test-1", "csat numbat", SealedColumns.context("conversation", "csat_comment", id)))
			.param(id)
			.update();
		long decision = this.jdbc.sql("select nextval(pg_get_serial_sequence('escalation_decision', 'id'))")
			.query(Long.class)
			.single();
		this.jdbc
			.sql("""
					insert into escalation_decision (id, conversation_id, message_seq, rule, fired, action, outcome, enc_key,
					                                 question, embedding)
					values (?, ?, 1, 'customer-asked-for-person', '{}', 'HUMAN', 'HANDED_OFF', 'test-1', ?, ?)
					""")
			.param(decision)
			.param(id)
			.param(old.seal("test-1", "question numbat",
					SealedColumns.context("escalation_decision", "question", decision)))
			.param(old.seal("test-1", "AACAPwAAAEA=",
					SealedColumns.context("escalation_decision", "embedding", decision)))
			.update();

		List<String> classes = List.of("conversation_note", "answer_feedback", "conversation.csat_comment",
				"escalation_decision");
		assertThat(this.rotation.status().tables()).filteredOn((t) -> classes.contains(t.name()))
			.hasSize(4)
			.allSatisfy((t) -> assertThat(t.rowsByKey()).containsEntry("test-1", 1L));
		for (int run = 0; run < 20 && !this.rotation.status().done(); run++) {
			this.rotation.run();
		}
		assertThat(this.rotation.status().done()).isTrue();
		assertThat(this.rotation.status().tables()).filteredOn((t) -> classes.contains(t.name()))
			.allSatisfy((t) -> assertThat(t.rowsByKey()).containsOnlyKeys("test-2"));
		FieldCipher both = new FieldCipher(
				new KeyRing(Map.of("test-1", KEY_1, "test-2", KEY_2), "test-2", "this replica"));
		assertThat(dev.hearth.testing.SealedRows.opened(this.jdbc, both, "conversation_note", "enc_key", "text",
				"id::text", "conversation_id = ?", id))
			.containsExactly("note numbat");
		assertThat(dev.hearth.testing.SealedRows.opened(this.jdbc, both, "answer_feedback", "enc_key", "comment",
				"conversation_id::text || '/' || message_seq", "conversation_id = ?", id))
			.containsExactly("feedback numbat");
		assertThat(dev.hearth.testing.SealedRows.opened(this.jdbc, both, "conversation", "csat_enc_key", "csat_comment",
				"id::text", "id = ?", id))
			.containsExactly("csat numbat");
		assertThat(dev.hearth.testing.SealedRows.opened(this.jdbc, both, "escalation_decision", "enc_key", "question",
				"id::text", "conversation_id = ?", id))
			.containsExactly("question numbat");
		// the question's embedding (V34) moves with it
		assertThat(dev.hearth.testing.SealedRows.opened(this.jdbc, both, "escalation_decision", "enc_key", "embedding",
				"id::text", "conversation_id = ?", id))
			.containsExactly("AACAPwAAAEA=");
	}

}
