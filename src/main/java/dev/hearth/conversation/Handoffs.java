package dev.hearth.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.hearth.escalation.EscalationDecision;
import dev.hearth.escalation.HandoffMode;
import dev.hearth.escalation.HandoffSummary;
import dev.hearth.escalation.PersonRequests;
import dev.hearth.escalation.TrainingExamples;
import dev.hearth.identity.Agents;
import dev.hearth.privacy.AuditTrail;

/**
 * The conversation state machine's transitions for human handoff: hand off (BOT →
 * WAITING_FOR_AGENT), claim (→ WITH_AGENT), reply, transfer and resolve (→ RESOLVED).
 * Each is one conditional UPDATE, so when two agents claim the same conversation at once,
 * exactly one wins; each emits an event. Thread-safe.
 */
@Service
public class Handoffs {

	private final JdbcClient jdbc;

	private final Conversations conversations;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final Duration sla;

	private final AuditTrail audit;

	private final TrainingExamples training;

	private final Agents agents;

	private final ConversationMetrics metrics;

	private final ObservationRegistry observations;

	private final SummarySeal seal;

	Handoffs(JdbcClient jdbc, Conversations conversations, ApplicationEventPublisher events, JsonMapper json,
			ConversationProperties properties, AuditTrail audit, TrainingExamples training, Agents agents,
			ConversationMetrics metrics, ObjectProvider<ObservationRegistry> observations, SummarySeal seal) {
		this.seal = seal;
		this.observations = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
		this.agents = agents;
		this.metrics = metrics;
		this.jdbc = jdbc;
		this.audit = audit;
		this.training = training;
		this.conversations = conversations;
		this.events = events;
		this.json = json;
		this.sla = properties.handoffSla();
	}

	public ConversationState state(UUID conversation) {
		List<String> states = this.jdbc.sql("select state from conversation where id = ?")
			.param(conversation)
			.query(String.class)
			.list();
		if (states.isEmpty()) {
			throw new ConversationNotFoundException(conversation);
		}
		return ConversationState.valueOf(states.get(0));
	}

	/**
	 * Puts a conversation the bot handles (or one that ended earlier) in the agents'
	 * queue, live or as a ticket; returns false if a person already has it.
	 */
	@Transactional
	public boolean handOff(UUID conversation, EscalationDecision decision, HandoffSummary summary, HandoffMode mode) {
		return Observation.createNotStarted("hearth.handoff", this.observations)
			.contextualName("hand off")
			.lowCardinalityKeyValue("mode", mode.name().toLowerCase(java.util.Locale.ROOT))
			.observe(() -> queue(conversation, decision, summary, mode));
	}

	private boolean queue(UUID conversation, EscalationDecision decision, HandoffSummary summary, HandoffMode mode) {
		Instant now = Instant.now();
		int changed = this.jdbc
			.sql("""
					update conversation set state = 'WAITING_FOR_AGENT', assigned_agent = null, priority = ?, waiting_since = ?, sla_due_at = ?,
					    escalation_rule = ?, escalation_reason = ?, enc_key = ?, summary = to_jsonb(cast(? as text)),
					    handoff_mode = ?, claimed_at = null, draft = null, last_activity = now()
					where id = ? and state in ('BOT', 'RESOLVED', 'ABANDONED', 'CLOSED')
					""")
			.param(decision.priority())
			.param(Timestamp.from(now))
			.param(Timestamp.from(now.plus(this.sla)))
			.param(decision.rule())
			.param(decision.reason())
			.param(this.seal.activeKey())
			.param(this.seal.seal(this.seal.activeKey(), "summary", conversation,
					this.json.writeValueAsString(summary)))
			.param(mode.name())
			.param(conversation)
			.update();
		if (changed == 1) {
			this.audit.record("HANDOFF", "hearth", conversation.toString(),
					Map.of("rule", decision.rule(), "fired", decision.fired(), "reason", decision.reason(), "priority",
							decision.priority(), "mode", mode.name()));
			this.events.publishEvent(
					new ConversationHandedOff(conversation, decision.rule(), decision.priority(), mode.name()));
		}
		return changed == 1;
	}

	/**
	 * The conversation's place in the agents' queue (1 is next), counting the waiting
	 * conversations served before it: higher priority, or the same priority and waiting
	 * longer. 0 when it is not waiting.
	 */
	public int queuePosition(UUID conversation) {
		return this.jdbc
			.sql("""
					select case when c.state <> 'WAITING_FOR_AGENT' then 0 else
					  (select count(*) from conversation o
					   where o.state = 'WAITING_FOR_AGENT' and o.id <> c.id
					     and (o.priority > c.priority or (o.priority = c.priority and o.waiting_since < c.waiting_since))) + 1
					end
					from conversation c where c.id = ?
					""")
			.param(conversation)
			.query(Integer.class)
			.optional()
			.orElseThrow(() -> new ConversationNotFoundException(conversation));
	}

