package dev.hearth.assistant;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.hearth.knowledge.Sentences;

/**
 * Composes an answer from the passages themselves, with no language model: the sentences
 * that share the most meaning-bearing words with the question (near the top passages), in
 * their original order, each passage's sentences followed by its citation number.
 * Thread-safe: stateless.
 */
final class ExtractiveAnswers {

	private static final double KEEP_RELATIVE = 0.5;

	private ExtractiveAnswers() {
	}

	/**
	 * @param text the answer, with citation markers like [1]
	 * @param citations the passages cited, numbered as in the text
	 */
	record Composed(String text, List<Citation> citations) {
	}

	static Composed compose(String question, List<Passage> passages, int maxSentences, Locale locale) {
		Set<String> asked = ContentWords.setOf(question);
		record Scored(int passage, int position, String sentence, double score) {
		}
		List<Scored> all = new ArrayList<>();
		for (int p = 0; p < passages.size(); p++) {
			List<String> sentences = Sentences.of(passages.get(p).hit().passage(), locale);
			double weight = 1.0 / (1 + 0.25 * p);
			for (int s = 0; s < sentences.size(); s++) {
				List<String> words = ContentWords.of(sentences.get(s));
				long shared = words.stream().distinct().filter(asked::contains).count();
				double score = (words.isEmpty()) ? 0 : weight * shared / Math.sqrt(words.size() + 1.0);
				all.add(new Scored(p, s, sentences.get(s), score));
			}
		}
		if (all.isEmpty()) {
			return new Composed("", List.of());
		}
		double best = all.stream().mapToDouble(Scored::score).max().orElse(0);
		List<Scored> chosen;
		if (best == 0) {
			chosen = all.stream().filter((s) -> s.passage() == 0).limit(Math.min(2, maxSentences)).toList();
		}
		else {
			chosen = all.stream()
				.filter((s) -> s.score() >= KEEP_RELATIVE * best)
				.sorted(Comparator.comparingDouble(Scored::score).reversed())
				.limit(maxSentences)
				.sorted(Comparator.comparingInt(Scored::passage).thenComparingInt(Scored::position))
				.toList();
		}
		Map<Integer, Integer> numbers = new LinkedHashMap<>();
		StringBuilder text = new StringBuilder();
		int current = -1;
		for (Scored sentence : chosen) {
			if (sentence.passage() != current) {
				if (current >= 0) {
					text.append(" [").append(numbers.get(current)).append("] ");
				}
				current = sentence.passage();
				numbers.putIfAbsent(current, numbers.size() + 1);
			}
			else {
				text.append(' ');
			}
			text.append(sentence.sentence());
		}
		text.append(" [").append(numbers.get(current)).append(']');
		List<Citation> citations = new ArrayList<>();
		numbers.forEach((passage, number) -> citations.add(passages.get(passage).citation(number)));
		return new Composed(text.toString().strip(), citations);
	}

	static Locale locale(String language) {
		return (language == null || language.isBlank()) ? Locale.ENGLISH : Locale.forLanguageTag(language);
	}

}
