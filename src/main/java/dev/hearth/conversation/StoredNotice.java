package dev.hearth.conversation;

/**
 * The JSON stored in {@code conversation_message.answer} for a notice that hands the
 * conversation over before Hearth answered.
 *
 * @param schemaVersion {@value StoredAnswer#SCHEMA_VERSION} for this shape
 * @param handoff how the turn handed over
 */
record StoredNotice(int schemaVersion, HandoffDetails handoff) {
}
