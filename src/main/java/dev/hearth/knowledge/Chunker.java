package dev.hearth.knowledge;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Cuts a parsed document into chunks that follow its structure: a chunk never spans two
 * sections (the headings above it are its section path), paragraphs are kept whole when
 * they fit and otherwise split between sentences, and a chunk that continues a section
 * starts with the last whole sentences of the one before, up to the overlap. Only a
 * single sentence longer than a chunk is split inside, at a space. A document that has
 * only headings is one chunk holding its last heading. Thread-safe: stateless.
 */
final class Chunker {

	static final String SECTION_SEPARATOR = " > ";

	private final int maxChars;

	private final int overlapChars;

	Chunker(int maxChars, int overlapChars) {
		if (maxChars < 100) {
			throw new IllegalArgumentException("maxChars must be at least 100, got " + maxChars);
		}
		if (overlapChars < 0 || overlapChars >= maxChars / 2) {
			throw new IllegalArgumentException(
					"overlapChars must be between 0 and half of maxChars (" + maxChars / 2 + "), got " + overlapChars);
		}
		this.maxChars = maxChars;
		this.overlapChars = overlapChars;
	}

	List<Chunk> chunk(ParsedDocument document) {
		Locale locale = Locale.forLanguageTag(document.language());
		List<Chunk> chunks = new ArrayList<>();
		Deque<TextBlock> headings = new ArrayDeque<>();
		Section section = new Section(locale, chunks, "");
		TextBlock lastHeading = null;
		for (TextBlock block : document.blocks()) {
			if (block.isHeading()) {
				lastHeading = block;
				section.finish();
				while (!headings.isEmpty() && headings.peekLast().headingLevel() >= block.headingLevel()) {
					headings.removeLast();
				}
				headings.addLast(block);
				section = new Section(locale, chunks, path(headings));
			}
			else {
				section.add(block.text());
			}
		}
		section.finish();
		if (chunks.isEmpty() && lastHeading != null) {
			// a document that is only headings is still a document: its headings are its
			// text
			chunks.add(new Chunk(0, path(headings), lastHeading.text()));
		}
		return chunks;
	}

	private static String path(Deque<TextBlock> headings) {
		List<String> names = new ArrayList<>(headings.size());
		for (TextBlock heading : headings) {
			names.add(heading.text());
		}
		return String.join(SECTION_SEPARATOR, names);
	}

	/** The chunks of one section, built paragraph by paragraph. */
	private final class Section {

		private final Locale locale;

		private final List<Chunk> out;

		private final String path;

		private final StringBuilder current = new StringBuilder();

		private boolean currentHasNewText;

		Section(Locale locale, List<Chunk> out, String path) {
			this.locale = locale;
			this.out = out;
			this.path = path;
		}

		void add(String paragraph) {
			if (fits(paragraph, "\n\n")) {
				append(paragraph, "\n\n");
				return;
			}
			if (paragraph.length() <= Chunker.this.maxChars) {
				emit();
				append(paragraph, "\n\n");
				return;
			}
			boolean first = true;
			for (String sentence : Sentences.of(paragraph, this.locale)) {
				for (String piece : pieces(sentence)) {
					String separator = first ? "\n\n" : " ";
					if (!fits(piece, separator)) {
						emit();
					}
					append(piece, separator);
					first = false;
				}
			}
		}

		void finish() {
			if (this.currentHasNewText) {
				this.out.add(new Chunk(this.out.size(), this.path, this.current.toString()));
			}
			this.current.setLength(0);
			this.currentHasNewText = false;
		}

		private boolean fits(String text, String separator) {
			int added = (this.current.length() == 0) ? text.length() : separator.length() + text.length();
			return this.current.length() + added <= Chunker.this.maxChars;
		}

		private void append(String text, String separator) {
			if (!fits(text, separator)) {
				emit();
			}
			if (!fits(text, separator)) {
				// the overlap and the text do not fit together: drop the overlap
				this.current.setLength(0);
			}
			if (this.current.length() > 0) {
				this.current.append(separator);
			}
			this.current.append(text);
			this.currentHasNewText = true;
		}

		private void emit() {
			if (!this.currentHasNewText) {
				return;
			}
			String text = this.current.toString();
			this.out.add(new Chunk(this.out.size(), this.path, text));
			this.current.setLength(0);
			this.current.append(overlap(text));
			this.currentHasNewText = false;
		}

		private String overlap(String text) {
			if (Chunker.this.overlapChars == 0) {
				return "";
			}
			List<String> sentences = Sentences.of(text.substring(text.lastIndexOf("\n\n") + 1).strip(), this.locale);
			int length = 0;
			int from = sentences.size();
			while (from > 0 && length + sentences.get(from - 1).length() + 1 <= Chunker.this.overlapChars) {
				length += sentences.get(from - 1).length() + 1;
				from--;
			}
			return String.join(" ", sentences.subList(from, sentences.size()));
		}

		private List<String> pieces(String sentence) {
			int max = Chunker.this.maxChars - Chunker.this.overlapChars - 2;
			if (sentence.length() <= max) {
				return List.of(sentence);
			}
			List<String> pieces = new ArrayList<>();
			int start = 0;
			while (start < sentence.length()) {
				int end = Math.min(sentence.length(), start + max);
				if (end < sentence.length()) {
					int space = sentence.lastIndexOf(' ', end);
					if (space > start + max / 2) {
						end = space;
					}
				}
				pieces.add(sentence.substring(start, end).strip());
				start = end;
			}
			return pieces;
		}

	}

}
