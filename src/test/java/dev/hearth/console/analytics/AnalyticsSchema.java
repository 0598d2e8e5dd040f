package dev.hearth.console.analytics;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Adds, in the test database only, the columns and table the analytics read that other
 * issues' migrations (V6: claimed_at; V7: csat and answer_feedback) create, for as long
 * as those migrations are not on this branch. Once they are, every statement here does
 * nothing.
 */
final class AnalyticsSchema {

	private AnalyticsSchema() {
	}

	static void ensure(JdbcClient jdbc) {
		jdbc.sql("alter table conversation add column if not exists claimed_at timestamptz").update();
		jdbc.sql("alter table conversation add column if not exists csat smallint").update();
		jdbc.sql("""
				create table if not exists answer_feedback (
				    conversation_id uuid not null references conversation (id) on delete cascade,
				    message_seq integer not null,
				    rating smallint not null,
				    comment text,
				    created_at timestamptz not null default now()
				)
				""").update();
	}

}
