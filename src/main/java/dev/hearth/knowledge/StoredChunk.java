package dev.hearth.knowledge;

import java.util.UUID;

/**
 * A chunk with its id and embedding, ready to store and index.
 *
 * @param id chunk id
 * @param chunk the passage and its place in the document
 * @param vector embedding of the passage's match text
 */
record StoredChunk(UUID id, Chunk chunk, float[] vector) {
}
