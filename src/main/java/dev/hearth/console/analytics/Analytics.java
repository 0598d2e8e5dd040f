package dev.hearth.console.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
 * The analytics read model: three aggregate queries per report, however long the range
 * and however many conversations it holds (conversations, answers, ratings; each reads
 * its rows once and groups them by several keys at a time with grouping sets), in one
 * read-only transaction so the figures agree with each other. Reads only the conversation
 * module's report views ({@code conversation_report}, {@code answer_report},
 * {@code answer_rating_report}, see {@code db/V12__read_models.sql}), never its tables.
 * Thread-safe.
 */
@Service
class Analytics {

	/** Wait buckets: label and upper bound in seconds (exclusive). */
	static final List<Map.Entry<String, Long>> WAIT_BUCKETS = List.of(Map.entry("under1m", 60L),
			Map.entry("1to5m", 300L), Map.entry("5to15m", 900L), Map.entry("15to60m", 3600L),
			Map.entry("over60m", Long.MAX_VALUE));

	/**
	 * Conversations that started in the range and in which the customer wrote, grouped by
	 * day, by escalation rule, by satisfaction rating, and all together.
	 */
	private static final String CONVERSATIONS = """
			with conv as (
			    select cast(c.created_at at time zone 'UTC' as date) as day, c.escalation_rule, c.csat,
			           c.wait_seconds as wait
			    from conversation_report c
			    where c.created_at >= :start and c.created_at < :end
			)
			select grouping(day) as no_day, grouping(escalation_rule) as no_rule, grouping(csat) as no_csat,
			       day, escalation_rule, csat,
			       count(*) as n, count(*) filter (where escalation_rule is null) as bot,
			       count(*) filter (where escalation_rule is not null) as handed,
			       percentile_cont(0.5) within group (order by wait) as wait_p50,
			       avg(csat) as csat_avg, count(csat) as csat_n,
			       count(*) filter (where wait < 60) as under1m,
			       count(*) filter (where wait >= 60 and wait < 300) as "1to5m",
			       count(*) filter (where wait >= 300 and wait < 900) as "5to15m",
			       count(*) filter (where wait >= 900 and wait < 3600) as "15to60m",
			       count(*) filter (where wait >= 3600) as over60m,
			       count(*) filter (where escalation_rule is not null and wait is null) as unclaimed
			from conv
			group by grouping sets ((day), (escalation_rule), (csat), ())
			""";

	/** The bot's answers given in the range, by day and all together. */
	private static final String ANSWERS = """
			select grouping(day) as no_day, day, count(*) as n,
			       percentile_cont(0.5) within group (order by millis) as p50,
			       percentile_cont(0.9) within group (order by millis) as p90
			from (
			    select cast(a.created_at at time zone 'UTC' as date) as day, a.total_millis as millis
			    from answer_report a
			    where a.created_at >= :start and a.created_at < :end
			) ans
			group by grouping sets ((day), ())
			""";

	/** Thumbs up and down given in the range, by day and all together. */
	private static final String RATINGS = """
			select grouping(day) as no_day, day, count(*) filter (where rating > 0) as up,
			       count(*) filter (where rating < 0) as down
			from (
			    select cast(f.created_at at time zone 'UTC' as date) as day, f.rating
			    from answer_rating_report f
			    where f.created_at >= :start and f.created_at < :end
			) fb
			group by grouping sets ((day), ())
			""";

	private final JdbcClient jdbc;

