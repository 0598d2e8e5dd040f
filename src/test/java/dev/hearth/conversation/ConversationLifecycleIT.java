package dev.hearth.conversation;

import dev.hearth.testing.Tables;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import dev.hearth.testing.HearthHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time-driven transitions: a customer who leaves while waiting for a person abandons
 * the conversation, ended conversations close after a day, and a customer who writes
 * again can be handed over again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@RecordApplicationEvents
class ConversationLifecycleIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConversationLifecycle lifecycle;

	@Autowired
	ApplicationEvents events;

	private HearthHttp hearth;

	@BeforeEach
	void empty() {
		this.hearth = new HearthHttp(this.port);
		Tables.truncate(this.jdbc, "conversation cascade");
	}

	@Test
	void aSilentWaitingCustomerAbandonsThenTheConversationClosesAndCanBeHandedOverAgain() throws Exception {
		HearthHttp.Chat chat = this.hearth.start();
		this.hearth.ask(chat, "I want to talk to a human");
		UUID id = UUID.fromString(chat.id());
		assertThat(this.lifecycle.abandon(Instant.now())).as("not silent long enough").isEmpty();

		this.jdbc
			.sql("update conversation_message set created_at = now() - interval '31 minutes' where conversation_id = ?")
			.param(id)
			.update();
		assertThat(this.lifecycle.abandon(Instant.now())).containsExactly(id);
		assertThat(state(id)).isEqualTo("ABANDONED");
		assertThat(this.events.stream(ConversationAbandoned.class)).hasSize(1);

		this.jdbc.sql("update conversation set last_activity = now() - interval '25 hours' where id = ?")
			.param(id)
			.update();
		assertThat(this.lifecycle.close(Instant.now())).containsExactly(id);
		assertThat(state(id)).isEqualTo("CLOSED");
		assertThat(this.events.stream(ConversationClosed.class).findFirst().orElseThrow().from())
			.isEqualTo("ABANDONED");
		assertThat(
				this.jdbc.sql("select count(*) from audit_event where subject = ? and kind in ('ABANDONED', 'CLOSED')")
					.param(id.toString())
					.query(Long.class)
					.single())
			.isEqualTo(2);

		this.hearth.ask(chat, "Hello again, can I speak to an agent now?");
		assertThat(state(id)).isEqualTo("WAITING_FOR_AGENT");
	}

	@Test
	void aTicketIsNeverAbandoned() throws Exception {
		HearthHttp.Chat chat = this.hearth.start();
		this.hearth.ask(chat, "I want to talk to a human");
		UUID id = UUID.fromString(chat.id());
		this.jdbc.sql("update conversation set handoff_mode = 'TICKET' where id = ?").param(id).update();
		this.jdbc
			.sql("update conversation_message set created_at = now() - interval '2 hours' where conversation_id = ?")
			.param(id)
			.update();
		assertThat(this.lifecycle.abandon(Instant.now())).isEmpty();
		assertThat(state(id)).isEqualTo("WAITING_FOR_AGENT");
	}

	private String state(UUID id) {
		return this.jdbc.sql("select state from conversation where id = ?").param(id).query(String.class).single();
	}

}
