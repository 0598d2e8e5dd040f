package dev.hearth.conversation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.hearth.privacy.AuditTrail;

/**
 * The state machine's time-driven transitions, checked every minute: a live handoff whose
 * customer has been silent for {@code abandon-after} while nobody claimed it becomes
 * ABANDONED (tickets never are: the customer left an address); a conversation that is
 * RESOLVED, ABANDONED or with the bot and idle for {@code close-after} becomes CLOSED.
 * Each is one conditional UPDATE, audited, and emits an event. Safe on several replicas:
 * a row changes once.
 */
@Component
class ConversationLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ConversationLifecycle.class);

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final ConversationProperties properties;

	ConversationLifecycle(JdbcClient jdbc, ApplicationEventPublisher events, AuditTrail audit,
			ConversationProperties properties) {
		this.jdbc = jdbc;
		this.events = events;
		this.audit = audit;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${hearth.conversation.lifecycle-check:60s}", initialDelayString = "30s")
	void sweep() {
		try {
			abandon(Instant.now());
			close(Instant.now());
		}
		catch (RuntimeException ex) {
			log.warn("Checking idle conversations failed; trying again in a minute: {}", ex.getMessage());
		}
	}

	/** Moves silent, unclaimed live handoffs to ABANDONED; returns them. */
	@Transactional
	List<UUID> abandon(Instant now) {
		List<UUID> abandoned = this.jdbc.sql("""
				update conversation c set state = 'ABANDONED', last_activity = now()
				where c.state = 'WAITING_FOR_AGENT' and coalesce(c.handoff_mode, 'LIVE') = 'LIVE'
				  and coalesce((select max(m.created_at) from conversation_message m
				                where m.conversation_id = c.id and m.role = 'CUSTOMER'), c.created_at) < ?
				returning c.id
				""").param(Timestamp.from(now.minus(this.properties.abandonAfter()))).query(UUID.class).list();
		for (UUID id : abandoned) {
			this.audit.record("ABANDONED", "hearth", id.toString(),
					Map.of("silentFor", this.properties.abandonAfter().toString()));
			this.events.publishEvent(new ConversationAbandoned(id));
		}
		return abandoned;
	}

	/** Moves idle ended conversations to CLOSED; returns them. */
	@Transactional
	List<UUID> close(Instant now) {
		record Closed(UUID id, String from) {
		}
		List<Closed> closed = this.jdbc.sql("""
				with idle as (
				    select id, state from conversation
				    where state in ('RESOLVED', 'ABANDONED', 'BOT') and last_activity < ?
				    for update skip locked)
				update conversation c set state = 'CLOSED' from idle where c.id = idle.id
				returning c.id, idle.state
				""")
			.param(Timestamp.from(now.minus(this.properties.closeAfter())))
			.query((rs, row) -> new Closed(rs.getObject(1, UUID.class), rs.getString(2)))
			.list();
		for (Closed conversation : closed) {
			this.audit.record("CLOSED", "hearth", conversation.id().toString(), Map.of("from", conversation.from()));
			this.events.publishEvent(new ConversationClosed(conversation.id(), conversation.from()));
		}
		return closed.stream().map(Closed::id).toList();
	}

}
