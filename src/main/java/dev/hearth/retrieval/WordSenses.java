package dev.hearth.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Groups of words that customers and help texts use for the same thing ("cancel" an
 * add-on the text says you can "remove"; "technician" for "engineer"), read as one
 * language field's analyzer reads them, so that a query can also ask for the other words
 * of a group its own words belong to. BM25 matches words only as written; a paraphrase
 * that shares no word with the passage that answers it ranks that passage far down, and
 * the retrievers then disagree on it. Immutable and thread-safe.
 */
final class WordSenses {

	/** The bundled English groups. */
	static final String ENGLISH = "word-senses-en.txt";

	private final Map<String, Set<String>> byTerm;

	private WordSenses(Map<String, Set<String>> byTerm) {
		this.byTerm = byTerm;
	}

	/**
	 * The groups of a text, one a line of words separated by spaces ({@code #} starts a
	 * comment), each word analysed into terms by {@code analyse}; a word the analyzer
	 * drops does not join its group.
	 * @throws IllegalArgumentException when a line has one word only
	 */
	static WordSenses of(List<String> lines, Function<String, List<String>> analyse) {
		Map<String, Set<String>> byTerm = new LinkedHashMap<>();
		for (String raw : lines) {
			String line = raw.strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			String[] words = line.split("\\s+");
			if (words.length < 2) {
				throw new IllegalArgumentException("a word-senses line needs two or more words, got: " + line);
			}
			Set<String> group = new LinkedHashSet<>();
			for (String word : words) {
				group.addAll(analyse.apply(word));
			}
			for (String term : group) {
				byTerm.computeIfAbsent(term, (t) -> new LinkedHashSet<>()).addAll(group);
			}
		}
		Map<String, Set<String>> frozen = new LinkedHashMap<>();
		byTerm.forEach((term, group) -> frozen.put(term, Set.copyOf(group)));
		return new WordSenses(Map.copyOf(frozen));
	}

	/** The bundled groups of a resource next to this class. */
	static WordSenses bundled(String resource, Function<String, List<String>> analyse) {
		try (InputStream in = WordSenses.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("word-senses resource missing: " + resource);
			}
			return of(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList(), analyse);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not read word-senses resource " + resource, ex);
		}
	}

	/**
	 * The terms of the groups the query's terms belong to that the query does not have
	 * itself, in a stable order.
	 */
	Set<String> others(Collection<String> queryTerms) {
		Set<String> others = new LinkedHashSet<>();
		for (String term : queryTerms) {
			Set<String> group = this.byTerm.get(term);
			if (group != null) {
				others.addAll(group);
			}
		}
		others.removeAll(Set.copyOf(queryTerms));
		return others;
	}

}
