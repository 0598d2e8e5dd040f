package dev.hearth.conversation;

import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replica's one sweep of followed conversations ({@link ConversationSignals#sweep})
 * finds a change whose notification never came (written with the triggers off), wakes
 * only that conversation's streams, and nothing when nothing changed.
 */
// the feed's own catch-up tick (every 5 s by default) sweeps too: one inside the test's
// 300 ms wait or between its sweeps would take the change it looks for
@SpringBootTest(properties = "hearth.system.change-feed.catch-up=1h")
@ActiveProfiles("test")
class ConversationSweepIT {

	@Autowired
	ConversationSignals signals;

	@Autowired
	Conversations conversations;

	@Autowired
	DataSource dataSource;

	@Test
	void sweepWakesTheStreamsOfAConversationChangedWithoutANotification() throws Exception {
		UUID changed = this.conversations.start("en");
		UUID quiet = this.conversations.start("en");
		try (ConversationSignals.Subscription changes = this.signals.subscribe(changed);
				ConversationSignals.Subscription none = this.signals.subscribe(quiet)) {
			// first sight: whatever happened before the first sweep is read once
			this.signals.sweep();
			changes.await(Duration.ZERO);
			none.await(Duration.ZERO);
			assertThat(this.signals.sweep()).isZero();

			withoutNotifications("update conversation set csat = 4 where id = '" + changed + "'");
			assertThat(changes.await(Duration.ofMillis(300))).as("no notification was sent").isFalse();
			assertThat(this.signals.sweep()).isEqualTo(1);
			assertThat(changes.await(Duration.ZERO)).isTrue();
			assertThat(none.await(Duration.ZERO)).isFalse();

			withoutNotifications("insert into conversation_message (conversation_id, seq, role, text) select '"
					+ changed
					+ "', coalesce(max(seq), 0) + 1, 'SYSTEM', 'written behind the triggers' from conversation_message"
					+ " where conversation_id = '" + changed + "'");
			assertThat(this.signals.sweep()).isEqualTo(1);
			assertThat(changes.await(Duration.ZERO)).isTrue();
			assertThat(this.signals.sweep()).isZero();
		}
	}

	/** Runs a statement with triggers (and so notifications) off, as a restore would. */
	private void withoutNotifications(String sql) throws Exception {
		try (var connection = this.dataSource.getConnection(); var statement = connection.createStatement()) {
			statement.execute("set session_replication_role = replica");
			try {
				statement.execute(sql);
			}
			finally {
				statement.execute("set session_replication_role = origin");
			}
		}
	}

}
