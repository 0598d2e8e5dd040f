package dev.hearth.privacy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.hearth.testing.HearthHttp;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention per data class (issue 13): a run purges what is past its period in batches,
 * keeps conversations that wait for a person, records each purge in the audit trail, and
 * the admin API shows the policy and the runs; the audit trail, purged up to a
 * checkpoint, still verifies, and a changed checkpoint is found.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RetentionIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail audit;

	HearthHttp http;

	@BeforeEach
	void setUp() throws Exception {
		this.http = new HearthHttp(this.port);
		HearthHttp.token(this.jdbc, "retention-admin", "retention-admin-token", "ADMIN");
	}

	@Test
	void aRunPurgesOldTranscriptsAndTrainingExamplesAndShowsItself() throws Exception {
		HearthHttp.Chat old = this.http.start();
		this.http.ask(old, "How do I reset my router?");
		HearthHttp.Chat waiting = this.http.start();
		this.http.ask(waiting, "I want to talk to a real person please");
		HearthHttp.Chat recent = this.http.start();
		this.http.ask(recent, "How do I reset my router?");
		for (HearthHttp.Chat chat : new HearthHttp.Chat[] { old, waiting }) {
			this.jdbc.sql("update conversation set last_activity = now() - interval '400 days' where id = ?")
				.param(UUID.fromString(chat.id()))
				.update();
		}
		String marker = "retention-" + UUID.randomUUID();
		this.jdbc.sql("""
				insert into training_example (conversation_id, source, question, answer, created_at)
				values (null, 'AGENT', ?, 'old answer', now() - interval '800 days'),
				       (null, 'AGENT', ?, 'new answer', now())
				""").param(marker + " old").param(marker + " new").update();

		var response = this.http.send("POST", "/api/admin/retention/run", null, "retention-admin-token");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode runs = this.http.json(response).get("runs");
		assertThat(runs.findValuesAsString("dataClass")).contains("transcripts", "audit", "training-examples",
				"uploaded-files");

		assertThat(exists("conversation", old.id())).as("400 days idle, bot only: purged").isFalse();
		assertThat(count("select count(*) from conversation_message where conversation_id = ?", old.id())).isZero();
		assertThat(exists("conversation", waiting.id())).as("waiting for a person: kept").isTrue();
		assertThat(exists("conversation", recent.id())).isTrue();
		assertThat(this.jdbc.sql("select question from training_example where question like ?")
			.param(marker + "%")
			.query(String.class)
			.list()).containsExactly(marker + " new");
		assertThat(this.http.send("GET", "/api/widget/conversations/" + old.id() + "/messages", null, old.token())
			.statusCode()).as("the customer's token finds nothing").isGreaterThanOrEqualTo(400).isLessThan(500);

		var purged = this.audit
			.events(new AuditTrail.Query("RETENTION_PURGED", null, "transcripts", null, null, null, 5));
		assertThat(purged).isNotEmpty();
		assertThat(purged.get(0).details()).containsKeys("cutoff", "purged", "batches");
		assertThat(purged.get(0).details().toString()).doesNotContain("router");

		JsonNode shown = this.http.json(this.http.send("GET", "/api/admin/retention", null, "retention-admin-token"));
		assertThat(shown.get("policy").get("transcripts").asString()).isEqualTo("PT8760H");
		assertThat(shown.get("policy").get("uploaded-files").isNull()).isTrue();
		assertThat(shown.get("lastRuns").findValuesAsString("dataClass")).contains("transcripts");
		assertThat(this.audit.verify().valid()).isTrue();
	}

	@Test
	void theAuditTrailStillVerifiesAfterAPurgeAndAChangedCheckpointIsFound() {
		this.audit.record("RETENTION_TEST", "tester", "before", Map.of("n", 1));
		this.audit.record("RETENTION_TEST", "tester", "before", Map.of("n", 2));
		Instant cutoff = Instant.now().plusSeconds(1);
		this.audit.record("RETENTION_TEST", "tester", "after", Map.of("n", 3));
		int purged = this.audit.purgeBefore(cutoff, 100_000);
		assertThat(purged).isPositive();
		AuditTrail.Verification verification = this.audit.verify();
		assertThat(verification.valid()).as(verification.detail()).isTrue();
		assertThat(verification.detail()).startsWith("intact since the purge");
		assertThat(this.audit.events(new AuditTrail.Query("AUDIT_CHECKPOINT", null, null, null, null, null, 1))
			.get(0)
			.details()).containsKeys("purgedThroughId", "anchorHash", "purged");

		Long through = this.jdbc.sql("select max(purged_through_id) from audit_checkpoint").query(Long.class).single();
		this.jdbc.sql("insert into audit_checkpoint (purged_through_id, anchor_hash, purged) values (?, ?, 1)")
			.param(through)
			.param("f".repeat(64))
			.update();
		AuditTrail.Verification forged = this.audit.verify();
		assertThat(forged.valid()).isFalse();

		// a later purge writes a genuine checkpoint again (and leaves the shared database
		// verifiable)
		this.audit.record("RETENTION_TEST", "tester", "later", Map.of("n", 4));
		assertThat(this.audit.purgeBefore(Instant.now().plusSeconds(1), 100_000)).isPositive();
		assertThat(this.audit.verify().valid()).isTrue();
	}

	private boolean exists(String table, String id) {
		return count("select count(*) from " + table + " where id = ?", id) > 0;
	}

	private long count(String sql, String id) {
		return this.jdbc.sql(sql).param(UUID.fromString(id)).query(Long.class).single();
	}

}
