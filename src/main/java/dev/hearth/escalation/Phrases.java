package dev.hearth.escalation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Matches a topic's phrases as whole words, case-insensitively, with a trailing {@code *}
 * for any ending ("invest*" matches "investing"). Compiled patterns are cached per phrase
 * list. Thread-safe.
 */
final class Phrases {

	private final Map<List<String>, Pattern> compiled = new ConcurrentHashMap<>();

	/** The first phrase of {@code phrases} that occurs in {@code message}, or null. */
	String firstMatch(List<String> phrases, String message) {
		if (phrases.isEmpty()) {
			return null;
		}
		java.util.regex.Matcher m = this.compiled.computeIfAbsent(phrases, Phrases::compile).matcher(message);
		return m.find() ? m.group() : null;
	}

	private static Pattern compile(List<String> phrases) {
		StringBuilder alternatives = new StringBuilder();
		for (String phrase : phrases) {
			String text = phrase.strip();
			boolean prefix = text.endsWith("*");
			if (prefix) {
				text = text.substring(0, text.length() - 1);
			}
			String words = Pattern.quote(text).replace(" ", "\\E\\s+\\Q");
			if (!alternatives.isEmpty()) {
				alternatives.append('|');
			}
			alternatives.append(words).append(prefix ? "[\\p{L}\\p{N}]*" : "");
		}
		return Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])");
	}

}