	/**
	 * Keeps an approved model's draft answer for the agent who takes the conversation.
	 */
	@Transactional
	public void attachDraft(UUID conversation, String endpoint, String text) {
		// summary and draft share the row's key: re-seal the summary with the active key
		// beside the new draft
		List<String[]> rows = this.jdbc
			.sql("select enc_key, summary #>> '{}' from conversation where id = ? for update")
			.param(conversation)
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		if (rows.isEmpty()) {
			return;
		}
		String key = this.seal.activeKey();
		String summary = this.seal.open(rows.get(0)[0], "summary", conversation, rows.get(0)[1]);
		String draft = this.json
			.writeValueAsString(new StoredDraft(StoredDraft.SCHEMA_VERSION, text, endpoint, Instant.now()));
		this.jdbc
			.sql("""
					update conversation set enc_key = ?, summary = to_jsonb(cast(? as text)), draft = to_jsonb(cast(? as text))
					where id = ?
					""")
			.param(key)
			.param(this.seal.seal(key, "summary", conversation, summary))
			.param(this.seal.seal(key, "draft", conversation, draft))
			.param(conversation)
			.update();
	}

	/** The draft answer for the agent, if a model wrote one. */
	public java.util.Optional<AgentDraft> draft(UUID conversation) {
		find(conversation);
		return this.jdbc.sql("select enc_key, draft #>> '{}' from conversation where id = ? and draft is not null")
			.param(conversation)
			.query((rs, row) -> this.seal.open(rs.getString(1), "draft", conversation, rs.getString(2)))
			.optional()
			.map((text) -> this.json.readValue(text, AgentDraft.class));
	}

	@Transactional
	public QueuedConversation claim(UUID conversation, String agent) {
		Optional<Double> waited = this.jdbc
			.sql("""
					update conversation set state = 'WITH_AGENT', assigned_agent = ?, claimed_at = now(), last_activity = now()
					where id = ? and state = 'WAITING_FOR_AGENT'
					returning extract(epoch from claimed_at - waiting_since)
					""")
			.param(agent)
			.param(conversation)
			.query(Double.class)
			.optional();
		if (waited.isEmpty()) {
			QueuedConversation current = find(conversation);
			throw new HandoffConflictException((current.assignedAgent() != null)
					? "This conversation was already claimed by " + current.assignedAgent() + "."
					: "This conversation is not waiting for an agent (it is " + current.state() + ").");
		}
		if (waited.get() != null) {
			this.metrics.claimedAfter(Duration.ofMillis(Math.round(waited.get() * 1000)));
		}
		this.audit.record("CLAIM", agent, conversation.toString(), Map.of());
		this.events.publishEvent(new ConversationClaimed(conversation, agent));
		return find(conversation);
	}

	/**
	 * The owning agent's reply, shown to the customer under the agent's display name (the
	 * username only when the agent has none).
	 */
	@Transactional
	public Message reply(UUID conversation, String agent, String text) {
		return reply(conversation, agent, displayName(agent), text);
	}

	/** The name the customer sees for an agent: the display name, else the username. */
	public String displayName(String agent) {
		return this.agents.displayName(agent).orElse(agent);
	}

	/**
	 * The owning agent's reply, shown to the customer under {@code author} (the agent's
	 * display name, e.g. from the console's sign-in).
	 */
	@Transactional
	public Message reply(UUID conversation, String agent, String author, String text) {
		requireOwner(conversation, agent);
		Message message = this.conversations.addAgentMessage(conversation, text, author);
		this.audit.record("AGENT_REPLY", agent, conversation.toString(), Map.of("seq", message.seq()));
		return message;
	}

	/**
	 * The owner gives the conversation to another agent.
	 * @throws UnknownAgentException (400) when {@code toAgent} is no known agent
	 */
	@Transactional
	public QueuedConversation transfer(UUID conversation, String agent, String toAgent) {
		requireAgent(toAgent);
		requireOwner(conversation, agent);
		this.jdbc.sql("update conversation set assigned_agent = ?, last_activity = now() where id = ?")
			.param(toAgent)
			.param(conversation)
			.update();
		this.audit.record("TRANSFER", agent, conversation.toString(), Map.of("to", toAgent));
		this.events.publishEvent(new ConversationClaimed(conversation, toAgent));
		return find(conversation);
	}

