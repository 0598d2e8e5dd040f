package dev.hearth.conversation;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An approved LLM's draft answer for the agent, read from the stored {@link StoredDraft}
 * of any schema version ({@code schemaVersion} and unknown fields are ignored).
 *
 * @param text the draft; may be blank
 * @param endpoint the approved LLM endpoint that wrote it, or {@code null}
 * @param createdAt when, or {@code null} in rows that did not record it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgentDraft(String text, String endpoint, Instant createdAt) {
}
