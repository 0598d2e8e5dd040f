package dev.hearth.system;

/**
 * What Hearth does to text that comes in from outside (request bodies, form fields,
 * imported files) before it is stored or answered: removes the control characters no one
 * types (PostgreSQL refuses U+0000 in text; the others only hide things), and caps runs
 * of combining marks ("Zalgo" text, which makes text analysis slow) at
 * {@value #MAX_COMBINING_MARKS} per character, more than any written language uses.
 * Stateless and thread-safe.
 */
public final class InputText {

	/** The most combining marks kept on one base character. */
	public static final int MAX_COMBINING_MARKS = 8;

	private InputText() {
	}

	/**
	 * The text without control characters other than tab, line feed and carriage return,
	 * and with at most {@value #MAX_COMBINING_MARKS} combining marks per base character;
	 * {@code null} stays {@code null}. Returns the same instance when nothing changes.
	 */
	public static String clean(String text) {
		if (text == null || isClean(text)) {
			return text;
		}
		StringBuilder cleaned = new StringBuilder(text.length());
		int marks = 0;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			i += Character.charCount(cp);
			if (isUnwantedControl(cp)) {
				continue;
			}
			if (isCombiningMark(cp)) {
				if (++marks > MAX_COMBINING_MARKS) {
					continue;
				}
			}
			else {
				marks = 0;
			}
			cleaned.appendCodePoint(cp);
		}
		return cleaned.toString();
	}

	/**
	 * Whether the text has at least one character a reader can see: not only white space,
	 * zero-width and other format characters, combining marks without a base, or blank
	 * fillers.
	 */
	public static boolean hasVisibleText(String text) {
		if (text == null) {
			return false;
		}
		return text.codePoints().anyMatch(InputText::isVisible);
	}

	private static boolean isClean(String text) {
		int marks = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (isUnwantedControl(c)) {
				return false;
			}
			if (isCombiningMark(c)) {
				if (++marks > MAX_COMBINING_MARKS) {
					return false;
				}
			}
			else if (!Character.isSurrogate(c)) {
				marks = 0;
			}
		}
		return true;
	}

	private static boolean isUnwantedControl(int cp) {
		return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7f && cp < 0xa0);
	}

	private static boolean isCombiningMark(int cp) {
		int type = Character.getType(cp);
		return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
				|| type == Character.COMBINING_SPACING_MARK;
	}

	private static boolean isVisible(int cp) {
		if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || isCombiningMark(cp)) {
			return false;
		}
		int type = Character.getType(cp);
		if (type == Character.FORMAT || type == Character.CONTROL || type == Character.UNASSIGNED
				|| type == Character.PRIVATE_USE || type == Character.SURROGATE) {
			return false;
		}
		// letters that render as nothing: Hangul fillers, the braille blank
		return cp != 0x115F && cp != 0x1160 && cp != 0x3164 && cp != 0xFFA0 && cp != 0x2800;
	}

}
