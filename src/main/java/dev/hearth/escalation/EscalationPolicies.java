package dev.hearth.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.hearth.privacy.AuditTrail;

/**
 * The escalation policy in force: the newest version an admin saved, else the one built
 * from configuration. Every change is validated (names of configured endpoints, rule ids)
 * and written to the audit trail with the rules it changed. Reads are served from memory
 * and re-checked against the database at most once a second, so an edit made on another
 * replica takes effect within a second. Thread-safe.
 */
@Service
public class EscalationPolicies {

	private static final Duration RECHECK = Duration.ofSeconds(1);

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final AuditTrail audit;

	private final Policy configured;

	private final Set<String> endpoints;

	private volatile Cached cached;

	EscalationPolicies(JdbcClient jdbc, JsonMapper json, AuditTrail audit, EscalationProperties properties) {
		this.jdbc = jdbc;
		this.json = json;
		this.audit = audit;
		this.configured = DefaultPolicy.from(properties);
		this.endpoints = properties.approvedLlms()
			.stream()
			.map(EscalationProperties.ApprovedLlm::name)
			.collect(Collectors.toUnmodifiableSet());
	}

	private record Cached(int version, Policy policy, Instant checkedAt) {
	}

	/**
	 * The policy in force and where it comes from.
	 *
	 * @param version the saved version, or 0 for the configured policy
	 * @param policy the policy
	 * @param updatedBy who saved it ({@code configuration} for version 0)
	 * @param updatedAt when, or null for the configured policy
	 * @param comment the editor's note
	 */
	public record Versioned(int version, Policy policy, String updatedBy, Instant updatedAt, String comment) {
	}

	/** The policy in force. */
	public Policy current() {
		Cached now = this.cached;
		if (now == null || now.checkedAt().plus(RECHECK).isBefore(Instant.now())) {
			int version = this.jdbc.sql("select coalesce(max(version), 0) from escalation_policy")
				.query(Integer.class)
				.single();
			Policy policy = (now != null && now.version() == version) ? now.policy() : load(version);
			now = new Cached(version, policy, Instant.now());
			this.cached = now;
		}
		return now.policy();
	}

	/** The policy in force with its version. */
	public Versioned currentVersion() {
		List<Versioned> latest = history(1);
		return latest.isEmpty() ? new Versioned(0, this.configured, "configuration", null, null) : latest.get(0);
	}

	/** The saved versions, newest first. */
	public List<Versioned> history(int limit) {
		return this.jdbc.sql("""
				select version, policy::text, updated_by, updated_at, comment from escalation_policy
				order by version desc limit ?
				""")
			.param(limit)
			.query((rs, row) -> new Versioned(rs.getInt(1), this.json.readValue(rs.getString(2), Policy.class),
					rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5)))
			.list();
	}

	/** The policy built from configuration alone. */
	public Policy configured() {
		return this.configured;
	}

	/**
	 * Saves a new version, which takes effect at once.
	 * @throws IllegalArgumentException naming what is wrong, if the policy names an
	 * endpoint that is not configured or drops a built-in rule
	 */
	@Transactional
	public Versioned save(Policy policy, String actor, String comment) {
		validate(policy);
		Policy before = current();
		int version = this.jdbc.sql("""
				insert into escalation_policy (policy, updated_by, comment) values (cast(? as jsonb), ?, ?)
				returning version
				""")
			.param(this.json.writeValueAsString(policy))
			.param(actor)
			.param(comment)
			.query(Integer.class)
			.single();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("version", version);
		details.put("changed", changes(before, policy));
		if (comment != null) {
			details.put("comment", comment);
		}
		this.audit.record("POLICY_CHANGED", actor, "escalation-policy", details);
		this.cached = new Cached(version, policy, Instant.now());
		return new Versioned(version, policy, actor, Instant.now(), comment);
	}

	/**
	 * Goes back to the configured policy (saved as a new version, so history is kept).
	 */
	@Transactional
	public Versioned reset(String actor) {
		return save(this.configured, actor, "reset to the configured policy");
	}

	private void validate(Policy policy) {
		for (PolicyRule builtIn : DefaultPolicy.builtInRules()) {
			PolicyRule rule = policy.rule(builtIn.id())
				.orElseThrow(() -> new IllegalArgumentException(
						"the policy has no rule " + builtIn.id() + "; built-in rules can be disabled, not removed"));
			if (rule.kind() != builtIn.kind()) {
				throw new IllegalArgumentException(
						"rule " + rule.id() + " must keep its kind " + builtIn.kind() + ", got " + rule.kind());
			}
		}
		for (PolicyRule rule : policy.rules()) {
			if (rule.id().startsWith("topic:") != (rule.kind() == RuleKind.SENSITIVE_TOPIC)) {
				throw new IllegalArgumentException(
						"rule " + rule.id() + ": sensitive topics, and only they, have ids starting with 'topic:'");
			}
		}
		for (LlmPolicy llm : policy.llms()) {
			if (!this.endpoints.contains(llm.name())) {
				throw new IllegalArgumentException("approved LLM " + llm.name()
						+ " is not configured; operators add endpoints under hearth.escalation.approved-llms (configured: "
						+ this.endpoints + ")");
			}
		}
	}

	private static List<String> changes(Policy before, Policy after) {
		List<String> changed = new ArrayList<>();
		for (PolicyRule rule : after.rules()) {
			if (!before.rule(rule.id()).map(rule::equals).orElse(false)) {
				changed.add(rule.id());
			}
		}
		before.rules()
			.stream()
			.filter((r) -> after.rule(r.id()).isEmpty())
			.forEach((r) -> changed.add(r.id() + " (removed)"));
		if (!Objects.equals(before.businessHours(), after.businessHours())) {
			changed.add("business-hours");
		}
		for (LlmPolicy llm : after.llms()) {
			if (!before.llm(llm.name()).map(llm::equals).orElse(false)) {
				changed.add("llm:" + llm.name());
			}
		}
		return changed;
	}

	private Policy load(int version) {
		if (version == 0) {
			return this.configured;
		}
		String stored = this.jdbc.sql("select policy::text from escalation_policy where version = ?")
			.param(version)
			.query(String.class)
			.single();
		return this.json.readValue(stored, Policy.class);
	}

}
