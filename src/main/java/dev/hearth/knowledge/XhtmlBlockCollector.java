package dev.hearth.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects headings and paragraphs from the XHTML that Tika's parsers emit (h1-h6 from
 * HTML and from DOCX heading styles, p for PDF paragraphs). A PDF has no heading
 * elements, so with {@code inferHeadings} a line that looks like a heading becomes one: a
 * short line without closing punctuation that stands alone between text that does not
 * look like one (a table's or list's rows, one after another, stay text), or the first
 * line of a paragraph when a list follows it or it is much shorter than the next line (a
 * title or a list's heading the PDF's text puts on the paragraph's first line). The first
 * becomes the document's title (level 1), the others sections (level 2). A PDF's page
 * furniture is left out: the first or last line of a page that carries a page number
 * ("Northwind Fibre Ltd | northwindfibre.example | Page 1", "3 of 12") or that repeats,
 * numbers aside, at the top or bottom of another page (a running header or footer). Not
 * thread-safe: one instance per parse.
 */
final class XhtmlBlockCollector extends DefaultHandler {

	private static final Set<String> BLOCKS = Set.of("p", "div", "li", "pre", "blockquote", "td", "th", "dt", "dd",
			"tr", "caption", "figcaption", "section", "article", "header", "footer", "main", "aside", "ul", "ol",
			"table", "body");

	private static final Set<String> SKIPPED = Set.of("script", "style", "head", "nav", "noscript", "template");

	/** The longest line taken for a heading, in characters and words. */
	private static final int HEADING_CHARS = 80;

	private static final int HEADING_WORDS = 10;

	/**
	 * A paragraph's first line is its heading when at most this share of the next line.
	 */
	private static final double LEAD_LINE_SHARE = 0.6;

	private static final Pattern LIST_ITEM = Pattern.compile("^[•·▪◦*\\-–—]\\s.*");

	private static final Pattern NOT_A_HEADING = Pattern
		.compile("(?iu)^(?:[•·▪◦*\\-–—]|(?:page|seite)\\s+\\d+\\b).*|.*[.!?,;:|]$|.*\\|.*|^[^\\p{L}]*$");

	/**
	 * A line that carries a page number: "Page 2", "Seite 2 von 5", "3 / 12", "- 4 -", or
	 * a page number as one part of a line whose parts are separated by bars or dots.
	 */
	private static final Pattern PAGE_NUMBER = Pattern
		.compile("(?iu)^[\\s\\-–—]*\\d{1,4}(?:\\s*(?:/|of|von)\\s*\\d{1,4})?[\\s\\-–—]*$"
				+ "|(?:^|[|·•]\\s*)(?:page|seite|p\\.|s\\.)\\s*\\d{1,4}(?:\\s*(?:/|of|von)\\s*\\d{1,4})?\\s*(?:[|·•]|$)");

	/** The longest line taken for page furniture, in characters. */
	private static final int FURNITURE_CHARS = 120;

	private final boolean inferHeadings;

	/** Where each page's blocks begin, by position in {@link #blocks} (PDFs only). */
	private final List<Integer> pageStarts = new ArrayList<>();

	/** Blocks of one line that may be headings, by position in {@link #blocks}. */
	private final Set<Integer> singleLines = new HashSet<>();

	private final List<TextBlock> blocks = new ArrayList<>();

	private final StringBuilder text = new StringBuilder();

	private int headingLevel;

	private int skipDepth;

	private String firstTopHeading;

	XhtmlBlockCollector() {
		this(false);
	}

	/**
	 * @param inferHeadings whether lines that look like headings become headings (for
	 * PDFs, which have none)
	 */
	XhtmlBlockCollector(boolean inferHeadings) {
		this.inferHeadings = inferHeadings;
	}

	List<TextBlock> blocks() {
		flush();
		if (this.inferHeadings) {
			removePageFurniture();
			inferHeadings();
		}
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
		if (this.inferHeadings && "div".equals(name) && "page".equals(attributes.getValue("class"))) {
			flush();
			this.pageStarts.add(this.blocks.size());
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
			// a PDF's line breaks come as ignorable whitespace; folded into spaces below
			this.text.append(new String(ch, start, length).indexOf('\n') >= 0 ? '\n' : ' ');
		}
	}

	private void flush() {
		if (this.inferHeadings && this.headingLevel == 0) {
			flushLines();
			return;
		}
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

	/**
	 * A PDF paragraph: its first line kept apart (as a possible heading) when it is much
	 * shorter than the next, a paragraph of one line remembered as a possible heading.
	 */
	private void flushLines() {
		List<String> lines = new ArrayList<>();
		for (String line : this.text.toString().split("\n")) {
			String folded = Texts.fold(line);
			if (!folded.isEmpty()) {
				lines.add(folded);
			}
		}
		this.text.setLength(0);
		if (lines.isEmpty()) {
			return;
		}
		if (lines.size() > 1 && looksLikeHeading(lines.get(0))
				&& (lines.get(0).length() <= LEAD_LINE_SHARE * lines.get(1).length()
						|| LIST_ITEM.matcher(lines.get(1)).matches())) {
			this.singleLines.add(this.blocks.size());
			this.blocks.add(TextBlock.paragraph(lines.get(0)));
			lines.remove(0);
		}
		if (lines.size() == 1) {
			this.singleLines.add(this.blocks.size());
		}
		this.blocks.add(TextBlock.paragraph(String.join(" ", lines)));
	}

	/**
	 * Leaves out the first and last block of each page when it carries a page number or
	 * repeats, numbers aside, as the first or last block of another page.
	 */
	private void removePageFurniture() {
		List<Integer> edges = new ArrayList<>();
		for (int page = 0; page < this.pageStarts.size(); page++) {
			int start = this.pageStarts.get(page);
			int end = (page + 1 < this.pageStarts.size()) ? this.pageStarts.get(page + 1) : this.blocks.size();
			if (end > start) {
				edges.add(start);
				if (end - 1 > start) {
					edges.add(end - 1);
				}
			}
		}
		Map<String, Integer> repeats = new HashMap<>();
		for (int index : edges) {
			repeats.merge(withoutNumbers(this.blocks.get(index).text()), 1, Integer::sum);
		}
		Set<Integer> furniture = new HashSet<>();
		for (int index : edges) {
			String line = this.blocks.get(index).text();
			// the document's first line may be its title, repeated as a running header
			boolean repeated = index > 0 && repeats.get(withoutNumbers(line)) > 1;
			if (line.length() <= FURNITURE_CHARS && (PAGE_NUMBER.matcher(line).find() || repeated)) {
				furniture.add(index);
			}
		}
		if (furniture.isEmpty()) {
			return;
		}
		List<TextBlock> kept = new ArrayList<>();
		Set<Integer> singleLines = new HashSet<>();
		for (int i = 0; i < this.blocks.size(); i++) {
			if (!furniture.contains(i)) {
				if (this.singleLines.contains(i)) {
					singleLines.add(kept.size());
				}
				kept.add(this.blocks.get(i));
			}
		}
		this.blocks.clear();
		this.blocks.addAll(kept);
		this.singleLines.clear();
		this.singleLines.addAll(singleLines);
	}

	private static String withoutNumbers(String line) {
		return line.replaceAll("\\d+", "#");
	}

	/**
	 * Turns the one-line blocks that look like headings, with no such block right before
	 * or after them, into headings.
	 */
	private void inferHeadings() {
		List<TextBlock> inferred = new ArrayList<>(this.blocks);
		for (int i = 0; i < this.blocks.size(); i++) {
			if (headingCandidate(i) && !headingCandidate(i - 1) && i + 1 < this.blocks.size()
					&& !headingCandidate(i + 1) && !this.blocks.get(i + 1).isHeading()) {
				int level = (i == 0) ? 1 : 2;
				inferred.set(i, TextBlock.heading(level, this.blocks.get(i).text()));
				if (level == 1 && this.firstTopHeading == null) {
					this.firstTopHeading = this.blocks.get(i).text();
				}
			}
		}
		this.blocks.clear();
		this.blocks.addAll(inferred);
		this.singleLines.clear();
	}

	private boolean headingCandidate(int index) {
		return index >= 0 && index < this.blocks.size() && this.singleLines.contains(index)
				&& looksLikeHeading(this.blocks.get(index).text());
	}

	/**
	 * A short line that starts with a capital or a digit and ends without punctuation,
	 * not a list item, a page number or a table row.
	 */
	static boolean looksLikeHeading(String line) {
		if (line.length() < 2 || line.length() > HEADING_CHARS || line.split(" ").length > HEADING_WORDS) {
			return false;
		}
		int first = line.codePointAt(0);
		return (Character.isUpperCase(first) || Character.isDigit(first)) && !NOT_A_HEADING.matcher(line).matches();
	}

	private static int headingLevel(String name) {
		if (name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6') {
			return name.charAt(1) - '0';
		}
		return 0;
	}

}
