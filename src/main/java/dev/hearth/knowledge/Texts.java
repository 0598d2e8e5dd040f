package dev.hearth.knowledge;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Small text helpers shared by the readers.
 */
final class Texts {

	private Texts() {
	}

	/**
	 * Folds every run of whitespace (including non-breaking spaces) into one space and
	 * trims.
	 */
	static String fold(CharSequence text) {
		StringBuilder out = new StringBuilder(text.length());
		boolean space = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c) || c == '\u00a0' || Character.isISOControl(c)) {
				space = out.length() > 0;
			}
			else {
				if (space) {
					out.append(' ');
					space = false;
				}
				out.append(c);
			}
		}
		return out.toString();
	}

	/**
	 * Decodes UTF-8 (dropping a byte-order mark), or Windows-1252 when the bytes are not
	 * UTF-8.
	 */
	static String decode(byte[] bytes) {
		int offset = (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
				&& (bytes[2] & 0xff) == 0xbf) ? 3 : 0;
		ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(buffer)
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(bytes, offset, bytes.length - offset, Charset.forName("windows-1252"));
		}
	}

	/** The file name without folders and extension. */
	static String baseName(String source) {
		String name = source.substring(source.lastIndexOf('/') + 1);
		int dot = name.lastIndexOf('.');
		return (dot > 0) ? name.substring(0, dot) : name;
	}

}
