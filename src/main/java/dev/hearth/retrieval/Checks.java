package dev.hearth.retrieval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Argument checks shared by the records of this package. Every message names the
 * argument, so a caller can tell which input was wrong; tests assert the exact wording.
 */
final class Checks {

	private Checks() {
	}

	static String requireNonBlank(String value, String name) {
		if (value == null) {
			throw new NullPointerException(name + " must not be null");
		}
		if (value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
		return value;
	}

	static <T> T requireNonNull(T value, String name) {
		if (value == null) {
			throw new NullPointerException(name + " must not be null");
		}
		return value;
	}

	/** An ordered, unmodifiable copy of passage tags; the key "language" is reserved. */
	static Map<String, List<String>> copyTags(Map<String, List<String>> tags) {
		requireNonNull(tags, "tags");
		Map<String, List<String>> copy = new LinkedHashMap<>();
		tags.forEach((key, values) -> {
			requireTagKey(key);
			if (values == null) {
				throw new NullPointerException("tag '" + key + "' must not have null values");
			}
			List<String> valuesCopy = new ArrayList<>(values.size());
			for (String value : values) {
				if (value == null || value.isBlank()) {
					throw new IllegalArgumentException("tag '" + key + "' must not have a null or blank value");
				}
				valuesCopy.add(value);
			}
			copy.put(key, List.copyOf(valuesCopy));
		});
		return Collections.unmodifiableMap(copy);
	}

	/**
	 * An ordered, unmodifiable copy of query filters; every key needs at least one value.
	 */
	static Map<String, Set<String>> copyFilters(Map<String, Set<String>> filters) {
		if (filters == null) {
			throw new NullPointerException("filters must not be null; use Map.of() for no filter");
		}
		Map<String, Set<String>> copy = new LinkedHashMap<>();
		filters.forEach((key, values) -> {
			if (key == null || key.isBlank()) {
				throw new IllegalArgumentException("filter key must not be null or blank");
			}
			if (values == null || values.isEmpty()) {
				throw new IllegalArgumentException("filter '" + key + "' must list at least one value");
			}
			Set<String> valuesCopy = new LinkedHashSet<>();
			for (String value : values) {
				if (value == null) {
					throw new IllegalArgumentException("filter '" + key + "' must not contain null");
				}
				valuesCopy.add(value);
			}
			copy.put(key, Collections.unmodifiableSet(valuesCopy));
		});
		return Collections.unmodifiableMap(copy);
	}

	private static void requireTagKey(String key) {
		if (key == null || key.isBlank()) {
			throw new IllegalArgumentException("tag key must not be null or blank");
		}
		if (key.equals(PassageSchema.LANGUAGE)) {
			throw new IllegalArgumentException(
					"tag key 'language' is reserved; set the passage's language component instead");
		}
	}

}
