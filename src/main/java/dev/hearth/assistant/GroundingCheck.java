package dev.hearth.assistant;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a generated sentence is supported by the passages it was generated
 * from: enough of its content words must occur in them, and every number it states must
 * occur in them verbatim (a wrong price or deadline is the costliest hallucination).
 * Citation markers like [1] are ignored. Thread-safe once built.
 */
final class GroundingCheck {

	private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,:]\\d+)*");

	private static final Pattern CITATION = Pattern.compile("\\[\\d+(?:\\s*,\\s*\\d+)*]");

	private final Set<String> words = new HashSet<>();

	private final Set<String> numbers = new HashSet<>();

	private final double minSupport;

	GroundingCheck(List<String> passages, double minSupport) {
		for (String passage : passages) {
			this.words.addAll(ContentWords.of(passage));
			Matcher matcher = NUMBER.matcher(passage);
			while (matcher.find()) {
				this.numbers.add(matcher.group());
			}
		}
		this.minSupport = minSupport;
	}

	boolean supports(String sentence) {
		String text = CITATION.matcher(sentence).replaceAll(" ");
		Matcher matcher = NUMBER.matcher(text);
		while (matcher.find()) {
			if (!this.numbers.contains(matcher.group())) {
				return false;
			}
		}
		List<String> content = ContentWords.of(text);
		if (content.isEmpty()) {
			return true;
		}
		long found = content.stream().filter(this.words::contains).count();
		return found >= this.minSupport * content.size();
	}

}
