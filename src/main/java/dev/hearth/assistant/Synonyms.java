package dev.hearth.assistant;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Words of the same meaning as a question's word, from WordNet 3.1 (extJWNL): the other
 * members of a synset of the word, or of the phrase it opens with the next word ("showed
 * up" ~ "turn up", "kids" ~ "children", "film" ~ "movie"), in the word's most frequent
 * senses. Only synset members count: a broader word (a hypernym), a narrower one or a
 * sibling under the same hypernym names a neighbouring topic, not the same one. A
 * customer's paraphrase is then not counted as a topic word the text leaves out (ADR
 * 0079). WordNet is loaded once, on first use; each word's synonyms are cached.
 * Thread-safe: dictionary reads are serialised, the cache is concurrent.
 */
final class Synonyms {

	private static final Logger log = LoggerFactory.getLogger(Synonyms.class);

	/** How many of a word's senses (in WordNet's order, most frequent first) count. */
	static final int SENSES = Integer.getInteger("hearth.synonyms.senses", 2);

	private static final int CACHE_LIMIT = 50_000;

	/** No synonyms at all: coverage as written. */
	static final Synonyms NONE = new Synonyms(null);

	private final Dictionary dictionary;

	private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

	private Synonyms(Dictionary dictionary) {
		this.dictionary = dictionary;
	}

	/** WordNet's synonyms, loaded on the first call; {@link #NONE} if it cannot load. */
	static Synonyms wordNet() {
		return Holder.WORDNET;
	}

	private static final class Holder {

		static final Synonyms WORDNET = load();

		private static Synonyms load() {
			long start = System.nanoTime();
			try {
				Synonyms synonyms = new Synonyms(Dictionary.getDefaultResourceInstance());
				log.info("WordNet loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
				return synonyms;
			}
			catch (JWNLException | RuntimeException ex) {
				log.warn("WordNet could not be loaded, topic words are matched as written: {}", ex.toString());
				return NONE;
			}
		}

	}

	/**
	 * The topic words of the question that the text does not name as written but names by
	 * a synonym.
	 * @param question the question
	 * @param uncovered the question's topic words (content-word stems) the text lacks
	 * @param text the text (span with its heading, section path and title)
	 * @return the words of {@code uncovered} a synonym in the text stands for
	 */
	Set<String> coveredBySynonyms(String question, Set<String> uncovered, String text) {
		Set<String> found = new LinkedHashSet<>();
		if (this.dictionary == null || uncovered.isEmpty()) {
			return found;
		}
		Set<String> present = ContentWords.setOf(text);
		List<String> textTokens = stemmedTokens(text);
		List<String> tokens = tokens(question);
		for (int i = 0; i < tokens.size(); i++) {
			String stem = ContentWords.stem(tokens.get(i));
			if (!uncovered.contains(stem) || found.contains(stem)) {
				continue;
			}
			List<String> lemmas = new ArrayList<>();
			if (i + 1 < tokens.size()) {
				lemmas.addAll(synonyms(tokens.get(i) + " " + tokens.get(i + 1)));
			}
			lemmas.addAll(synonyms(tokens.get(i)));
			for (String lemma : lemmas) {
				if (names(lemma, stem, present, textTokens)) {
					log.trace("topic word {} covered by its synonym {}", stem, lemma);
					found.add(stem);
					break;
				}
			}
		}
		return found;
	}

	/**
	 * The question with each word the knowledge base never names replaced by its first
	 * synonym (in WordNet's order of senses) that it does name ("cellphone": "mobile
	 * phone"); empty when no word is replaced.
	 * @param question the question
	 * @param unknown the question's topic words (content-word stems) no text holds
	 * @param named whether the knowledge base names a word or phrase
	 */
	java.util.Optional<String> renamed(String question, Set<String> unknown,
			java.util.function.Predicate<String> named) {
		if (this.dictionary == null || unknown.isEmpty()) {
			return java.util.Optional.empty();
		}
		StringBuilder out = new StringBuilder();
		java.util.regex.Matcher words = java.util.regex.Pattern.compile("[\\p{L}\\p{N}'’]+").matcher(question);
		int at = 0;
		boolean changed = false;
		while (words.find()) {
			String word = words.group().toLowerCase(Locale.ROOT);
			if (!unknown.contains(ContentWords.stem(word))) {
				continue;
			}
			for (String lemma : synonyms(word)) {
				if (named.test(lemma)) {
					out.append(question, at, words.start()).append(lemma);
					at = words.end();
					changed = true;
					break;
				}
			}
		}
		out.append(question.substring(at));
		return changed ? java.util.Optional.of(out.toString()) : java.util.Optional.empty();
	}

	private static boolean names(String lemma, String stem, Set<String> present, List<String> textTokens) {
		if (lemma.indexOf(' ') < 0) {
			// the light stemmer meets "movies" as "movy": the lemma's regular forms are
			// stemmed as the text's words were
			for (String form : List.of(lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "ing")) {
				String other = ContentWords.stem(form);
				if (!other.equals(stem) && present.contains(other)) {
					return true;
				}
			}
			return false;
		}
		List<String> phrase = stemmedTokens(lemma);
		if (phrase.stream().noneMatch((w) -> !ContentWords.of(w).isEmpty())) {
			return false;
		}
		return contains(textTokens, phrase);
	}

	private static boolean contains(List<String> tokens, List<String> phrase) {
		outer: for (int i = 0; i + phrase.size() <= tokens.size(); i++) {
			for (int j = 0; j < phrase.size(); j++) {
				if (!tokens.get(i + j).equals(phrase.get(j))) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	/** The synonyms of a word or phrase as written, lower-cased, in its first senses. */
	List<String> synonyms(String written) {
		if (this.dictionary == null) {
			return List.of();
		}
		List<String> cached = this.cache.get(written);
		if (cached != null) {
			return cached;
		}
		List<String> found = lookUp(written);
		if (this.cache.size() > CACHE_LIMIT) {
			this.cache.clear();
		}
		this.cache.put(written, found);
		return found;
	}

	private List<String> lookUp(String written) {
		boolean phrase = written.indexOf(' ') >= 0;
		Set<String> lemmas = new LinkedHashSet<>();
		synchronized (this.dictionary) {
			try {
				for (POS pos : POS.getAllPOS()) {
					for (String base : this.dictionary.getMorphologicalProcessor().lookupAllBaseForms(pos, written)) {
						// "got" is "get", a word that says nothing of a topic
						if (phrase != (base.indexOf(' ') >= 0) || ContentWords.of(base).isEmpty()) {
							continue;
						}
						IndexWord index = this.dictionary.getIndexWord(pos, base);
						if (index == null) {
							continue;
						}
						List<Synset> senses = index.getSenses();
						for (int s = 0; s < Math.min(SENSES, senses.size()); s++) {
							for (Word word : senses.get(s).getWords()) {
								String lemma = word.getLemma();
								if (lemma.equals(lemma.toLowerCase(Locale.ROOT)) && !lemma.equals(base)) {
									lemmas.add(lemma);
								}
							}
						}
					}
				}
			}
			catch (JWNLException ex) {
				log.debug("WordNet look-up of {} failed: {}", written, ex.toString());
			}
		}
		return List.copyOf(lemmas);
	}

	private static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}'’]+")) {
			if (!token.isEmpty()) {
				tokens.add(token);
			}
		}
		return tokens;
	}

	private static List<String> stemmedTokens(String text) {
		return tokens(text).stream().map(ContentWords::stem).toList();
	}

}
