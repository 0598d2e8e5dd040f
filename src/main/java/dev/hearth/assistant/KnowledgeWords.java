package dev.hearth.assistant;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.hearth.knowledge.FaqEntry;

/**
 * The topic words of a question that the knowledge base never names: in no document, no
 * FAQ phrasing and no FAQ answer, of any audience ("netflix" in "how to add netflix to my
 * tv package" when nothing mentions Netflix). A text that leaves such a word out cannot
 * be blamed for it, but no text here can say anything about it either. The documents and
 * phrasings are asked of the index ({@code KnowledgeSearch#unknownWords}, one term lookup
 * per word and language); the FAQ answers (not indexed as text) are kept as a set of
 * content words, made again when the FAQ changes. A thing named in several words
 * ("replacement voice remote") is also never named when its words are each held, but by
 * no one passage or FAQ entry together ({@link #namedTogether}, one count query per
 * language). Thread-safe.
 */
final class KnowledgeWords {

	private final Function<Collection<String>, Set<String>> unheld;

	private final Predicate<List<Set<String>>> heldTogether;

	private final Supplier<List<FaqEntry>> entries;

	private final PerRevision<Set<String>> answers;

	private final PerRevision<List<Set<String>>> eachEntry;

	/**
	 * @param unheld the words as written that no indexed passage holds
	 * @param heldTogether whether one indexed passage holds every word (each given by its
	 * forms as written)
	 * @param entries the FAQ entries
	 * @param revision the FAQ's revision, which changes when an entry does
	 */
	KnowledgeWords(Function<Collection<String>, Set<String>> unheld, Predicate<List<Set<String>>> heldTogether,
			Supplier<List<FaqEntry>> entries, LongSupplier revision) {
		this.unheld = unheld;
		this.heldTogether = heldTogether;
		this.entries = entries;
		this.answers = new PerRevision<>(revision, this::answerWords);
		this.eachEntry = new PerRevision<>(revision, this::eachEntrysWords);
	}

	/**
	 * The question's topic words ({@link Answerability#topicWords}, as content-word
	 * stems) that the knowledge base never names; empty when it names all of them.
	 */
	Set<String> unknown(String question) {
		Map<String, Set<String>> forms = forms(question);
		if (forms.isEmpty()) {
			return Set.of();
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

	/**
	 * Whether the knowledge base names the phrase's topic words together: one document
	 * passage holds them all, or one FAQ entry (its question, phrasings and answer) does.
	 * A phrase of one topic word is named when the word is ("replacement voice remote":
	 * the remote and a replacement are each named, but never together).
	 */
	boolean namedTogether(String phrase) {
		Map<String, Set<String>> forms = forms(phrase);
		if (forms.size() < 2) {
			return true;
		}
		Set<String> stems = forms.keySet();
		for (Set<String> entry : this.eachEntry.get()) {
			if (entry.containsAll(stems)) {
				return true;
			}
		}
		return this.heldTogether.test(List.copyOf(forms.values()));
	}

	/**
	 * The text's topic words ({@link Answerability#topicWords}, as content-word stems),
	 * each with its forms: as written and as its stem ("adding" and "add"). The index
	 * analyses them as it analysed the texts, and a stemmer may take one form apart from
	 * the texts' where the other meets them.
	 */
	private static Map<String, Set<String>> forms(String text) {
		Set<String> topic = Answerability.topicWords(text);
		Map<String, Set<String>> forms = new LinkedHashMap<>();
		if (topic.isEmpty()) {
			return forms;
		}
		for (String word : Answerability.prose(text).split("[^\\p{L}\\p{N}'’]+")) {
			for (String stem : ContentWords.of(word)) {
				if (topic.contains(stem)) {
					Set<String> stemForms = forms.computeIfAbsent(stem, (s) -> new LinkedHashSet<>());
					stemForms.add(word);
					stemForms.add(stem);
				}
			}
		}
		return forms;
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

	/**
	 * The content words of each FAQ entry: its question, phrasings and answer are one
	 * text about one thing, though the index holds each phrasing apart ("how much is 2
	 * gig fibre per month" is a phrasing of "What fibre broadband plans do you offer …").
	 */
	private List<Set<String>> eachEntrysWords() {
		List<Set<String>> words = new ArrayList<>();
		for (FaqEntry entry : this.entries.get()) {
			words.add(Set.copyOf(ContentWords.setOf(FaqAnswers.context(entry))));
		}
		return List.copyOf(words);
	}

}
