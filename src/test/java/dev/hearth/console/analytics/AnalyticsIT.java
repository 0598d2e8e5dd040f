package dev.hearth.console.analytics;

import dev.hearth.testing.Tables;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import dev.hearth.console.analytics.AnalyticsReport.Count;
import dev.hearth.console.analytics.AnalyticsReport.Day;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analytics queries against the real PostgreSQL, on a handful of conversations whose
 * figures are worked out by hand.
 */
@SpringBootTest
@ActiveProfiles("test")
class AnalyticsIT {

	private static final DateRange NOVEMBER_1_TO_3 = new DateRange(LocalDate.of(2026, 11, 1),
			LocalDate.of(2026, 11, 3));

	@Autowired
	Analytics analytics;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void conversations() {
		Tables.truncate(this.jdbc, "conversation, answer_feedback cascade");
		// answered by the bot, rated 5, thumbs up
		UUID c1 = conversation("2026-11-01 10:00:00+00", null, null, null, 5);
		message(c1, 1, "CUSTOMER", null, "2026-11-01 10:00:01+00");
		message(c1, 2, "ASSISTANT", 100, "2026-11-01 10:00:02+00");
		feedback(c1, 2, 1, "2026-11-01 10:01:00+00");
		// bot not confident, an agent claimed after two minutes, rated 3, thumbs down
		UUID c2 = conversation("2026-11-01 11:00:00+00", "low-confidence", "2026-11-01 11:00:10+00",
				"2026-11-01 11:02:10+00", 3);
		message(c2, 1, "CUSTOMER", null, "2026-11-01 11:00:01+00");
		message(c2, 2, "ASSISTANT", 300, "2026-11-01 11:00:05+00");
		feedback(c2, 2, -1, "2026-11-01 11:01:00+00");
		// asked for a person, nobody claimed yet
		UUID c3 = conversation("2026-11-02 09:00:00+00", "customer-asked-for-person", "2026-11-02 09:00:05+00", null,
				null);
		message(c3, 1, "CUSTOMER", null, "2026-11-02 09:00:01+00");
		message(c3, 2, "SYSTEM", null, "2026-11-02 09:00:02+00");
		// opened the widget but never wrote: not counted
		conversation("2026-11-02 12:00:00+00", null, null, null, null);
		// the day before the range
		UUID c5 = conversation("2026-10-31 23:59:00+00", "low-confidence", null, null, 1);
		message(c5, 1, "CUSTOMER", null, "2026-10-31 23:59:01+00");
	}

	@Test
	void countsConversationsPerDayWithEmptyDays() {
		AnalyticsReport report = this.analytics.report(NOVEMBER_1_TO_3);
		assertThat(report.days()).extracting(Day::day)
			.containsExactly(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 3));
		Day first = report.days().get(0);
		assertThat(first.conversations()).isEqualTo(2);
		assertThat(first.botResolved()).isEqualTo(1);
		assertThat(first.handedOff()).isEqualTo(1);
		assertThat(first.deflection()).isEqualTo(0.5);
		assertThat(first.medianWaitSeconds()).isEqualTo(120.0);
		assertThat(first.answers()).isEqualTo(2);
		assertThat(first.latencyP50Millis()).isEqualTo(200.0);
		assertThat(first.latencyP90Millis()).isEqualTo(280.0);
		assertThat(first.thumbsUp()).isEqualTo(1);
		assertThat(first.thumbsDown()).isEqualTo(1);
		assertThat(first.csatAverage()).isEqualTo(4.0);
		assertThat(first.csatResponses()).isEqualTo(2);
		Day second = report.days().get(1);
		assertThat(second.conversations()).isEqualTo(1);
		assertThat(second.handedOff()).isEqualTo(1);
		assertThat(second.medianWaitSeconds()).isNull();
		assertThat(second.latencyP50Millis()).isNull();
		Day third = report.days().get(2);
		assertThat(third.conversations()).isZero();
		assertThat(third.deflection()).isNull();
	}

	@Test
	void totalsRulesWaitsAndSatisfactionCoverTheWholeRange() {
		AnalyticsReport report = this.analytics.report(NOVEMBER_1_TO_3);
		assertThat(report.totals().conversations()).isEqualTo(3);
		assertThat(report.totals().botResolved()).isEqualTo(1);
		assertThat(report.totals().handedOff()).isEqualTo(2);
		assertThat(report.totals().deflection()).isEqualTo(1.0 / 3);
		assertThat(report.totals().latencyP50Millis()).isEqualTo(200.0);
		assertThat(report.totals().csatAverage()).isEqualTo(4.0);
		assertThat(report.escalationsByRule()).containsExactly(new Count("customer-asked-for-person", 1),
				new Count("low-confidence", 1));
		assertThat(report.waitBuckets()).containsExactly(new Count("under1m", 0), new Count("1to5m", 1),
				new Count("5to15m", 0), new Count("15to60m", 0), new Count("over60m", 0), new Count("unclaimed", 1));
		assertThat(report.csat()).containsExactly(new Count("1", 0), new Count("2", 0), new Count("3", 1),
				new Count("4", 0), new Count("5", 1));
	}

	@Test
	void theCsvHasOneRowPerDay() {
		List<String> lines = List.of(AnalyticsCsv.daily(this.analytics.report(NOVEMBER_1_TO_3)).split("\r\n"));
		assertThat(lines).containsExactly(AnalyticsCsv.DAILY_HEADER,
				"2026-11-01,2,1,1,0.500,120.0,2,200.0,280.0,1,1,4.0,2", "2026-11-02,1,0,1,0.000,,0,,,0,0,,0",
				"2026-11-03,0,0,0,,,0,,,0,0,,0");
	}

	private UUID conversation(String createdAt, String rule, String waitingSince, String claimedAt, Integer csat) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into conversation (id, state, created_at, last_activity, escalation_rule, waiting_since,
				                          claimed_at, csat)
				values (?, ?, cast(? as timestamptz), cast(? as timestamptz), ?, cast(? as timestamptz),
				        cast(? as timestamptz), ?)
				""")
			.param(id)
			.param((rule == null) ? "BOT" : (claimedAt == null) ? "WAITING_FOR_AGENT" : "WITH_AGENT")
			.param(createdAt)
			.param(createdAt)
			.param(rule)
			.param(waitingSince)
			.param(claimedAt)
			.param(csat)
			.update();
		return id;
	}

	private void message(UUID conversation, int seq, String role, Integer totalMillis, String at) {
		String answer = (totalMillis == null) ? null
				: "{\"decision\": \"ANSWERED\", \"timings\": {\"embed\": 5, \"total\": " + totalMillis + "}}";
		this.jdbc.sql("""
				insert into conversation_message (conversation_id, seq, role, text, answer, created_at)
				values (?, ?, ?, 'text', cast(? as jsonb), cast(? as timestamptz))
				""").param(conversation).param(seq).param(role).param(answer).param(at).update();
	}

	private void feedback(UUID conversation, int seq, int rating, String at) {
		this.jdbc.sql("""
				insert into answer_feedback (conversation_id, message_seq, rating, created_at)
				values (?, ?, ?, cast(? as timestamptz))
				""").param(conversation).param(seq).param(rating).param(at).update();
	}

}
