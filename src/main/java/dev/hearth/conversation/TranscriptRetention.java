package dev.hearth.conversation;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.hearth.privacy.RetentionPurger;

/**
 * Transcripts as a data class of the retention job: conversations whose last activity is
 * older than the cutoff, with their messages, notes, ratings, tickets and escalation
 * decisions (deleted by cascade). A conversation waiting for or with an agent is kept.
 */
@Component
class TranscriptRetention implements RetentionPurger {

	private final JdbcClient jdbc;

	TranscriptRetention(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String dataClass() {
		return "transcripts";
	}

	@Override
	@Transactional
	public int purgeBatch(Instant cutoff, int batchSize) {
		return this.jdbc.sql("""
				delete from conversation where id in (
				    select id from conversation
				    where last_activity < ? and state not in ('WAITING_FOR_AGENT', 'WITH_AGENT')
				    order by last_activity limit ? for update skip locked)
				""").param(Timestamp.from(cutoff)).param(batchSize).update();
	}

}