	/**
	 * A supervisor gives a waiting or assigned conversation to an agent (who need not
	 * have claimed it); recorded under the supervisor's name.
	 * @throws UnknownAgentException (400) when {@code toAgent} is no known agent
	 */
	@Transactional
	public QueuedConversation assign(UUID conversation, String supervisor, String toAgent) {
		requireAgent(toAgent);
		int changed = this.jdbc.sql("""
				update conversation set state = 'WITH_AGENT', assigned_agent = ?, last_activity = now()
				where id = ? and state in ('WAITING_FOR_AGENT', 'WITH_AGENT')
				""").param(toAgent).param(conversation).update();
		if (changed == 0) {
			QueuedConversation current = find(conversation);
			throw new HandoffConflictException(
					"Only a waiting or assigned conversation can be assigned: it is " + current.state() + ".");
		}
		this.audit.record("ASSIGN", supervisor, conversation.toString(), Map.of("to", toAgent));
		this.events.publishEvent(new ConversationClaimed(conversation, toAgent));
		return find(conversation);
	}

	@Transactional
	public QueuedConversation resolve(UUID conversation, String agent, String outcome) {
		requireOwner(conversation, agent);
		this.jdbc.sql("""
				update conversation set state = 'RESOLVED', resolved_at = now(), outcome = ?, last_activity = now()
				where id = ?
				""").param(outcome).param(conversation).update();
		this.audit.record("RESOLVE", agent, conversation.toString(), Map.of("outcome", outcome));
		QueuedConversation resolved = find(conversation);
		String question = learnedQuestion(conversation, resolved.summary().question());
		this.conversations.lastAgentMessage(conversation)
			.ifPresent(
					(answer) -> this.training.keep(conversation, "AGENT", (question != null) ? question : "", answer));
		this.events.publishEvent(new ConversationResolved(conversation, agent, outcome));
		return find(conversation);
	}

	/**
	 * The question an agent's last answer is learned with: the handover's question, or,
	 * when the customer only asked for a person and asked nothing before, their last
	 * message before the agent's last answer ({@code null} when there is none).
	 */
	private String learnedQuestion(UUID conversation, String summarised) {
		if (summarised == null || !PersonRequests.onlyAsksForPerson(summarised)) {
			return summarised;
		}
		String asked = null;
		String answered = null;
		for (Message message : this.conversations.transcript(conversation)) {
			if (message.role() == MessageRole.CUSTOMER && !PersonRequests.onlyAsksForPerson(message.text())) {
				asked = message.text();
			}
			else if (message.role() == MessageRole.AGENT && asked != null) {
				answered = asked;
			}
		}
		return answered;
	}

	/** Waiting and assigned conversations, highest priority and longest waiting first. */
	public List<QueuedConversation> queue() {
		return this.jdbc.sql("""
				select id, state, priority, waiting_since, sla_due_at, assigned_agent, escalation_rule,
				       escalation_reason, enc_key, summary #>> '{}' as summary, handoff_mode
				from conversation where state in ('WAITING_FOR_AGENT', 'WITH_AGENT')
				order by priority desc, waiting_since
				""").query(this::queued).list();
	}

	public QueuedConversation find(UUID conversation) {
		return this.jdbc.sql("""
				select id, state, priority, waiting_since, sla_due_at, assigned_agent, escalation_rule,
				       escalation_reason, enc_key, summary #>> '{}' as summary, handoff_mode
				from conversation where id = ?
				""")
			.param(conversation)
			.query(this::queued)
			.optional()
			.orElseThrow(() -> new ConversationNotFoundException(conversation));
	}

	private void requireAgent(String agent) {
		if (!this.agents.exists(agent)) {
			throw new UnknownAgentException(agent);
		}
	}

	private void requireOwner(UUID conversation, String agent) {
		QueuedConversation current = find(conversation);
		if (current.state() != ConversationState.WITH_AGENT) {
			throw new HandoffConflictException(
					"Claim the conversation first: it is " + current.state() + ", not WITH_AGENT.");
		}
		if (!agent.equals(current.assignedAgent())) {
			throw new HandoffConflictException("This conversation belongs to " + current.assignedAgent() + ".");
		}
	}

	private QueuedConversation queued(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		String summary = this.seal.open(rs.getString("enc_key"), "summary", id, rs.getString("summary"));
		return new QueuedConversation(rs.getObject("id", UUID.class), ConversationState.valueOf(rs.getString("state")),
				rs.getInt("priority"), instant(rs, "waiting_since"), instant(rs, "sla_due_at"),
				rs.getString("assigned_agent"), rs.getString("escalation_rule"), rs.getString("escalation_reason"),
				(summary != null) ? this.json.readValue(summary, QueuedConversation.Summary.class)
						: QueuedConversation.Summary.EMPTY,
				rs.getString("handoff_mode"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
