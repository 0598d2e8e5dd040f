package dev.hearth.privacy;

/**
 * Personal data found in a text.
 *
 * @param kind what it is
 * @param start its first character
 * @param end one past its last character
 */
public record PiiMatch(PiiClass kind, int start, int end) {

	public PiiMatch {
		if (start < 0 || end <= start) {
			throw new IllegalArgumentException("a match needs 0 <= start < end, got " + start + ".." + end);
		}
	}

	boolean overlaps(PiiMatch other) {
		return this.start < other.end && other.start < this.end;
	}

}
