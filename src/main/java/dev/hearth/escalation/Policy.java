package dev.hearth.escalation;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The escalation policy as a whole: the rules evaluated on every turn, the business
 * hours, and what each approved LLM may do. Immutable; validated on construction, so an
 * edit that does not make sense is refused with a message that names the rule.
 *
 * @param rules the rules, evaluated in this order (ties in priority go to the earlier)
 * @param businessHours when a handoff goes to a live agent rather than a ticket
 * @param llms the policy for each configured approved LLM endpoint
 */
public record Policy(List<PolicyRule> rules, BusinessHours businessHours, List<LlmPolicy> llms) {

	public Policy {
		rules = (rules != null) ? List.copyOf(rules) : List.of();
		llms = (llms != null) ? List.copyOf(llms) : List.of();
		businessHours = (businessHours != null) ? businessHours : BusinessHours.always();
		Set<String> ids = new HashSet<>();
		for (PolicyRule rule : rules) {
			if (rule == null) {
				throw new IllegalArgumentException("the policy's rules contain an empty entry");
			}
			if (!ids.add(rule.id())) {
				throw new IllegalArgumentException("rule id " + rule.id() + " appears twice; ids must be unique");
			}
		}
		Set<String> names = new HashSet<>();
		for (LlmPolicy llm : llms) {
			if (!names.add(llm.name())) {
				throw new IllegalArgumentException("approved LLM " + llm.name() + " appears twice in the policy");
			}
		}
	}

	/** The rule with this id, if the policy has it. */
	public Optional<PolicyRule> rule(String id) {
		return this.rules.stream().filter((r) -> r.id().equals(id)).findFirst();
	}

	/** The policy of the named endpoint, if the policy has one. */
	public Optional<LlmPolicy> llm(String name) {
		return this.llms.stream().filter((l) -> l.name().equals(name)).findFirst();
	}

}
