package dev.hearth.knowledge;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one rule for who may see knowledge-base content, used by answers (FAQ and
 * documents), citation pages and the console alike: content is for customers only when
 * its {@code audience} tag names one of the customer audiences. Content without an
 * audience tag is internal: agents find it (search, console), customers never see it
 * (docs/adr/0008-audience-default.md). An FAQ is written for customers, so FAQ entries
 * imported without an audience tag get {@value #FAQ_DEFAULT}; documents keep no tag and
 * stay internal, and the import result says so. Thread-safe: stateless.
 */
public final class Audiences {

	/** The tag key. */
	public static final String KEY = "audience";

	/** The audience an FAQ entry without an audience tag is imported with. */
	public static final String FAQ_DEFAULT = "customer";

	/** What an import reports for content without an audience tag. */
	public static final String INTERNAL = "internal";

	private Audiences() {
	}

	/**
	 * Whether content with these tags may be shown to someone in one of
	 * {@code audiences}.
	 */
	public static boolean visibleTo(Map<String, List<String>> tags, Collection<String> audiences) {
		List<String> tagged = tags.getOrDefault(KEY, List.of());
		return tagged.stream().anyMatch(audiences::contains);
	}

	/**
	 * The audiences content with these tags is for, or {@value #INTERNAL} when untagged.
	 */
	public static List<String> applied(Map<String, List<String>> tags) {
		List<String> tagged = tags.getOrDefault(KEY, List.of());
		return tagged.isEmpty() ? List.of(INTERNAL) : tagged;
	}

	/** The tags with {@code audience} set to {@code fallback} when they have none. */
	static Map<String, List<String>> withDefault(Map<String, List<String>> tags, String fallback) {
		if (!tags.getOrDefault(KEY, List.of()).isEmpty()) {
			return tags;
		}
		Map<String, List<String>> withAudience = new LinkedHashMap<>(tags);
		withAudience.put(KEY, List.of(fallback));
		return withAudience;
	}

}
