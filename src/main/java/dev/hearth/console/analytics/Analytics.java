package dev.hearth.console.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.hearth.console.analytics.AnalyticsReport.Count;
import dev.hearth.console.analytics.AnalyticsReport.Day;
import dev.hearth.console.analytics.AnalyticsReport.Totals;

/**
 * The analytics read model: a fixed number of aggregate queries per report (five, however
 * long the range and however many conversations it holds), all in one read-only
 * transaction so the figures agree with each other. Reads the conversation,
 * conversation_message and answer_feedback tables. Thread-safe.
 */
@Service
class Analytics {

	/** Wait buckets: label and upper bound in seconds (exclusive). */
	static final List<Map.Entry<String, Long>> WAIT_BUCKETS = List.of(Map.entry("under1m", 60L),
			Map.entry("1to5m", 300L), Map.entry("5to15m", 900L), Map.entry("15to60m", 3600L),
			Map.entry("over60m", Long.MAX_VALUE));

	private static final String SOURCES = """
			with conv as (
			    select cast(c.created_at at time zone 'UTC' as date) as day, c.escalation_rule, c.csat,
			           cast(extract(epoch from (c.claimed_at - c.waiting_since)) as double precision) as wait
			    from conversation c
			    where c.created_at >= :start and c.created_at < :end
			      and exists (select 1 from conversation_message m where m.conversation_id = c.id and m.role = 'CUSTOMER')
			), ans as (
			    select cast(m.created_at at time zone 'UTC' as date) as day,
			           cast(m.answer #>> '{timings,total}' as double precision) as millis
			    from conversation_message m
			    where m.role = 'ASSISTANT' and m.answer is not null and m.created_at >= :start and m.created_at < :end
			), fb as (
			    select cast(f.created_at at time zone 'UTC' as date) as day, f.rating
			    from answer_feedback f
			    where f.created_at >= :start and f.created_at < :end
			)
			""";

	private static final String DAILY = SOURCES
			+ """
					, days as (
					    select cast(g as date) as day from generate_series(cast(:from as date), cast(:to as date), interval '1 day') g
					), cd as (
					    select day, count(*) as n, count(*) filter (where escalation_rule is null) as bot,
					           count(*) filter (where escalation_rule is not null) as handed,
					           percentile_cont(0.5) within group (order by wait) as wait_p50,
					           avg(csat) as csat_avg, count(csat) as csat_n
					    from conv group by day
					), ad as (
					    select day, count(*) as n, percentile_cont(0.5) within group (order by millis) as p50,
					           percentile_cont(0.9) within group (order by millis) as p90
					    from ans group by day
					), fd as (
					    select day, count(*) filter (where rating > 0) as up, count(*) filter (where rating < 0) as down
					    from fb group by day
					)
					select days.day, coalesce(cd.n, 0) as n, coalesce(cd.bot, 0) as bot, coalesce(cd.handed, 0) as handed,
					       cd.wait_p50, coalesce(ad.n, 0) as answers, ad.p50, ad.p90, coalesce(fd.up, 0) as up,
					       coalesce(fd.down, 0) as down, cd.csat_avg, coalesce(cd.csat_n, 0) as csat_n
					from days left join cd on cd.day = days.day left join ad on ad.day = days.day
					     left join fd on fd.day = days.day
					order by days.day
					""";

	private static final String TOTALS = SOURCES + """
			select (select count(*) from conv) as n,
			       (select count(*) from conv where escalation_rule is null) as bot,
			       (select count(*) from conv where escalation_rule is not null) as handed,
			       (select count(*) from ans) as answers,
			       (select percentile_cont(0.5) within group (order by millis) from ans) as p50,
			       (select percentile_cont(0.9) within group (order by millis) from ans) as p90,
			       (select percentile_cont(0.5) within group (order by wait) from conv) as wait_p50,
			       (select count(*) from fb where rating > 0) as up,
			       (select count(*) from fb where rating < 0) as down,
			       (select avg(csat) from conv) as csat_avg,
			       (select count(csat) from conv) as csat_n
			""";

	private static final String RULES = SOURCES + """
			select escalation_rule as label, count(*) as n from conv where escalation_rule is not null
			group by escalation_rule order by n desc, escalation_rule
			""";

	private static final String WAITS = SOURCES + """
			select count(*) filter (where wait < 60) as under1m,
			       count(*) filter (where wait >= 60 and wait < 300) as "1to5m",
			       count(*) filter (where wait >= 300 and wait < 900) as "5to15m",
			       count(*) filter (where wait >= 900 and wait < 3600) as "15to60m",
			       count(*) filter (where wait >= 3600) as over60m,
			       count(*) filter (where escalation_rule is not null and wait is null) as unclaimed
			from conv
			""";

	private static final String CSAT = SOURCES + """
			select csat, count(*) as n from conv where csat is not null group by csat
			""";

	private final JdbcClient jdbc;

	Analytics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	AnalyticsReport report(DateRange range) {
		Map<String, Object> params = params(range);
		List<Day> days = this.jdbc.sql(DAILY).params(params).query(Analytics::day).list();
		Totals totals = this.jdbc.sql(TOTALS).params(params).query(Analytics::totals).single();
		List<Count> rules = this.jdbc.sql(RULES)
			.params(params)
			.query((rs, row) -> new Count(rs.getString("label"), rs.getLong("n")))
			.list();
		List<Count> waits = this.jdbc.sql(WAITS).params(params).query((rs, row) -> {
			List<Count> buckets = new ArrayList<>();
			for (Map.Entry<String, Long> bucket : WAIT_BUCKETS) {
				buckets.add(new Count(bucket.getKey(), rs.getLong(bucket.getKey())));
			}
			buckets.add(new Count("unclaimed", rs.getLong("unclaimed")));
			return buckets;
		}).single();
		Map<Integer, Long> ratings = new LinkedHashMap<>();
		this.jdbc.sql(CSAT)
			.params(params)
			.query((RowCallbackHandler) (rs) -> ratings.put(rs.getInt("csat"), rs.getLong("n")));
		List<Count> csat = new ArrayList<>();
		for (int rating = 1; rating <= 5; rating++) {
			csat.add(new Count(String.valueOf(rating), ratings.getOrDefault(rating, 0L)));
		}
		return new AnalyticsReport(range, days, totals, rules, waits, csat);
	}

	private static Map<String, Object> params(DateRange range) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("start", Timestamp.from(range.start()));
		params.put("end", Timestamp.from(range.end()));
		params.put("from", range.from().toString());
		params.put("to", range.to().toString());
		return params;
	}

	private static Day day(ResultSet rs, int row) throws SQLException {
		return new Day(rs.getObject("day", java.time.LocalDate.class), rs.getLong("n"), rs.getLong("bot"),
				rs.getLong("handed"), nullableDouble(rs, "wait_p50"), rs.getLong("answers"), nullableDouble(rs, "p50"),
				nullableDouble(rs, "p90"), rs.getLong("up"), rs.getLong("down"), nullableDouble(rs, "csat_avg"),
				rs.getLong("csat_n"));
	}

	private static Totals totals(ResultSet rs, int row) throws SQLException {
		return new Totals(rs.getLong("n"), rs.getLong("bot"), rs.getLong("handed"), rs.getLong("answers"),
				nullableDouble(rs, "p50"), nullableDouble(rs, "p90"), nullableDouble(rs, "wait_p50"), rs.getLong("up"),
				rs.getLong("down"), nullableDouble(rs, "csat_avg"), rs.getLong("csat_n"));
	}

	private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

}
