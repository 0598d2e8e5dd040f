package dev.hearth.assistant.router;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * The lexical view of a text: hashed word unigrams, word bigrams and character n-grams of
 * each word (with boundary marks, so "<tr", "rac", "ack>" of "track" still match inside a
 * misspelt or run-on "trackmyorder"). Text is lower-cased, accents are removed and
 * apostrophes dropped ("don't" and "dont" are one word). Hashes are stable across JVMs
 * and versions of Hearth: they are part of the serialized router.
 */
final class Ngrams {

	private static final int WORD = 0x1b873593;

	private static final int BIGRAM = 0x5bd1e995;

	private static final int CHARS = 0x27d4eb2d;

	private Ngrams() {
	}

	/**
	 * The n-gram hashes of a text, sorted, one entry per occurrence (a repeated n-gram
	 * appears repeatedly), never 0.
	 */
	static int[] hashes(String text, int charMin, int charMax) {
		char[] chars = normalize(text);
		int[] out = new int[64];
		int count = 0;
		int previousWord = 0;
		int start = -1;
		for (int i = 0; i <= chars.length; i++) {
			boolean wordChar = i < chars.length && chars[i] != ' ';
			if (wordChar && start < 0) {
				start = i;
			}
			else if (!wordChar && start >= 0) {
				int needed = count + 2 + (charMax - charMin + 1) * (i - start + 2);
				if (needed > out.length) {
					out = Arrays.copyOf(out, Math.max(needed, out.length * 2));
				}
				int word = hash(WORD, chars, start, i, false, false);
				out[count++] = word;
				if (previousWord != 0) {
					out[count++] = nonZero(fmix(previousWord * 31 + word ^ BIGRAM));
				}
				previousWord = word;
				count = charNgrams(chars, start, i, charMin, charMax, out, count);
				start = -1;
			}
		}
		int[] result = Arrays.copyOf(out, count);
		Arrays.sort(result);
		return result;
	}

	private static int charNgrams(char[] chars, int from, int to, int min, int max, int[] out, int count) {
		int padded = to - from + 2;
		for (int n = min; n <= max && n <= padded; n++) {
			for (int start = 0; start + n <= padded; start++) {
				// positions in the padded word "<word>": 0 is '<', padded - 1 is '>'
				boolean open = start == 0;
				boolean close = start + n == padded;
				int first = from + start - 1 + (open ? 1 : 0);
				int last = from + start + n - 1 - (close ? 1 : 0);
				out[count++] = hash(CHARS + n, chars, first, last, open, close);
			}
		}
		return count;
	}

	private static int hash(int seed, char[] chars, int from, int to, boolean open, boolean close) {
		int h = 0x811C9DC5 ^ seed;
		if (open) {
			h = (h ^ '<') * 0x01000193;
		}
		for (int i = from; i < to; i++) {
			h = (h ^ chars[i]) * 0x01000193;
		}
		if (close) {
			h = (h ^ '>') * 0x01000193;
		}
		return nonZero(fmix(h));
	}

	private static int fmix(int h) {
		h ^= h >>> 16;
		h *= 0x85ebca6b;
		h ^= h >>> 13;
		h *= 0xc2b2ae35;
		h ^= h >>> 16;
		return h;
	}

	private static int nonZero(int h) {
		return (h != 0) ? h : 1;
	}

	/** Lower case, no accents, no apostrophes, every other non-alphanumeric a space. */
	static char[] normalize(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
		char[] out = new char[decomposed.length()];
		int length = 0;
		for (int i = 0; i < decomposed.length(); i++) {
			char c = decomposed.charAt(i);
			if (Character.getType(c) == Character.NON_SPACING_MARK || c == '\'' || c == '\u2019') {
				continue;
			}
			out[length++] = Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : ' ';
		}
		return Arrays.copyOf(out, length);
	}

}