	Analytics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public AnalyticsReport report(DateRange range) {
		// The planner overestimates these aggregates and would JIT-compile each query,
		// which costs more than running it.
		this.jdbc.sql("set local jit = off").update();
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("start", Timestamp.from(range.start()));
		params.put("end", Timestamp.from(range.end()));

		Map<LocalDate, ConversationFigures> conversationsByDay = new HashMap<>();
		ConversationFigures[] allConversations = { ConversationFigures.NONE };
		Map<String, Long> wait = new LinkedHashMap<>();
		List<Count> rules = new ArrayList<>();
		Map<Integer, Long> ratings = new HashMap<>();
		this.jdbc.sql(CONVERSATIONS).params(params).query((RowCallbackHandler) (rs) -> {
			if (rs.getInt("no_day") == 0) {
				conversationsByDay.put(rs.getObject("day", LocalDate.class), ConversationFigures.of(rs));
			}
			else if (rs.getInt("no_rule") == 0) {
				if (rs.getString("escalation_rule") != null) {
					rules.add(new Count(rs.getString("escalation_rule"), rs.getLong("n")));
				}
			}
			else if (rs.getInt("no_csat") == 0) {
				if (rs.getObject("csat") != null) {
					ratings.put(rs.getInt("csat"), rs.getLong("n"));
				}
			}
			else {
				allConversations[0] = ConversationFigures.of(rs);
				for (Map.Entry<String, Long> bucket : WAIT_BUCKETS) {
					wait.put(bucket.getKey(), rs.getLong(bucket.getKey()));
				}
				wait.put("unclaimed", rs.getLong("unclaimed"));
			}
		});

		Map<LocalDate, AnswerFigures> answersByDay = new HashMap<>();
		AnswerFigures[] allAnswers = { AnswerFigures.NONE };
		this.jdbc.sql(ANSWERS).params(params).query((RowCallbackHandler) (rs) -> {
			AnswerFigures figures = new AnswerFigures(rs.getLong("n"), nullableDouble(rs, "p50"),
					nullableDouble(rs, "p90"));
			if (rs.getInt("no_day") == 0) {
				answersByDay.put(rs.getObject("day", LocalDate.class), figures);
			}
			else {
				allAnswers[0] = figures;
			}
		});

		Map<LocalDate, long[]> thumbsByDay = new HashMap<>();
		long[] allThumbs = { 0, 0 };
		this.jdbc.sql(RATINGS).params(params).query((RowCallbackHandler) (rs) -> {
			long[] thumbs = (rs.getInt("no_day") == 0)
					? thumbsByDay.computeIfAbsent(rs.getObject("day", LocalDate.class), (d) -> new long[2]) : allThumbs;
			thumbs[0] = rs.getLong("up");
			thumbs[1] = rs.getLong("down");
		});

		List<Day> days = new ArrayList<>();
		for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
			ConversationFigures c = conversationsByDay.getOrDefault(day, ConversationFigures.NONE);
			AnswerFigures a = answersByDay.getOrDefault(day, AnswerFigures.NONE);
			long[] t = thumbsByDay.getOrDefault(day, new long[2]);
			days.add(new Day(day, c.conversations(), c.botResolved(), c.handedOff(), c.medianWaitSeconds(), a.answers(),
					a.p50(), a.p90(), t[0], t[1], c.csatAverage(), c.csatResponses()));
		}
		ConversationFigures c = allConversations[0];
		AnswerFigures a = allAnswers[0];
		Totals totals = new Totals(c.conversations(), c.botResolved(), c.handedOff(), a.answers(), a.p50(), a.p90(),
				c.medianWaitSeconds(), allThumbs[0], allThumbs[1], c.csatAverage(), c.csatResponses());
		rules.sort((x, y) -> (x.count() != y.count()) ? Long.compare(y.count(), x.count())
				: x.label().compareTo(y.label()));
		List<Count> waits = new ArrayList<>();
		for (Map.Entry<String, Long> bucket : WAIT_BUCKETS) {
			waits.add(new Count(bucket.getKey(), wait.getOrDefault(bucket.getKey(), 0L)));
		}
		waits.add(new Count("unclaimed", wait.getOrDefault("unclaimed", 0L)));
		List<Count> csat = new ArrayList<>();
		for (int rating = 1; rating <= 5; rating++) {
			csat.add(new Count(String.valueOf(rating), ratings.getOrDefault(rating, 0L)));
		}
		return new AnalyticsReport(range, days, totals, rules, waits, csat);
	}

	private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	private record ConversationFigures(long conversations, long botResolved, long handedOff, Double medianWaitSeconds,
			Double csatAverage, long csatResponses) {

		static final ConversationFigures NONE = new ConversationFigures(0, 0, 0, null, null, 0);

		static ConversationFigures of(ResultSet rs) throws SQLException {
			return new ConversationFigures(rs.getLong("n"), rs.getLong("bot"), rs.getLong("handed"),
					nullableDouble(rs, "wait_p50"), nullableDouble(rs, "csat_avg"), rs.getLong("csat_n"));
		}

	}

	private record AnswerFigures(long answers, Double p50, Double p90) {

		static final AnswerFigures NONE = new AnswerFigures(0, null, null);

	}

}
