package dev.hearth.escalation;

import java.util.UUID;

/**
 * An approved LLM wrote a draft answer for the agent who takes a handed-over
 * conversation.
 *
 * @param conversation the conversation
 * @param endpoint the approved LLM endpoint that wrote it
 * @param text the draft
 */
public record DraftWritten(UUID conversation, String endpoint, String text) {
}
