package dev.hearth.knowledge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Tags are a map from a lowercase key (audience, product, ...) to a sorted set of values.
 * This class normalises and parses them. Thread-safe: stateless.
 */
public final class Tags {

	private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_-]{0,49}");

	private Tags() {
	}

	/**
	 * A sorted, unmodifiable copy with keys checked, values trimmed and duplicates
	 * removed.
	 */
	public static Map<String, List<String>> normalise(Map<String, List<String>> tags) {
		if (tags == null || tags.isEmpty()) {
			return Map.of();
		}
		Map<String, List<String>> sorted = new TreeMap<>();
		tags.forEach((key, values) -> {
			String k = (key == null) ? "" : key.strip().toLowerCase(Locale.ROOT);
			if (!KEY.matcher(k).matches()) {
				throw new IllegalArgumentException(
						"tag key '" + key + "' must be a lowercase word (letters, digits, '_' or '-')");
			}
			TreeSet<String> set = new TreeSet<>();
			for (String value : values) {
				if (value != null && !value.isBlank()) {
					set.add(value.strip());
				}
			}
			if (!set.isEmpty()) {
				sorted.put(k, List.copyOf(set));
			}
		});
		return Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
	}

	/**
	 * Parses {@code key:value} (or {@code key=value}) items, as the admin API and CLI
	 * take them.
	 */
	public static Map<String, List<String>> parse(List<String> items) {
		Map<String, List<String>> tags = new TreeMap<>();
		if (items == null) {
			return Map.of();
		}
		for (String item : items) {
			int at = indexOfSeparator(item);
			if (at <= 0 || at == item.length() - 1) {
				throw new IllegalArgumentException("tag '" + item + "' must look like key:value, e.g. product:fibre");
			}
			tags.computeIfAbsent(item.substring(0, at).strip().toLowerCase(Locale.ROOT), (k) -> new ArrayList<>())
				.add(item.substring(at + 1).strip());
		}
		return normalise(tags);
	}

	private static int indexOfSeparator(String item) {
		int colon = item.indexOf(':');
		int equals = item.indexOf('=');
		if (colon < 0) {
			return equals;
		}
		return (equals < 0) ? colon : Math.min(colon, equals);
	}

}
