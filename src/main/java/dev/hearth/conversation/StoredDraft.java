package dev.hearth.conversation;

import java.time.Instant;

/**
 * The JSON stored in {@code conversation.draft}: an approved LLM's draft for the agent.
 *
 * @param schemaVersion {@value #SCHEMA_VERSION} for this shape
 * @param text the draft
 * @param endpoint the approved LLM endpoint that wrote it
 * @param createdAt when
 */
record StoredDraft(int schemaVersion, String text, String endpoint, Instant createdAt) {

	static final int SCHEMA_VERSION = 1;

}
