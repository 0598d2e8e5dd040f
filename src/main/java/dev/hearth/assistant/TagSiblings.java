package dev.hearth.assistant;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import dev.hearth.knowledge.Audiences;
import dev.hearth.knowledge.FaqEntry;

/**
 * An FAQ entry written for some values of a tag and asked about another one: "is there a
 * discount if I take TV and broadband together?" matches the bundle discount for
 * broadband and mobile, which is tagged {@code product: fibre, mobile} and whose own
 * question names "mobile"; the question names "TV", a product of the same knowledge base
 * the entry is not tagged for, and never says "mobile". Such an entry answers a sibling's
 * question ("Yes. … every mobile line gets €4 off"), so it does not answer and the
 * documents are asked instead.
 * <p>
 * The values are the knowledge base's own: every tag key but the audience, and each value
 * that is one word, gathered from all FAQ entries. A knowledge base that tags nothing
 * gets no such check, and an entry tagged for every value of a key is never another's.
 * Words are compared as {@link ContentWords} stems. Thread-safe: the values are rebuilt
 * when the FAQ's revision changes ({@link PerRevision}).
 */
final class TagSiblings {

	private final Supplier<List<FaqEntry>> entries;

	private final PerRevision<Map<String, Set<String>>> values;

	/**
	 * @param entries the FAQ entries
	 * @param revision the FAQ's revision, which changes when an entry does
	 */
	TagSiblings(Supplier<List<FaqEntry>> entries, LongSupplier revision) {
		this.entries = entries;
		this.values = new PerRevision<>(revision, this::valuesByKey);
	}

	/**
	 * The value of a tag that the question names and the entry neither is tagged with nor
	 * says, when the entry's own question names another value of that tag, one it is
	 * tagged with and the question does not name; empty otherwise ("can I use my own
	 * router with the TV?" is answered by the own-router entry, tagged for fibre, because
	 * it says "TV Boxes work with any router").
	 * @param question the customer's words
	 * @param entry the FAQ entry about to answer
	 */
	Optional<String> otherValue(String question, FaqEntry entry) {
		Set<String> asked = ContentWords.setOf(question);
		Set<String> said = ContentWords.setOf(entry.question() + " " + entry.answer());
		// what the entry is about is what its own question names ("Do I get a discount
		// if I have broadband and mobile with you?"); an answer that mentions a fibre
		// box does not make the Wi-Fi entry one about fibre ("the wifi is slow on my
		// mobile")
		Set<String> about = ContentWords.setOf(entry.question());
		for (Map.Entry<String, Set<String>> key : this.values.get().entrySet()) {
			Set<String> tagged = stems(entry.tags().getOrDefault(key.getKey(), List.of()));
			if (tagged.isEmpty()) {
				continue;
			}
			Optional<String> other = key.getValue()
				.stream()
				.filter(asked::contains)
				.filter((value) -> !tagged.contains(value) && !said.contains(value))
				.findFirst();
			boolean saysItsOwn = tagged.stream().anyMatch((value) -> about.contains(value) && !asked.contains(value));
			if (other.isPresent() && saysItsOwn) {
				return other;
			}
		}
		return Optional.empty();
	}

	/** Every tag key but the audience, with its one-word values over all FAQ entries. */
	private Map<String, Set<String>> valuesByKey() {
		Map<String, Set<String>> byKey = new LinkedHashMap<>();
		for (FaqEntry entry : this.entries.get()) {
			entry.tags().forEach((key, tagValues) -> {
				if (!Audiences.KEY.equals(key)) {
					byKey.computeIfAbsent(key, (k) -> new LinkedHashSet<>()).addAll(stems(tagValues));
				}
			});
		}
		byKey.replaceAll((key, stems) -> Set.copyOf(stems));
		return Map.copyOf(byKey);
	}

	/** The one-word values as content-word stems ("tv", "mobil"); others are left out. */
	private static Set<String> stems(List<String> values) {
		Set<String> stems = new LinkedHashSet<>();
		for (String value : values) {
			List<String> words = ContentWords.of(value);
			if (words.size() == 1) {
				stems.add(words.get(0));
			}
		}
		return stems;
	}

}
