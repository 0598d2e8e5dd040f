package dev.hearth.knowledge;

/**
 * A passage of a document: the unit that is embedded, indexed and cited.
 *
 * @param ordinal position in the document, from 0
 * @param sectionPath the headings above it, outermost first, joined by " > " ("" before
 * any heading)
 * @param text the passage
 */
record Chunk(int ordinal, String sectionPath, String text) {
}
