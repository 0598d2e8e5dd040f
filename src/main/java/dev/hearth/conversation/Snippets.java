package dev.hearth.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A search hit's snippet, cut from a message after it was masked for the viewer: the
 * whole message is masked first (so a card number cut in half by the snippet's edge is
 * still recognised and masked), then up to {@link #WORDS} words around the first match
 * are kept and each query word is marked between « and ». Thread-safe: stateless.
 */
final class Snippets {

	static final int WORDS = 24;

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

	private Snippets() {
	}

	static String of(String text, String query, UnaryOperator<String> mask) {
		if (text == null) {
			return null;
		}
		String masked = mask.apply(text);
		Set<String> wanted = WORD.matcher(query.toLowerCase(Locale.ROOT))
			.results()
			.map(java.util.regex.MatchResult::group)
			.collect(Collectors.toSet());
		List<int[]> words = new ArrayList<>();
		Matcher matcher = WORD.matcher(masked);
		int first = -1;
		while (matcher.find()) {
			if (first < 0 && wanted.contains(matcher.group().toLowerCase(Locale.ROOT))) {
				first = words.size();
			}
			words.add(new int[] { matcher.start(), matcher.end() });
		}
		if (words.isEmpty()) {
			return masked;
		}
		int from = Math.max(0, Math.max(first, 0) - WORDS / 3);
		int to = Math.min(words.size(), from + WORDS);
		int start = (from == 0) ? 0 : words.get(from)[0];
		int end = (to == words.size()) ? masked.length() : words.get(to - 1)[1];
		StringBuilder out = new StringBuilder((start > 0) ? "… " : "");
		int last = start;
		for (int i = from; i < to; i++) {
			int[] word = words.get(i);
			if (wanted.contains(masked.substring(word[0], word[1]).toLowerCase(Locale.ROOT))) {
				out.append(masked, last, word[0]).append('«').append(masked, word[0], word[1]).append('»');
				last = word[1];
			}
		}
		out.append(masked, last, end);
		if (end < masked.length()) {
			out.append(" …");
		}
		return out.toString();
	}

}
