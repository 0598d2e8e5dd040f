package dev.hearth.assistant;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A word-to-word dictionary from one language into another, read from a file in the
 * format of the Ding dictionaries that Debian ships ({@code trans-de-en}, installed as
 * {@code /usr/share/trans/de-en}): one entry a line, {@code source :: target}, each side
 * a {@code |}-separated list of aligned sub-entries (the headword, its plural, phrases
 * with it), each sub-entry a {@code ;}-separated list of synonyms, with grammar in braces
 * and notes in brackets or parentheses:
 *
 * <pre>
 * Gebühr {f}; Entgelt {n} (für eine Dienstleistung) [fin.] | Gebühren {pl} :: charge | charges
 * </pre>
 *
 * Only source sub-entries of one word are kept (a word is what a question's word is
 * looked up by); their targets are kept when they are phrases of at most
 * {@link #MAX_TARGET_WORDS} words, in the order the file gives them, at most
 * {@link #MAX_TARGETS} a word. Nouns (capitalised) and other words are kept apart, and a
 * word is looked up in every form it may be ({@link #lookup(String, boolean)}). Immutable
 * and thread-safe once read.
 */
final class BilingualDictionary {

	/** Longest target phrase kept, in words. */
	static final int MAX_TARGET_WORDS = 3;

	/** Most targets kept for one source key. */
	static final int MAX_TARGETS = 24;

	private static final Pattern NOTES = Pattern.compile("\\{[^}]*\\}|\\[[^\\]]*\\]|\\([^)]*\\)|<[^>]*>|/[^/]*/");

	/** Placeholders for an object in either language, dropped from a sub-entry. */
	private static final Pattern PLACEHOLDERS = Pattern.compile(
			"(?i)\\b(sich|etw\\.|jdn\\.|jdm\\.|jds\\.|jd\\.|sb\\.'s|sth\\.'s|sb\\.|sth\\.|oneself|one's)(?=\\s|$)");

	private static final Pattern SOURCE_WORD = Pattern.compile("[\\p{L}][\\p{L}-]*");

	private static final Pattern TARGET_PHRASE = Pattern.compile("[\\p{L}][\\p{L}' -]*");

	/** Inflectional endings of German nouns and adjectives, tried longest first. */
	private static final List<String> NOUN_ENDINGS = List.of("ern", "en", "er", "es", "em", "e", "n", "s");

	/** Endings of a conjugated German verb, longest first. */
	private static final List<String> VERB_ENDINGS = List.of("est", "et", "st", "t", "e");

	/** Targets of the capitalised source words (German's nouns). */
	private final Map<String, List<String>> nouns;

	/** Targets of the other source words (verbs, adjectives, adverbs). */
	private final Map<String, List<String>> others;

	private BilingualDictionary(Map<String, List<String>> nouns, Map<String, List<String>> others) {
		this.nouns = nouns;
		this.others = others;
	}

	/**
	 * Reads a Ding-format dictionary file (UTF-8).
	 * @throws UncheckedIOException if the file cannot be read
	 */
	static BilingualDictionary read(Path file) {
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			Map<String, List<String>> nouns = new HashMap<>();
			Map<String, List<String>> others = new HashMap<>();
			String line;
			while ((line = reader.readLine()) != null) {
				add(line, nouns, others);
			}
			return new BilingualDictionary(frozen(nouns), frozen(others));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the dictionary " + file + ": " + ex.getMessage(), ex);
		}
	}

	/** A dictionary of the given lines, for tests. */
	static BilingualDictionary of(List<String> lines) {
		Map<String, List<String>> nouns = new HashMap<>();
		Map<String, List<String>> others = new HashMap<>();
		lines.forEach((line) -> add(line, nouns, others));
		return new BilingualDictionary(frozen(nouns), frozen(others));
	}

	private static Map<String, List<String>> frozen(Map<String, List<String>> targets) {
		targets.replaceAll((key, list) -> List.copyOf(list));
		return targets;
	}

	/** The number of source keys. */
	int size() {
		return this.nouns.size() + this.others.size();
	}

	/**
	 * The target phrases for a source word as written (any case, inflected); empty when
	 * the dictionary has none. German writes its nouns with a capital: a capitalised word
	 * is looked up among the nouns first, a word in lower case among the other words
	 * first ("wechsle" is to change, not a Wechsler), then in the other part, as
	 * customers often write all in lower case. Within a part, the targets of every form
	 * the word may be are given together, the form as written first: the inflected form
	 * the dictionary lists ("kostet": to taste, of "kosten" in that sense), the verb's
	 * infinitive ("kosten": to cost) and the word without an inflectional ending
	 * ("Vertrags"), so that the knowledge base can choose the sense.
	 * @param noun whether the word is written as a noun (capitalised, not the first of
	 * its sentence)
	 */
	List<String> lookup(String word, boolean noun) {
		List<String> found = noun ? forms(this.nouns, word, false) : forms(this.others, word, true);
		if (found.isEmpty()) {
			found = noun ? forms(this.others, word, true) : forms(this.nouns, word, false);
		}
		return found;
	}

	/** As {@link #lookup(String, boolean)}, for a word written as it would be. */
	List<String> lookup(String word) {
		boolean capitalised = !word.isEmpty() && Character.isUpperCase(word.charAt(0));
		return lookup(word, capitalised);
	}

	private static List<String> forms(Map<String, List<String>> targets, String word, boolean verb) {
		String key = key(word);
		Set<String> found = new LinkedHashSet<>();
		addAll(found, targets.get(key));
		if (verb) {
			for (String ending : VERB_ENDINGS) {
				if (key.endsWith(ending) && key.length() - ending.length() >= 3) {
					String stem = key.substring(0, key.length() - ending.length());
					addAll(found, targets.get(stem + "en"));
					if (stem.endsWith("l") || stem.endsWith("r")) {
						// "wechsle", "ändere": the infinitive has an e before the l or r
						String base = stem.endsWith("er") ? stem.substring(0, stem.length() - 2)
								: stem.substring(0, stem.length() - 1);
						addAll(found, targets.get(base + "e" + stem.charAt(stem.length() - 1) + "n"));
					}
				}
			}
		}
		for (String ending : NOUN_ENDINGS) {
			if (key.endsWith(ending) && key.length() - ending.length() >= 4) {
				addAll(found, targets.get(key.substring(0, key.length() - ending.length())));
			}
		}
		return List.copyOf(found);
	}

	private static void addAll(Set<String> found, List<String> targets) {
		if (targets != null) {
			found.addAll(targets);
		}
	}

	private static void add(String line, Map<String, List<String>> nouns, Map<String, List<String>> others) {
		if (line.isEmpty() || line.charAt(0) == '#') {
			return;
		}
		int separator = line.indexOf(" :: ");
		if (separator < 0) {
			return;
		}
		String[] sources = line.substring(0, separator).split(" \\| ", -1);
		String[] translations = line.substring(separator + 4).split(" \\| ", -1);
		int aligned = (sources.length == translations.length) ? sources.length : 1;
		for (int i = 0; i < aligned; i++) {
			List<String> phrases = new ArrayList<>();
			for (String synonym : translations[i].split(";")) {
				String phrase = clean(synonym);
				if (phrase.startsWith("to ")) {
					phrase = phrase.substring(3);
				}
				if (TARGET_PHRASE.matcher(phrase).matches() && phrase.split(" ").length <= MAX_TARGET_WORDS) {
					phrases.add(phrase);
				}
			}
			if (phrases.isEmpty()) {
				continue;
			}
			for (String synonym : sources[i].split(";")) {
				String word = clean(synonym);
				if (!SOURCE_WORD.matcher(word).matches()) {
					continue;
				}
				Map<String, List<String>> targets = Character.isUpperCase(word.charAt(0)) ? nouns : others;
				List<String> known = targets.computeIfAbsent(key(word).intern(), (k) -> new ArrayList<>(2));
				for (String phrase : phrases) {
					if (known.size() < MAX_TARGETS && !known.contains(phrase)) {
						known.add(phrase.intern());
					}
				}
			}
		}
	}

	private static String clean(String text) {
		String plain = NOTES.matcher(text).replaceAll(" ");
		plain = PLACEHOLDERS.matcher(plain).replaceAll(" ");
		return plain.trim().replaceAll("\\s+", " ");
	}

	/**
	 * The lookup key of a word: lower case. Umlauts are kept: "kündigen" is not "kundig".
	 */
	static String key(String word) {
		return word.toLowerCase(Locale.ROOT);
	}

}
