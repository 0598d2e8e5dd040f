package dev.hearth.knowledge;

import java.util.List;

/**
 * A file's text, as headings and paragraphs in reading order.
 *
 * @param title the document's title (its metadata title, first top heading, or file name)
 * @param mediaType the detected media type
 * @param language ISO 639-1 code
 * @param blocks headings and paragraphs
 */
record ParsedDocument(String title, String mediaType, String language, List<TextBlock> blocks) {

	int textLength() {
		return this.blocks.stream().mapToInt((block) -> block.text().length()).sum();
	}

}
