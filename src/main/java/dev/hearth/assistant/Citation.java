package dev.hearth.assistant;

/**
 * A numbered source of an answer.
 *
 * @param number the number used in the answer text, from 1
 * @param title the document's title or the FAQ question
 * @param sectionPath where in the document, may be empty
 * @param source the document's source path, or {@code faq:<id>}
 * @param url the citation link
 * @param passage the passage the answer rests on
 */
public record Citation(int number, String title, String sectionPath, String source, String url, String passage) {
}
