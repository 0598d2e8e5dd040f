package dev.hearth.escalation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.hearth.assistant.Answer;
import dev.hearth.assistant.Decision;
import dev.hearth.privacy.PiiClass;
import dev.hearth.privacy.PiiMatch;
import dev.hearth.privacy.Redactor;

/**
 * The rules evaluated on every customer turn, from the current {@link Policy}.
 * {@link #beforeAnswering} runs on the message and the conversation so far (a customer
 * who asks for a person, swears, threatens legal action or sends card details gets a
 * person without a bot answer first); {@link #afterAnswering} on the pipeline's decision.
 * When several rules fire, the one with the highest priority wins (the earlier in the
 * policy on a tie) and all are recorded. Thread-safe.
 */
@Component
class EscalationPolicy {

	private final Supplier<Policy> policy;

	private final Redactor redactor;

	private final Rephrasing rephrasing;

	private final Phrases phrases = new Phrases();

	@Autowired
	EscalationPolicy(EscalationPolicies policies, Redactor redactor) {
		this(policies::current, redactor, new Rephrasing());
	}

	EscalationPolicy(Supplier<Policy> policy, Redactor redactor, Rephrasing rephrasing) {
		this.policy = policy;
		this.redactor = redactor;
		this.rephrasing = rephrasing;
	}

	/**
	 * The rule that fires on the customer's message and the conversation so far, if any.
	 */
	Optional<EscalationDecision> beforeAnswering(TurnContext turn) {
		List<EscalationDecision> fired = new ArrayList<>();
		List<PiiMatch> pii = null;
		for (PolicyRule rule : this.policy.get().rules()) {
			if (!rule.enabled() || rule.kind().afterAnswering()) {
				continue;
			}
			String reason = switch (rule.kind()) {
				case ASKED_FOR_PERSON ->
					PersonRequests.asksForPerson(turn.message()) ? "The customer asked for a person." : null;
				case PROFANITY -> Profanity.contains(turn.message()) ? "The customer used strong language." : null;
				case NEGATIVE_SENTIMENT -> {
					int score = Sentiment.negativity(turn.message());
					yield (score >= rule.limit())
							? "The customer sounds frustrated (negativity " + score + ", limit " + rule.limit() + ")."
							: null;
				}
				case REPHRASING -> {
					int repeats = this.rephrasing.repeats(turn.message(), turn.query(), turn.earlierQuestions());
					yield (repeats >= rule.limit()) ? "The customer has asked the same question " + (repeats + 1)
							+ " times: the answers did not help." : null;
				}
				case SENSITIVE_TOPIC -> {
					String match = this.phrases.firstMatch(rule.phrases(), turn.message());
					yield (match != null) ? "Sensitive topic " + rule.id().substring(rule.id().indexOf(':') + 1)
							+ " (\"" + match + "\")." : null;
				}
				case REGULATED_DATA -> {
					if (pii == null) {
						pii = this.redactor.find(turn.message(), turn.country());
					}
					Set<PiiClass> found = EnumSet.noneOf(PiiClass.class);
					pii.stream().map(PiiMatch::kind).filter(rule.dataClasses()::contains).forEach(found::add);
					yield found.isEmpty() ? null
							: "The message contains regulated data ("
									+ String.join(", ", found.stream().map(Enum::name).toList())
									+ ") that a person should handle.";
				}
				case TURN_LIMIT ->
					(turn.unresolvedTurns() > rule.limit()) ? "The customer has written " + turn.unresolvedTurns()
							+ " messages that Hearth could not resolve (limit " + rule.limit() + ")." : null;
				default -> null;
			};
			if (reason != null) {
				fired.add(new EscalationDecision(rule.id(), reason, rule.priority(), rule.action()));
			}
		}
		return winner(fired);
	}

	/**
	 * The decision when a customer asks for a person, in words or with the widget's "Talk
	 * to a person" button: the policy's {@code customer-asked-for-person} rule, with its
	 * priority (a person, whatever action the rule names: the customer asked for one).
	 */
	EscalationDecision customerAskedForPerson() {
		int priority = this.policy.get().rule(DefaultPolicy.ASKED_FOR_PERSON).map(PolicyRule::priority).orElse(2);
		return new EscalationDecision(DefaultPolicy.ASKED_FOR_PERSON, "The customer asked for a person.", priority,
				EscalationDecision.Action.HUMAN);
	}

	/** The rule that fires on the pipeline's answer, if any. */
	Optional<EscalationDecision> afterAnswering(Answer answer) {
		if (answer.decision() != Decision.ESCALATE) {
			return Optional.empty();
		}
		RuleKind kind = switch (answer.reason()) {
			case OUT_OF_SCOPE -> RuleKind.PIPELINE_OUT_OF_SCOPE;
			case LOW_CONFIDENCE -> RuleKind.PIPELINE_LOW_CONFIDENCE;
			case UNGROUNDED -> RuleKind.PIPELINE_UNGROUNDED;
			case MODEL_FAILURE -> RuleKind.PIPELINE_MODEL_FAILURE;
		};
		String reason = switch (answer.reason()) {
			case OUT_OF_SCOPE -> "Hearth's knowledge base does not cover the question.";
			case LOW_CONFIDENCE -> "Hearth found related information but is not sure enough to answer.";
			case UNGROUNDED -> "The language model's answer was not supported by the knowledge base.";
			case MODEL_FAILURE -> "The language model failed.";
		};
		// a disabled pipeline rule still hands over: the bot has no answer to give
		PolicyRule rule = this.policy.get()
			.rules()
			.stream()
			.filter((r) -> r.kind() == kind && r.enabled())
			.findFirst()
			.orElse(new PolicyRule("pipeline:" + answer.reason(), kind, true, EscalationDecision.Action.HUMAN, 1,
					List.of(), List.of(), 0));
		return Optional.of(new EscalationDecision(rule.id(), reason, rule.priority(), rule.action()));
	}

	private static Optional<EscalationDecision> winner(List<EscalationDecision> fired) {
		if (fired.isEmpty()) {
			return Optional.empty();
		}
		EscalationDecision best = fired.stream()
			.max(Comparator.comparingInt(EscalationDecision::priority).thenComparing((d) -> -fired.indexOf(d)))
			.orElseThrow();
		List<String> all = new ArrayList<>();
		all.add(best.rule());
		fired.stream().map(EscalationDecision::rule).filter((r) -> !r.equals(best.rule())).forEach(all::add);
		return Optional.of(new EscalationDecision(best.rule(), best.reason(), best.priority(), best.action(), all));
	}

}
