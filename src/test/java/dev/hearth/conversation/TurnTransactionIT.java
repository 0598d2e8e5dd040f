package dev.hearth.conversation;

import dev.hearth.testing.Tables;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.hearth.testing.HearthHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A handoff is one transaction: the database connection is killed between its steps (by a
 * trigger that terminates its own backend when the decision log, or the notice to the
 * customer, is written) and the conversation is found with none of the turn recorded:
 * still with the bot, not queued, no decision, no audit entry, only the customer's
 * message. Without the trigger, the same message records the whole turn.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TurnTransactionIT {

	private static final String ASK_FOR_PERSON = "I want to talk to a real person please";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private HearthHttp hearth;

	@BeforeEach
	void empty() {
		this.hearth = new HearthHttp(this.port);
		Tables.truncate(this.jdbc, "conversation, escalation_decision cascade");
		this.jdbc.sql("""
				create or replace function test_kill_own_connection() returns trigger language plpgsql as $$
				begin
				    perform pg_terminate_backend(pg_backend_pid());
				    return new;
				end $$
				""").update();
	}

	@AfterEach
	void dropTriggers() {
		this.jdbc.sql("drop trigger if exists test_kill on escalation_decision").update();
		this.jdbc.sql("drop trigger if exists test_kill on conversation_message").update();
	}

	@ParameterizedTest
	@ValueSource(strings = { "escalation_decision", "conversation_message" })
	void aConnectionKilledBetweenTheStepsOfAHandoffLeavesNoneOfTheTurn(String table) throws Exception {
		HearthHttp.Chat chat = this.hearth.start();
		UUID id = UUID.fromString(chat.id());
		String when = table.equals("conversation_message") ? "when (new.role <> 'CUSTOMER')" : "";
		this.jdbc
			.sql("create trigger test_kill before insert on " + table + " for each row " + when
					+ " execute function test_kill_own_connection()")
			.update();

		HttpResponse<String> failed = this.hearth.send("POST", "/api/widget/conversations/" + id + "/messages",
				"{\"text\": \"" + ASK_FOR_PERSON + "\"}", chat.token());
		assertThat(failed.statusCode()).as(failed.body()).isNotEqualTo(200);
		assertThat(state(id)).isEqualTo("BOT");
		assertThat(count("select count(*) from conversation_message where conversation_id = ?", id)).isEqualTo(1);
		assertThat(count(
				"select count(*) from conversation_message where conversation_id = ? and embedding is not null", id))
			.isZero();
		assertThat(count("select count(*) from escalation_decision where conversation_id = ?", id)).isZero();
		assertThat(count("select count(*) from audit_event where subject = ? and kind = 'HANDOFF'", id.toString()))
			.isZero();

		dropTriggers();
		this.hearth.ask(chat, ASK_FOR_PERSON);
		assertThat(state(id)).isEqualTo("WAITING_FOR_AGENT");
		assertThat(count("select count(*) from conversation_message where conversation_id = ? and role = 'SYSTEM'", id))
			.isEqualTo(1);
		assertThat(count("select count(*) from escalation_decision where conversation_id = ?", id)).isEqualTo(1);
		assertThat(count("select count(*) from audit_event where subject = ? and kind = 'HANDOFF'", id.toString()))
			.isEqualTo(1);
	}

	private String state(UUID id) {
		return this.jdbc.sql("select state from conversation where id = ?").param(id).query(String.class).single();
	}

	private long count(String sql, Object param) {
		return this.jdbc.sql(sql).param(param).query(Long.class).single();
	}

}
