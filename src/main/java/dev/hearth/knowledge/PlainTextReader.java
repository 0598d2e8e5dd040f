package dev.hearth.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the structure plain text carries by layout: paragraphs are separated by blank
 * lines, and a short line that reads as a heading is one. A line is a heading when it has
 * at most {@value #MAX_HEADING_WORDS} words, starts with a capital letter or digit, does
 * not end like a sentence part ({@code . , ; :}) and is not a list item, and either
 * stands alone as a paragraph or is the first line of a paragraph whose next line starts
 * with a capital (a wrapped sentence continues in lower case). Help pages saved as text
 * ("How long does it take?" above its answer) and notes with titled paragraphs keep their
 * sections that way, so a passage's section path names its topic. The first line, when it
 * is a heading alone, is the document's title. Thread-safe: stateless.
 */
final class PlainTextReader {

	static final int MAX_HEADING_WORDS = 14;

	private static final Pattern HEADING = Pattern.compile("^[\\p{Lu}\\p{N}][^\\n]*[^.,;:\\s-]$");

	private static final Pattern LIST_ITEM = Pattern.compile("^([-*•–]|\\d+[.)])\\s.*");

	private static final Pattern STARTS_CAPITAL = Pattern.compile("^[\\p{Lu}\\p{N}\"“(].*");

	private PlainTextReader() {
	}

	/**
	 * The text's title (its first line when that is a heading alone, else {@code null})
	 * and its blocks.
	 */
	record Result(String title, List<TextBlock> blocks) {
	}

	static Result read(String text) {
		List<TextBlock> blocks = new ArrayList<>();
		String title = null;
		boolean first = true;
		for (String paragraph : text.split("\\R\\s*\\R")) {
			List<String> lines = new ArrayList<>();
			for (String line : paragraph.split("\\R")) {
				String folded = Texts.fold(line);
				if (!folded.isEmpty()) {
					lines.add(folded);
				}
			}
			if (lines.isEmpty()) {
				continue;
			}
			if (lines.size() == 1 && isHeading(lines.get(0))) {
				if (first) {
					title = lines.get(0);
				}
				blocks.add(TextBlock.heading(first ? 1 : 2, lines.get(0)));
			}
			else if (isHeading(lines.get(0)) && STARTS_CAPITAL.matcher(lines.get(1)).matches()) {
				blocks.add(TextBlock.heading(first ? 1 : 2, lines.get(0)));
				blocks.add(TextBlock.paragraph(Texts.fold(String.join(" ", lines.subList(1, lines.size())))));
			}
			else {
				blocks.add(TextBlock.paragraph(Texts.fold(String.join(" ", lines))));
			}
			first = false;
		}
		return new Result(title, blocks);
	}

	static boolean isHeading(String line) {
		return line.split(" ").length <= MAX_HEADING_WORDS && HEADING.matcher(line).matches()
				&& !LIST_ITEM.matcher(line).matches();
	}

}
