package dev.hearth.escalation;

import java.util.List;
import java.util.UUID;

import dev.hearth.assistant.Turn;

/**
 * A conversation was handed over with a draft wanted: an approved LLM drafts an answer
 * the agent edits. Published by the conversation module once the handoff is recorded;
 * {@link Drafts} writes the draft after that transaction commits.
 *
 * @param conversation the conversation
 * @param question what the customer asked
 * @param history the conversation before the question, oldest first
 * @param rule the rule that handed it over
 */
public record DraftRequested(UUID conversation, String question, List<Turn> history, String rule) {

	public DraftRequested {
		history = List.copyOf(history);
	}

}
