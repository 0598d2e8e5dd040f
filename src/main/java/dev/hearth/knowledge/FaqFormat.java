package dev.hearth.knowledge;

import java.util.Locale;

/** The FAQ file formats; see kb-import/README.md. */
public enum FaqFormat {

	/** One JSON object per line: id, question, examples, answer, tags, language. */
	JSONL,
	/**
	 * A header row, then one row per phrasing: id, question, example, answer, then tag
	 * columns.
	 */
	CSV;

	public static FaqFormat of(String name) {
		try {
			return valueOf(name.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new IllegalArgumentException("format must be jsonl or csv, got '" + name + "'");
		}
	}

}
