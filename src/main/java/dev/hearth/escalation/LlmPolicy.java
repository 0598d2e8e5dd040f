package dev.hearth.escalation;

import java.util.List;

import dev.hearth.privacy.PiiClass;

/**
 * What the policy lets one approved LLM endpoint do. The endpoint itself (address, model,
 * key) is configured by operators; admins decide here whether it is used, whether it may
 * answer customers or only draft for agents, and which personal data it may receive.
 *
 * @param name the endpoint's name from {@code hearth.escalation.approved-llms}
 * @param enabled whether Hearth sends anything to it
 * @param mode {@code ANSWER} or {@code DRAFT_FOR_AGENT}
 * @param mayReceive the kinds of personal data it may receive; all others are redacted
 */
public record LlmPolicy(String name, boolean enabled, Mode mode, List<PiiClass> mayReceive) {

	public LlmPolicy {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException(
					"every approved LLM in the policy needs the name of a configured endpoint");
		}
		if (mode == null) {
			throw new IllegalArgumentException("approved LLM " + name + " needs a mode, ANSWER or DRAFT_FOR_AGENT");
		}
		mayReceive = (mayReceive != null) ? mayReceive.stream().distinct().sorted().toList() : List.of();
	}

	/** What an approved model may do. */
	public enum Mode {

		/** Answer customers directly (and draft for agents). */
		ANSWER,
		/** Only draft answers for agents to edit. */
		DRAFT_FOR_AGENT

	}

}
