package dev.hearth.privacy;

import dev.hearth.testing.Tables;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail against the real PostgreSQL: append-only, and any edit or deletion is
 * detected.
 */
@SpringBootTest
@ActiveProfiles("test")
class AuditTrailIT {

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@BeforeEach
	void empty() {
		Tables.truncate(this.jdbc, "audit_event, audit_pending, audit_checkpoint, audit_checkpoint_anchor");
		this.audit.record("HANDOFF", "hearth", "c-1", Map.of("rule", "customer-asked-for-person", "priority", 2));
		this.audit.record("CLAIM", "alice", "c-1", Map.of());
		this.audit.record("RESOLVE", "alice", "c-1", Map.of("outcome", "answered", "tags", List.of("b", "a")));
	}

	@Test
	void anUntouchedChainIsIntact() {
		assertThat(this.audit.verify()).isEqualTo(new AuditTrail.Verification(true, 3, null, "intact"));
	}

	@Test
	void eventsAreChainedWhenTheirTransactionCommitsAndNotWhenItRollsBack() throws Exception {
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		transaction.executeWithoutResult((status) -> {
			this.audit.record("CLAIM", "bob", "c-2", Map.of());
			this.audit.record("RESOLVE", "bob", "c-2", Map.of("outcome", "answered"));
			// not chained before the commit
			assertThat(count("audit_event where subject = 'c-2'")).isZero();
		});
		assertThat(this.audit.events(new AuditTrail.Query(null, "bob", null, null, null, null, 10)))
			.extracting(AuditTrail.Event::kind)
			.containsExactly("RESOLVE", "CLAIM");
		transaction.executeWithoutResult((status) -> {
			this.audit.record("CLAIM", "carol", "c-3", Map.of());
			status.setRollbackOnly();
		});
		assertThat(count("audit_event where actor = 'carol'")).isZero();
		assertThat(count("audit_pending")).isZero();

		// 40 at once: every one chained once, in one linear chain
		List<Thread> threads = new java.util.ArrayList<>();
		for (int i = 0; i < 40; i++) {
			int n = i;
			threads.add(Thread.ofVirtual().start(() -> this.audit.record("HANDOFF", "hearth", "burst-" + n, Map.of())));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(count("audit_event where subject like 'burst-%'")).isEqualTo(40);
		assertThat(count("audit_pending")).isZero();
		assertThat(this.audit.verify().valid()).isTrue();
	}

	@Test
	void anEventLeftPendingIsChainedByTheNextRun() {
		this.jdbc.sql("insert into audit_pending (kind, actor, subject, details) values ('CLAIM', 'dave', 'c-4', '{}')")
			.update();
		// (or by the scheduled run of another test context first)
		assertThat(this.audit.sealPending()).isBetween(0, 1);
		assertThat(count("audit_pending")).isZero();
		assertThat(count("audit_event where actor = 'dave'")).isEqualTo(1);
		assertThat(this.audit.verify()).isEqualTo(new AuditTrail.Verification(true, 4, null, "intact"));
	}

	private long count(String from) {
		return this.jdbc.sql("select count(*) from " + from).query(Long.class).single();
	}

	@Test
	void rowsCannotBeUpdatedOrDeleted() {
		assertThatThrownBy(() -> this.jdbc.sql("update audit_event set actor = 'mallory'").update())
			.hasMessageContaining("audit_event is append-only");
		assertThatThrownBy(() -> this.jdbc.sql("delete from audit_event").update())
			.hasMessageContaining("audit_event is append-only");
	}

	@Test
	void anEditedRowIsDetectedEvenWhenTheTriggerIsBypassed() {
		long second = ids().get(1);
		bypassingTrigger("update audit_event set actor = 'mallory' where id = " + second);
		AuditTrail.Verification verification = this.audit.verify();
		assertThat(verification.valid()).isFalse();
		assertThat(verification.firstBrokenId()).isEqualTo(second);
		assertThat(verification.detail()).isEqualTo("event " + second + " was changed after it was written");
	}

	@Test
	void aDeletedRowIsDetected() {
		List<Long> ids = ids();
		bypassingTrigger("delete from audit_event where id = " + ids.get(1));
		AuditTrail.Verification verification = this.audit.verify();
		assertThat(verification.valid()).isFalse();
		assertThat(verification.firstBrokenId()).isEqualTo(ids.get(2));
	}

	private List<Long> ids() {
		return this.jdbc.sql("select id from audit_event order by id").query(Long.class).list();
	}

	private void bypassingTrigger(String sql) {
		this.jdbc.sql("alter table audit_event disable trigger audit_event_append_only").update();
		try {
			this.jdbc.sql(sql).update();
		}
		finally {
			this.jdbc.sql("alter table audit_event enable trigger audit_event_append_only").update();
		}
	}

}
