package dev.hearth.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Detects one kind of personal data by a regular expression, optionally confirmed by a
 * check on the matched value (a checksum, say). Thread-safe.
 */
public final class PatternDetector implements PiiDetector {

	private final PiiClass kind;

	private final Pattern pattern;

	private final Predicate<String> check;

	public PatternDetector(PiiClass kind, Pattern pattern, Predicate<String> check) {
		this.kind = kind;
		this.pattern = pattern;
		this.check = check;
	}

	public PatternDetector(PiiClass kind, String regex) {
		this(kind, Pattern.compile(regex), (value) -> true);
	}

	/**
	 * The length of the longest acceptable prefix of a match: the match itself, or, when
	 * the check refuses it (a word after an IBAN looks like one more group of it, say),
	 * the match cut back at a space or dash.
	 */
	private int accepted(String value) {
		if (value.isEmpty()) {
			return 0;
		}
		if (this.check.test(value)) {
			return value.length();
		}
		for (int end = value.length() - 1; end > 0; end--) {
			char c = value.charAt(end);
			if ((c == ' ' || c == '-') && this.pattern.matcher(value.substring(0, end)).matches()
					&& this.check.test(value.substring(0, end))) {
				return end;
			}
		}
		return 0;
	}

	@Override
	public List<PiiMatch> detect(String text) {
		List<PiiMatch> matches = new ArrayList<>();
		Matcher matcher = this.pattern.matcher(text);
		int from = 0;
		while (from < text.length() && matcher.find(from)) {
			int start = matcher.start();
			int end = accepted(matcher.group());
			if (end > 0) {
				matches.add(new PiiMatch(this.kind, start, start + end));
				from = start + end;
			}
			else {
				from = start + 1;
			}
		}
		return matches;
	}

}
