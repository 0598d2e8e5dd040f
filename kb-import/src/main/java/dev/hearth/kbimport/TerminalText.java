package dev.hearth.kbimport;

/**
 * Makes text from files and from the server safe to show on a terminal: control
 * characters, which could move the cursor, recolour, retitle or clear the operator's
 * terminal (ANSI escape sequences start with ESC), and the bidirectional overrides, which
 * could reorder what the operator reads, are shown escaped ({@code \e}, {@code \r},
 * {@code \x07}, {@code \u202e}). Line feeds and tabs stay as they are. Thread-safe:
 * stateless.
 */
final class TerminalText {

	private TerminalText() {
	}

	/**
	 * The text with every control character except line feed and tab, and every
	 * bidirectional override or isolate, replaced by its escape.
	 * @param text the text, or {@code null}
	 * @return the safe text ({@code "null"} for {@code null}, as {@code print} shows it)
	 */
	static String escape(String text) {
		if (text == null) {
			return "null";
		}
		int first = firstUnsafe(text);
		if (first < 0) {
			return text;
		}
		StringBuilder safe = new StringBuilder(text.length() + 8).append(text, 0, first);
		for (int i = first; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!unsafe(c)) {
				safe.append(c);
			}
			else if (c == '\u001b') {
				safe.append("\\e");
			}
			else if (c == '\r') {
				safe.append("\\r");
			}
			else if (c < 0x100) {
				safe.append(String.format("\\x%02x", (int) c));
			}
			else {
				safe.append(String.format("\\u%04x", (int) c));
			}
		}
		return safe.toString();
	}

	private static int firstUnsafe(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (unsafe(text.charAt(i))) {
				return i;
			}
		}
		return -1;
	}

	private static boolean unsafe(char c) {
		if (c == '\n' || c == '\t') {
			return false;
		}
		return Character.getType(c) == Character.CONTROL || (c >= '\u202a' && c <= '\u202e')
				|| (c >= '\u2066' && c <= '\u2069');
	}

}
