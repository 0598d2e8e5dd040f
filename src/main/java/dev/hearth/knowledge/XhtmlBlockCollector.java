package dev.hearth.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects headings and paragraphs from the XHTML that Tika's parsers emit (h1-h6 from
 * HTML and from DOCX heading styles, p for PDF paragraphs). Not thread-safe: one instance
 * per parse.
 */
final class XhtmlBlockCollector extends DefaultHandler {

	private static final Set<String> BLOCKS = Set.of("p", "div", "li", "pre", "blockquote", "td", "th", "dt", "dd",
			"tr", "caption", "figcaption", "section", "article", "header", "footer", "main", "aside", "ul", "ol",
			"table", "body");

	private static final Set<String> SKIPPED = Set.of("script", "style", "head", "nav", "noscript", "template");

	private final List<TextBlock> blocks = new ArrayList<>();

	private final StringBuilder text = new StringBuilder();

	private int headingLevel;

	private int skipDepth;

	private String firstTopHeading;

	List<TextBlock> blocks() {
		flush();
		return this.blocks;
	}

	String firstTopHeading() {
		return this.firstTopHeading;
	}

	@Override
	public void startElement(String uri, String localName, String qName, Attributes attributes) {
		String name = localName.isEmpty() ? qName : localName;
		if (SKIPPED.contains(name)) {
			this.skipDepth++;
			return;
		}
		int level = headingLevel(name);
		if (level > 0) {
			flush();
			this.headingLevel = level;
		}
		else if (BLOCKS.contains(name)) {
			flush();
		}
		else if ("br".equals(name)) {
			this.text.append(' ');
		}
	}

	@Override
	public void endElement(String uri, String localName, String qName) {
		String name = localName.isEmpty() ? qName : localName;
		if (SKIPPED.contains(name)) {
			this.skipDepth = Math.max(0, this.skipDepth - 1);
			return;
		}
		if (headingLevel(name) > 0 || BLOCKS.contains(name)) {
			flush();
		}
		else if ("td".equals(name) || "th".equals(name)) {
			this.text.append(' ');
		}
	}

	@Override
	public void characters(char[] ch, int start, int length) {
		if (this.skipDepth == 0) {
			this.text.append(ch, start, length);
		}
	}

	@Override
	public void ignorableWhitespace(char[] ch, int start, int length) {
		if (this.skipDepth == 0) {
			this.text.append(' ');
		}
	}

	private void flush() {
		String folded = Texts.fold(this.text);
		this.text.setLength(0);
		if (!folded.isEmpty()) {
			if (this.headingLevel > 0) {
				this.blocks.add(TextBlock.heading(this.headingLevel, folded));
				if (this.headingLevel == 1 && this.firstTopHeading == null) {
					this.firstTopHeading = folded;
				}
			}
			else {
				this.blocks.add(TextBlock.paragraph(folded));
			}
		}
		this.headingLevel = 0;
	}

	private static int headingLevel(String name) {
		if (name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6') {
			return name.charAt(1) - '0';
		}
		return 0;
	}

}
