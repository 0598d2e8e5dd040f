package dev.hearth.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Markdown (CommonMark's block structure: ATX and setext headings, paragraphs,
 * lists, block quotes, fenced code, pipe tables, and YAML front matter with {@code title}
 * and {@code language}) into headings and paragraphs, with inline markup removed.
 * Thread-safe: stateless.
 */
final class MarkdownReader {

	private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");

	private static final Pattern SETEXT_1 = Pattern.compile("^ {0,3}=+[ \\t]*$");

	private static final Pattern SETEXT_2 = Pattern.compile("^ {0,3}-+[ \\t]*$");

	private static final Pattern RULE = Pattern.compile("^ {0,3}([-*_])([ \\t]*\\1){2,}[ \\t]*$");

	private static final Pattern LIST_ITEM = Pattern.compile("^[ \\t]*(?:[-*+]|\\d{1,9}[.)])[ \\t]+(.*)$");

	private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,}).*$");

	private static final Pattern TABLE_SEPARATOR = Pattern
		.compile("^[ \\t]*\\|?[ \\t]*:?-+:?[ \\t]*(\\|[ \\t]*:?-+:?[ \\t]*)*\\|?[ \\t]*$");

	private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");

	private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\([^)]*\\)");

	private static final Pattern REFERENCE_LINK = Pattern.compile("\\[([^\\]]+)]\\[[^\\]]*]");

	private static final Pattern HTML_TAG = Pattern.compile("</?[A-Za-z][^>]*>|<!--.*?-->");

	private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|~~)(?=\\S)(.+?)(?<=\\S)\\1");

	private static final Pattern CODE_SPAN = Pattern.compile("`+([^`]+)`+");

	/**
	 * @param title the front matter's title, or {@code null}
	 * @param language the front matter's language, or {@code null}
	 * @param blocks headings and paragraphs
	 */
	record Result(String title, String language, List<TextBlock> blocks) {
	}

	Result read(String markdown) {
		List<String> lines = markdown.lines().toList();
		int start = 0;
		String title = null;
		String language = null;
		if (!lines.isEmpty() && lines.get(0).strip().equals("---")) {
			for (int i = 1; i < lines.size(); i++) {
				String line = lines.get(i);
				if (line.strip().equals("---") || line.strip().equals("...")) {
					start = i + 1;
					break;
				}
				int colon = line.indexOf(':');
				if (colon > 0) {
					String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
					String value = unquote(line.substring(colon + 1).strip());
					if (key.equals("title")) {
						title = value;
					}
					else if (key.equals("language") || key.equals("lang")) {
						language = value;
					}
				}
			}
		}
		return new Result(title, language, blocks(lines.subList(start, lines.size())));
	}

	private List<TextBlock> blocks(List<String> lines) {
		List<TextBlock> blocks = new ArrayList<>();
		List<String> paragraph = new ArrayList<>();
		String fence = null;
		StringBuilder code = new StringBuilder();
		for (String line : lines) {
			if (fence != null) {
				if (line.strip().startsWith(fence)) {
					add(blocks, code.toString(), false);
					code.setLength(0);
					fence = null;
				}
				else {
					code.append(line).append('\n');
				}
				continue;
			}
			Matcher fenceMatch = FENCE.matcher(line);
			if (fenceMatch.matches()) {
				flush(blocks, paragraph);
				fence = fenceMatch.group(1);
				continue;
			}
			if (line.isBlank()) {
				flush(blocks, paragraph);
				continue;
			}
			Matcher atx = ATX.matcher(line);
			if (atx.matches()) {
				flush(blocks, paragraph);
				String text = clean(atx.group(2) != null ? atx.group(2) : "");
				if (!text.isEmpty()) {
					blocks.add(TextBlock.heading(atx.group(1).length(), text));
				}
				continue;
			}
			if (paragraph.size() == 1 && (SETEXT_1.matcher(line).matches() || SETEXT_2.matcher(line).matches())) {
				String text = clean(paragraph.get(0));
				paragraph.clear();
				if (!text.isEmpty()) {
					blocks.add(TextBlock.heading(SETEXT_1.matcher(line).matches() ? 1 : 2, text));
				}
				continue;
			}
			if (RULE.matcher(line).matches()) {
				flush(blocks, paragraph);
				continue;
			}
			String stripped = line.strip();
			if (stripped.startsWith("|") || (stripped.contains(" | ") && paragraph.isEmpty())) {
				flush(blocks, paragraph);
				if (!TABLE_SEPARATOR.matcher(stripped).matches()) {
					add(blocks, String.join(" | ", cells(stripped)), true);
				}
				continue;
			}
			Matcher item = LIST_ITEM.matcher(line);
			if (item.matches()) {
				flush(blocks, paragraph);
				paragraph.add(item.group(1));
				continue;
			}
			paragraph.add(stripped.startsWith(">") ? stripped.replaceFirst("^>+\\s?", "") : stripped);
		}
		if (fence != null) {
			add(blocks, code.toString(), false);
		}
		flush(blocks, paragraph);
		return blocks;
	}

	private static List<String> cells(String row) {
		String inner = row.strip();
		if (inner.startsWith("|")) {
			inner = inner.substring(1);
		}
		if (inner.endsWith("|")) {
			inner = inner.substring(0, inner.length() - 1);
		}
		List<String> cells = new ArrayList<>();
		for (String cell : inner.split("\\|")) {
			String text = cell.strip();
			if (!text.isEmpty()) {
				cells.add(text);
			}
		}
		return cells;
	}

	private static void flush(List<TextBlock> blocks, List<String> paragraph) {
		if (!paragraph.isEmpty()) {
			add(blocks, String.join(" ", paragraph), true);
			paragraph.clear();
		}
	}

	private static void add(List<TextBlock> blocks, String text, boolean inline) {
		String cleaned = inline ? clean(text) : Texts.fold(text);
		if (!cleaned.isEmpty()) {
			blocks.add(TextBlock.paragraph(cleaned));
		}
	}

	static String clean(String text) {
		String result = IMAGE.matcher(text).replaceAll("$1");
		result = LINK.matcher(result).replaceAll("$1");
		result = REFERENCE_LINK.matcher(result).replaceAll("$1");
		result = HTML_TAG.matcher(result).replaceAll("");
		result = CODE_SPAN.matcher(result).replaceAll("$1");
		String previous;
		do {
			previous = result;
			result = EMPHASIS.matcher(result).replaceAll("$2");
		}
		while (!result.equals(previous));
		return Texts.fold(result.replace("\\", ""));
	}

	private static String unquote(String value) {
		if (value.length() >= 2
				&& (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
			return value.substring(1, value.length() - 1);
		}
		return value;
	}

}
