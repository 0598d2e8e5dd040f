package dev.hearth.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import dev.hearth.knowledge.FaqEntry;

/**
 * The words customers ask with: the content words of every FAQ entry's question and
 * example phrasings in one language (ADR 0090). A company's FAQ records how its customers
 * ask; where a German word's dictionary senses differ, the one its customers' questions
 * use ("cancel", not "call", for "Kündigung") is the meant one. Computed again when the
 * FAQ's revision changes. Thread-safe.
 */
final class AskedWords {

	private final PerRevision<List<Set<String>>> phrasings;

	/**
	 * @param entries the FAQ entries
	 * @param revision the FAQ's revision
	 * @param language the language whose phrasings count (ISO 639-1)
	 */
	AskedWords(Supplier<List<FaqEntry>> entries, LongSupplier revision, String language) {
		this.phrasings = new PerRevision<>(revision, () -> {
			List<Set<String>> words = new ArrayList<>();
			for (FaqEntry entry : entries.get()) {
				if (language.equals(LanguageDetection.normalize(entry.language()))) {
					words.add(ContentWords.setOf(entry.question()));
					entry.examples().forEach((example) -> words.add(ContentWords.setOf(example)));
				}
			}
			return List.copyOf(words);
		});
	}

	/**
	 * In how many phrasings every content word of a sense occurs (0 for a sense of stop
	 * words only).
	 */
	int phrasingsHolding(String sense) {
		Set<String> words = ContentWords.setOf(sense);
		if (words.isEmpty()) {
			return 0;
		}
		int count = 0;
		for (Set<String> phrasing : this.phrasings.get()) {
			if (phrasing.containsAll(words)) {
				count++;
			}
		}
		return count;
	}

}
