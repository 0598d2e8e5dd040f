package dev.hearth.privacy;

import dev.hearth.testing.Tables;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Reading the audit trail back with filters, newest first, page by page. */
@SpringBootTest
@ActiveProfiles("test")
class AuditEventsIT {

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void events() {
		Tables.truncate(this.jdbc, "audit_event, audit_checkpoint, audit_checkpoint_anchor");
		this.audit.record("HANDOFF", "hearth", "conv-1", Map.of("rule", "customer-asked-for-person"));
		this.audit.record("CLAIM", "alice", "conv-1", Map.of());
		this.audit.record("CLAIM", "bob", "conv-2", Map.of());
		this.audit.record("RESOLVE", "alice", "conv-1", Map.of("outcome", "answered"));
		this.audit.record("POLICY", "admin", "100%_sure", Map.of());
	}

	@Test
	void filtersByKindActorAndSubject() {
		assertThat(this.audit.events(query("CLAIM", null, null, null, 50))).extracting(AuditTrail.Event::actor)
			.containsExactly("bob", "alice");
		assertThat(this.audit.events(query(null, "alice", null, null, 50))).extracting(AuditTrail.Event::kind)
			.containsExactly("RESOLVE", "CLAIM");
		assertThat(this.audit.events(query(null, null, "CONV-1", null, 50))).hasSize(3);
		assertThat(this.audit.events(query(null, null, "%_", null, 50))).extracting(AuditTrail.Event::subject)
			.containsExactly("100%_sure");
	}

	@Test
	void readsDetailsBackAndPagesByIdNewestFirst() {
		List<AuditTrail.Event> first = this.audit.events(query(null, null, null, null, 2));
		assertThat(first).extracting(AuditTrail.Event::kind).containsExactly("POLICY", "RESOLVE");
		assertThat(first.get(1).details()).isEqualTo(Map.of("outcome", "answered"));
		List<AuditTrail.Event> next = this.audit.events(query(null, null, null, first.get(1).id(), 2));
		assertThat(next).extracting(AuditTrail.Event::actor).containsExactly("bob", "alice");
		assertThat(this.audit.kinds()).containsExactly("CLAIM", "HANDOFF", "POLICY", "RESOLVE");
	}

	@Test
	void filtersByTime() {
		Instant future = Instant.now().plusSeconds(3600);
		assertThat(this.audit.events(new AuditTrail.Query(null, null, null, future, null, null, 10))).isEmpty();
		assertThat(this.audit.events(new AuditTrail.Query(null, null, null, null, future, null, 10))).hasSize(5);
	}

	@Test
	void refusesUnreasonableQueries() {
		assertThatIllegalArgumentException().isThrownBy(() -> query(null, null, null, null, 0))
			.withMessage("limit must be between 1 and 500, got 0");
		Instant now = Instant.parse("2026-11-01T00:00:00Z");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AuditTrail.Query(null, null, null, now, now, null, 10))
			.withMessage("from (2026-11-01T00:00:00Z) must be before to (2026-11-01T00:00:00Z)");
	}

	private static AuditTrail.Query query(String kind, String actor, String subject, Long beforeId, int limit) {
		return new AuditTrail.Query(kind, actor, subject, null, null, beforeId, limit);
	}

}
