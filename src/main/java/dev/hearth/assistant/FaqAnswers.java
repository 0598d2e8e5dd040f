package dev.hearth.assistant;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.hearth.knowledge.FaqEntry;

/**
 * What {@link Answerability} judges an FAQ answer and a document span against, beyond the
 * text itself: an entry's context is its question, its phrasings and its answer; the
 * words common to most passages retrieved for a question are the knowledge base's own
 * (the company's name, its app), which distinguish nothing. Thread-safe: stateless.
 */
final class FaqAnswers {

	private FaqAnswers() {
	}

	/** The entry's question, phrasings and answer, one per line. */
	static String context(FaqEntry entry) {
		StringBuilder context = new StringBuilder(entry.question());
		for (String example : entry.examples()) {
			context.append('\n').append(example);
		}
		return context.append('\n').append(entry.answer()).toString();
	}

	/**
	 * The content words found in at least half of the passages (their title and text);
	 * empty for fewer than two passages.
	 */
	static Set<String> common(List<Passage> passages) {
		if (passages.size() < 2) {
			return Set.of();
		}
		Map<String, Integer> counts = new HashMap<>();
		for (Passage passage : passages) {
			for (String word : ContentWords.setOf(passage.hit().title() + "\n" + passage.hit().passage())) {
				counts.merge(word, 1, Integer::sum);
			}
		}
		return counts.entrySet()
			.stream()
			.filter((e) -> 2 * e.getValue() >= passages.size())
			.map(Map.Entry::getKey)
			.collect(Collectors.toUnmodifiableSet());
	}

}
