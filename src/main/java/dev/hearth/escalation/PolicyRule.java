package dev.hearth.escalation;

import java.util.List;
import java.util.regex.Pattern;

import dev.hearth.privacy.PiiClass;

/**
 * One escalation rule as configured or edited by an admin.
 *
 * @param id stable name, recorded with every decision it takes (e.g.
 * {@code customer-asked-for-person}, {@code topic:legal-threat})
 * @param kind what it looks at
 * @param enabled whether it is evaluated
 * @param action where it sends the conversation
 * @param priority queue priority of the handoff; of several rules firing on one turn the
 * highest wins
 * @param phrases for {@link RuleKind#SENSITIVE_TOPIC}: words or phrases,
 * case-insensitive, a trailing {@code *} matches any ending; empty otherwise
 * @param dataClasses for {@link RuleKind#REGULATED_DATA}: the kinds of personal data that
 * make it fire
 * @param limit for {@link RuleKind#REPHRASING} (repeats), {@link RuleKind#TURN_LIMIT}
 * (messages) and {@link RuleKind#NEGATIVE_SENTIMENT} (score); 0 otherwise
 */
public record PolicyRule(String id, RuleKind kind, boolean enabled, EscalationDecision.Action action, int priority,
		List<String> phrases, List<PiiClass> dataClasses, int limit) {

	private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]*(:[A-Za-z0-9_-]+)?");

	public PolicyRule {
		if (id == null || !ID.matcher(id).matches()) {
			throw new IllegalArgumentException("rule id '" + id
					+ "' must be lower-case letters, digits, '-' or '_', optionally followed by ':' and a name, e.g. topic:legal-threat");
		}
		if (kind == null) {
			throw new IllegalArgumentException("rule " + id + " needs a kind, one of " + List.of(RuleKind.values()));
		}
		if (action == null) {
			throw new IllegalArgumentException(
					"rule " + id + " needs an action, one of " + List.of(EscalationDecision.Action.values()));
		}
		if (priority < 0 || priority > 9) {
			throw new IllegalArgumentException("rule " + id + ": priority must be 0 to 9, got " + priority);
		}
		phrases = (phrases != null) ? List.copyOf(phrases) : List.of();
		// in the enum's order, so that an edit that only reorders them changes nothing
		dataClasses = (dataClasses != null) ? dataClasses.stream().distinct().sorted().toList() : List.of();
		if (kind == RuleKind.SENSITIVE_TOPIC && enabled && phrases.isEmpty()) {
			throw new IllegalArgumentException("topic rule " + id + " needs at least one phrase");
		}
		for (String phrase : phrases) {
			if (phrase == null || phrase.isBlank() || phrase.length() > 100) {
				throw new IllegalArgumentException("rule " + id + ": every phrase must have 1 to 100 characters");
			}
		}
		if (kind == RuleKind.REGULATED_DATA && enabled && dataClasses.isEmpty()) {
			throw new IllegalArgumentException(
					"rule " + id + " needs at least one data class, one of " + List.of(PiiClass.values()));
		}
		boolean limited = kind == RuleKind.REPHRASING || kind == RuleKind.TURN_LIMIT
				|| kind == RuleKind.NEGATIVE_SENTIMENT;
		if (limited && enabled && (limit < 1 || limit > 100)) {
			throw new IllegalArgumentException("rule " + id + ": limit must be 1 to 100, got " + limit);
		}
	}

	/** This rule with another switch, action and priority. */
	PolicyRule with(boolean enabled, EscalationDecision.Action action, int priority) {
		return new PolicyRule(this.id, this.kind, enabled, action, priority, this.phrases, this.dataClasses,
				this.limit);
	}

}
