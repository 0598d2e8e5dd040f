package dev.hearth.escalation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hearth.escalation.EscalationDecision.Action;
import dev.hearth.privacy.PiiClass;

/**
 * The built-in policy with the configuration's changes applied: what Hearth does before
 * any admin edits the policy.
 */
final class DefaultPolicy {

	static final String ASKED_FOR_PERSON = "customer-asked-for-person";

	private DefaultPolicy() {
	}

	static Policy from(EscalationProperties properties) {
		List<PolicyRule> rules = new ArrayList<>();
		for (PolicyRule rule : builtInRules()) {
			rules.add(apply(rule, properties.rules().get(rule.id())));
		}
		for (String unknown : properties.rules().keySet()) {
			if (builtInRules().stream().noneMatch((r) -> r.id().equals(unknown))) {
				throw new IllegalArgumentException("hearth.escalation.rules." + unknown
						+ " is not a rule; the rules are " + builtInRules().stream().map(PolicyRule::id).toList()
						+ " (topics go under hearth.escalation.topics)");
			}
		}
		Map<String, PolicyRule> topics = new LinkedHashMap<>();
		for (PolicyRule topic : builtInTopics()) {
			topics.put(topic.id().substring("topic:".length()), topic);
		}
		properties.topics().forEach((name, settings) -> {
			PolicyRule base = topics.get(name);
			if (base == null) {
				base = new PolicyRule("topic:" + name, RuleKind.SENSITIVE_TOPIC, false, Action.HUMAN, 2, List.of(),
						List.of(), 0);
			}
			topics.put(name,
					new PolicyRule(base.id(), base.kind(), (settings.enabled() != null) ? settings.enabled() : true,
							(settings.action() != null) ? settings.action() : base.action(),
							(settings.priority() != null) ? settings.priority() : base.priority(),
							(settings.phrases() != null) ? settings.phrases() : base.phrases(), List.of(), 0));
		});
		rules.addAll(topics.values());
		List<LlmPolicy> llms = properties.approvedLlms()
			.stream()
			.map((llm) -> new LlmPolicy(llm.name(), true, llm.mode(), llm.mayReceive()))
			.toList();
		return new Policy(rules, businessHours(properties.businessHours()), llms);
	}

	private static PolicyRule apply(PolicyRule rule, EscalationProperties.RuleSettings settings) {
		if (settings == null) {
			return rule;
		}
		return new PolicyRule(rule.id(), rule.kind(),
				(settings.enabled() != null) ? settings.enabled() : rule.enabled(),
				(settings.action() != null) ? settings.action() : rule.action(),
				(settings.priority() != null) ? settings.priority() : rule.priority(), rule.phrases(),
				(settings.dataClasses() != null) ? settings.dataClasses() : rule.dataClasses(),
				(settings.limit() != null) ? settings.limit() : rule.limit());
	}

	private static BusinessHours businessHours(EscalationProperties.BusinessHoursSettings settings) {
		List<LocalDate> closed = new ArrayList<>();
		for (String day : settings.closedOn()) {
			try {
				closed.add(LocalDate.parse(day.strip()));
			}
			catch (DateTimeException ex) {
				throw new IllegalArgumentException(
						"hearth.escalation.business-hours.closed-on: '" + day + "' is not a date such as 2026-12-25");
			}
		}
		return new BusinessHours(settings.enabled(), settings.zone(), settings.open(), closed,
				settings.requireAgentOnline());
	}

	static List<PolicyRule> builtInRules() {
		return List.of(rule("pipeline:OUT_OF_SCOPE", RuleKind.PIPELINE_OUT_OF_SCOPE, Action.DECLINE, 1, 0),
				rule("pipeline:LOW_CONFIDENCE", RuleKind.PIPELINE_LOW_CONFIDENCE, Action.CLARIFY, 1, 0),
				rule("pipeline:UNGROUNDED", RuleKind.PIPELINE_UNGROUNDED, Action.CLARIFY, 1, 0),
				rule("pipeline:MODEL_FAILURE", RuleKind.PIPELINE_MODEL_FAILURE, Action.HUMAN, 1, 0),
				rule(ASKED_FOR_PERSON, RuleKind.ASKED_FOR_PERSON, Action.HUMAN, 2, 0),
				rule("frustration:rephrasing", RuleKind.REPHRASING, Action.HUMAN, 2, 2),
				rule("frustration:negative-sentiment", RuleKind.NEGATIVE_SENTIMENT, Action.HUMAN, 2, 3),
				rule("frustration:profanity", RuleKind.PROFANITY, Action.HUMAN, 2, 0),
				new PolicyRule("regulated-data", RuleKind.REGULATED_DATA, true, Action.HUMAN, 3, List.of(),
						List.of(PiiClass.PAYMENT_CARD, PiiClass.IBAN, PiiClass.NATIONAL_ID), 0),
				rule("turn-limit", RuleKind.TURN_LIMIT, Action.HUMAN, 1, 4));
	}

	private static PolicyRule rule(String id, RuleKind kind, Action action, int priority, int limit) {
		return new PolicyRule(id, kind, true, action, priority, List.of(), List.of(), limit);
	}

	/**
	 * Topics a company usually wants a person for. Complaints and cancellations are off
	 * by default because many FAQs answer "how do I complain / cancel" themselves (the
	 * sample company's does); one setting turns them on.
	 */
	static List<PolicyRule> builtInTopics() {
		return List.of(
				topic("legal-threat", 3, "lawyer", "attorney", "solicitor", "sue", "suing", "lawsuit", "legal action",
						"legal steps", "take you to court", "small claims", "ombudsman", "regulator", "anwalt",
						"rechtsanwalt", "verklagen", "klage", "gericht", "rechtliche schritte", "schlichtungsstelle"),
				topic("complaint", 2, "complaint", "complain", "complaining", "formal complaint", "escalate this",
						"beschwerde", "beschweren")
					.with(false, Action.HUMAN, 2),
				topic("cancellation", 2, "cancel my contract", "cancel my subscription", "cancel my account",
						"terminate my contract", "end my contract", "close my account", "switch provider*", "kündigen",
						"kündigung", "vertrag beenden")
					.with(false, Action.HUMAN, 2),
				topic("medical-advice", 2, "medical advice", "medication", "prescription", "dosage", "side effect*",
						"is it safe to take", "medizinische beratung", "medikament*", "nebenwirkung*"),
				topic("financial-advice", 2, "investment advice", "financial advice", "should i invest", "invest in",
						"stock tip*", "pension advice", "tax advice", "anlageberatung", "steuerberatung"));
	}

	private static PolicyRule topic(String name, int priority, String... phrases) {
		return new PolicyRule("topic:" + name, RuleKind.SENSITIVE_TOPIC, true, Action.HUMAN, priority, List.of(phrases),
				List.of(), 0);
	}

}
