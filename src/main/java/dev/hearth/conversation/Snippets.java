package dev.hearth.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.hearth.crypto.SearchTokens;

/**
 * A search hit's snippet, made from the opened message in Java (PostgreSQL cannot read a
 * sealed text): up to {@link #MAX_WORDS} words from a little before the first match, each
 * matching word between « and ». Stateless.
 */
final class Snippets {

	static final int MAX_WORDS = 24;

	private static final int BEFORE = 6;

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+");

	private Snippets() {
	}

	static String highlight(String text, Set<String> words) {
		List<int[]> spans = new ArrayList<>();
		List<Boolean> hits = new ArrayList<>();
		Matcher matcher = WORD.matcher(text);
		int first = -1;
		while (matcher.find()) {
			boolean hit = !SearchTokens.normalisedWords(matcher.group())
				.stream()
				.filter(words::contains)
				.toList()
				.isEmpty();
			if (hit && first < 0) {
				first = spans.size();
			}
			spans.add(new int[] { matcher.start(), matcher.end() });
			hits.add(hit);
		}
		if (spans.isEmpty()) {
			return text;
		}
		int from = Math.max(0, Math.max(first, 0) - BEFORE);
		int to = Math.min(spans.size(), from + MAX_WORDS);
		StringBuilder out = new StringBuilder();
		int at = (from == 0) ? 0 : spans.get(from)[0];
		for (int i = from; i < to; i++) {
			int[] span = spans.get(i);
			out.append(text, at, span[0]);
			if (hits.get(i)) {
				out.append('«').append(text, span[0], span[1]).append('»');
			}
			else {
				out.append(text, span[0], span[1]);
			}
			at = span[1];
		}
		if (to == spans.size()) {
			out.append(text.substring(at));
		}
		return out.toString().strip();
	}

}
