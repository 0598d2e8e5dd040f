package dev.hearth.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The agents' inbox as a read model of this module: handed-over conversations (waiting or
 * with an agent), highest priority and longest waiting first, in one query with
 * everything a row shows (no query per row). At most {@link #LIMIT} rows: a queue longer
 * than that needs more agents, not more scrolling. The console shows it; only this module
 * knows which columns and summary fields it is made of. Thread-safe.
 */
@Component
public class AgentInbox {

	/** The most rows {@link #rows} returns. */
	public static final int LIMIT = 200;

	private final JdbcClient jdbc;

	private final SummarySeal seal;

	private final tools.jackson.databind.json.JsonMapper json;

	AgentInbox(JdbcClient jdbc, SummarySeal seal, tools.jackson.databind.json.JsonMapper json) {
		this.jdbc = jdbc;
		this.seal = seal;
		this.json = json;
	}

	/** Which conversations a page shows. */
	public enum Filter {

		/** Assigned to the signed-in agent. */
		MINE,
		/** Waiting, nobody's yet. */
		UNASSIGNED,
		/** Both, and those of other agents. */
		ALL;

		/**
		 * The filter with this name, ignoring case and surrounding blanks.
		 * @throws IllegalArgumentException naming the allowed values when there is none
		 */
		public static Filter of(String name) {
			try {
				return valueOf(name.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				throw new IllegalArgumentException("filter must be mine, unassigned or all, got '" + name + "'");
			}
		}

		/** The name as it appears in a URL. */
		public String param() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * A row of the inbox.
	 *
	 * @param id the conversation
	 * @param state {@link ConversationState#WAITING_FOR_AGENT} or
	 * {@link ConversationState#WITH_AGENT}
	 * @param priority higher first
	 * @param waitingSince when it was handed over
	 * @param slaDueAt when a person should have answered
	 * @param agent who has it, or {@code null}
	 * @param rule the escalation rule that fired
	 * @param reason why
	 * @param question the customer's question from the handoff summary, or {@code null}
	 */
	public record Row(UUID id, ConversationState state, int priority, Instant waitingSince, Instant slaDueAt,
			String agent, String rule, String reason, String question) {

		/** This row with its reason and question passed through {@code mask}. */
		public Row masked(java.util.function.UnaryOperator<String> mask) {
			return new Row(this.id, this.state, this.priority, this.waitingSince, this.slaDueAt, this.agent, this.rule,
					(this.reason != null) ? mask.apply(this.reason) : null,
					(this.question != null) ? mask.apply(this.question) : null);
		}

		/** Whether nobody has it yet. */
		public boolean waiting() {
			return this.state == ConversationState.WAITING_FOR_AGENT;
		}

		/** Minutes waited so far. */
		public long waitingMinutes(Instant now) {
			return (this.waitingSince != null) ? Duration.between(this.waitingSince, now).toMinutes() : 0;
		}

		/** Minutes until the SLA is due; negative once it is breached. */
		public long slaMinutes(Instant now) {
			return (this.slaDueAt != null) ? Duration.between(now, this.slaDueAt).toMinutes() : Long.MAX_VALUE;
		}

	}

	/**
	 * At most {@link #LIMIT} rows.
	 * @param filter which conversations
	 * @param agent the signed-in agent, for {@link Filter#MINE}
	 */
	public List<Row> rows(Filter filter, String agent) {
		String where = switch (filter) {
			case MINE -> "state = 'WITH_AGENT' and assigned_agent = :agent";
			case UNASSIGNED -> "state = 'WAITING_FOR_AGENT'";
			case ALL -> "state in ('WAITING_FOR_AGENT', 'WITH_AGENT')";
		};
		var sql = this.jdbc.sql("""
				select id, state, priority, waiting_since, sla_due_at, assigned_agent, escalation_rule,
				       escalation_reason, enc_key, summary #>> '{}' as summary
				from conversation where %s
				order by priority desc, waiting_since
				limit %d
				""".formatted(where, LIMIT));
		if (filter == Filter.MINE) {
			sql = sql.param("agent", agent);
		}
		return sql.query(this::row).list();
	}

	private Row row(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		// the summary is sealed: open it here to show the customer's question
		String summary = this.seal.open(rs.getString("enc_key"), "summary", id, rs.getString("summary"));
		tools.jackson.databind.JsonNode question = (summary != null) ? this.json.readTree(summary).get("question")
				: null;
		return new Row(rs.getObject("id", UUID.class), ConversationState.valueOf(rs.getString("state")),
				rs.getInt("priority"), instant(rs.getTimestamp("waiting_since")),
				instant(rs.getTimestamp("sla_due_at")), rs.getString("assigned_agent"), rs.getString("escalation_rule"),
				rs.getString("escalation_reason"),
				(question != null && !question.isNull()) ? question.asString() : null);
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
