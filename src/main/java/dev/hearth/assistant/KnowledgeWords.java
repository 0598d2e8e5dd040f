package dev.hearth.assistant;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import dev.hearth.knowledge.FaqEntry;

/**
 * The topic words of a question that the knowledge base never names: in no document, no
 * FAQ phrasing and no FAQ answer, of any audience ("netflix" in "how to add netflix to my
 * tv package" when nothing mentions Netflix). A text that leaves such a word out cannot
 * be blamed for it, but no text here can say anything about it either. The documents and
 * phrasings are asked of the index ({@code KnowledgeSearch#unknownWords}, one term lookup
 * per word and language); the FAQ answers (not indexed as text) are kept as a set of
 * content words, made again when the FAQ changes. Thread-safe.
 */
final class KnowledgeWords {

	private final Function<Collection<String>, Set<String>> unheld;

	private final Supplier<List<FaqEntry>> entries;

	private final PerRevision<Set<String>> answers;

	/**
	 * @param unheld the words as written that no indexed passage holds
	 * @param entries the FAQ entries
	 * @param revision the FAQ's revision, which changes when an entry does
	 */
	KnowledgeWords(Function<Collection<String>, Set<String>> unheld, Supplier<List<FaqEntry>> entries,
			LongSupplier revision) {
		this.unheld = unheld;
		this.entries = entries;
		this.answers = new PerRevision<>(revision, this::answerWords);
	}

	/**
	 * The question's topic words ({@link Answerability#topicWords}, as content-word
	 * stems) that the knowledge base never names; empty when it names all of them.
	 */
	Set<String> unknown(String question) {
		Set<String> topic = Answerability.topicWords(question);
		if (topic.isEmpty()) {
			return Set.of();
		}
		// each word as written and as its content-word stem ("adding" and "add"): the
		// index analyses them as it analysed the texts, and a stemmer may take one form
		// apart from the texts' where the other meets them
		Map<String, Set<String>> forms = new LinkedHashMap<>();
		for (String word : Answerability.prose(question).split("[^\\p{L}\\p{N}'’]+")) {
			for (String stem : ContentWords.of(word)) {
				if (topic.contains(stem)) {
					Set<String> stemForms = forms.computeIfAbsent(stem, (s) -> new LinkedHashSet<>());
					stemForms.add(word);
					stemForms.add(stem);
				}
			}
		}
		Set<String> written = new LinkedHashSet<>();
		forms.values().forEach(written::addAll);
		Set<String> unheld = this.unheld.apply(written);
		Set<String> unknown = new LinkedHashSet<>();
		forms.forEach((stem, stemForms) -> {
			if (unheld.containsAll(stemForms)) {
				unknown.add(stem);
			}
		});
		if (!unknown.isEmpty()) {
			unknown.removeAll(answers());
		}
		return unknown;
	}

	private Set<String> answers() {
		return this.answers.get();
	}

	/** The content words of every FAQ answer. */
	private Set<String> answerWords() {
		Set<String> words = new LinkedHashSet<>();
		for (FaqEntry entry : this.entries.get()) {
			words.addAll(ContentWords.of(entry.answer()));
		}
		return Set.copyOf(words);
	}

}
