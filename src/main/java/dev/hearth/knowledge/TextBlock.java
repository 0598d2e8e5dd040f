package dev.hearth.knowledge;

/**
 * A heading or a paragraph of a parsed document.
 *
 * @param headingLevel 1 to 6 for a heading, 0 for a paragraph (list items, table rows and
 * code blocks are paragraphs too)
 * @param text the block's text, whitespace folded
 */
record TextBlock(int headingLevel, String text) {

	static TextBlock heading(int level, String text) {
		return new TextBlock(level, text);
	}

	static TextBlock paragraph(String text) {
		return new TextBlock(0, text);
	}

	boolean isHeading() {
		return this.headingLevel > 0;
	}

}
