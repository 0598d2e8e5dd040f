package dev.hearth.assistant;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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

	/** Fewest compounds that tell a modifier's translation ({@link #asModifier}). */
	static final int MODIFIER_COMPOUNDS = 5;

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

	/**
	 * The nouns' keys in order, so that the compounds of a first part are found at once.
	 */
	private final String[] nounKeys;

	private BilingualDictionary(Map<String, List<String>> nouns, Map<String, List<String>> others) {
		this.nouns = nouns;
		this.others = others;
		this.nounKeys = nouns.keySet().toArray(String[]::new);
		Arrays.sort(this.nounKeys);
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
		List<String> found = written(word, noun);
		if (found.isEmpty()) {
			String umlauts = withUmlauts(word);
			if (!umlauts.equals(word)) {
				found = written(umlauts, noun);
			}
		}
		return found;
	}

	private List<String> written(String word, boolean noun) {
		List<String> found = noun ? forms(this.nouns, word, false) : forms(this.others, word, true);
		if (found.isEmpty()) {
			found = noun ? forms(this.others, word, true) : forms(this.nouns, word, false);
		}
		return found;
	}

	/**
	 * A word typed without umlauts or ß as German writes it with them ("Kuendigung":
	 * Kündigung, "Tuerkei": Türkei, "heisst": heißt), the way a keyboard without them
	 * makes customers write; looked up only when the word as typed is not in the
	 * dictionary ("neue", "Feuer" are). "ss" stays when an umlaut was restored, as both
	 * are seldom missing from one word.
	 */
	static String withUmlauts(String word) {
		String restored = word.replace("ae", "ä")
			.replace("oe", "ö")
			.replace("ue", "ü")
			.replace("Ae", "Ä")
			.replace("Oe", "Ö")
			.replace("Ue", "Ü");
		if (restored.equals(word)) {
			int ss = word.lastIndexOf("ss");
			if (ss > 0) {
				restored = word.substring(0, ss) + "ß" + word.substring(ss + 2);
			}
		}
		return restored;
	}

	/**
	 * Whether a word is in the dictionary as a noun only (written in lower case, as
	 * customers often write nouns, it is still a noun).
	 */
	boolean nounOnly(String word) {
		return !forms(this.nouns, word, false).isEmpty() && forms(this.others, word, true).isEmpty();
	}

	/**
	 * The translation of a compound's first part that is no word of its own ("Mindest-"):
	 * the first English word of most of the dictionary's compounds that begin with it
	 * ("Mindestalter": minimum age, "Mindestpreis": minimum price), when at least
	 * {@link #MODIFIER_COMPOUNDS} do, at least half of them agree, and the part is whole
	 * (fewer than half of the compounds go on with one letter: not "Mindes-" nor
	 * "Mind-"); empty otherwise.
	 */
	List<String> asModifier(String modifier) {
		String prefix = key(modifier);
		if (prefix.length() < 4) {
			return List.of();
		}
		Map<String, Integer> firstWords = new HashMap<>();
		Map<Character, Integer> next = new HashMap<>();
		int compounds = 0;
		int at = Arrays.binarySearch(this.nounKeys, prefix);
		for (int i = (at >= 0) ? at : -at - 1; i < this.nounKeys.length && this.nounKeys[i].startsWith(prefix); i++) {
			String key = this.nounKeys[i];
			List<String> targets = this.nouns.get(key);
			if (key.length() > prefix.length() + 2 && !targets.isEmpty()) {
				next.merge(key.charAt(prefix.length()), 1, Integer::sum);
				String[] words = targets.get(0).split(" ");
				if (words.length > 1) {
					firstWords.merge(words[0].toLowerCase(Locale.ROOT), 1, Integer::sum);
				}
				compounds++;
			}
		}
		int all = compounds;
		if (next.values().stream().anyMatch((n) -> 2 * n >= all)) {
			// the part goes on alike in half of them ("Mindes|t", "Mind|e"): not a whole
			// part
			return List.of();
		}
		return firstWords.entrySet()
			.stream()
			.filter((e) -> all >= MODIFIER_COMPOUNDS && 2 * e.getValue() >= all)
			.map(Map.Entry::getKey)
			.findFirst()
			.map(List::of)
			.orElse(List.of());
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
			for (String synonym : withoutNotes(translations[i]).split(";")) {
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
			for (String synonym : withoutNotes(sources[i]).split(";")) {
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

	/**
	 * A sub-entry without its grammar and notes, before it is split into synonyms: an
	 * irregular verb's forms are noted with a semicolon ("to cost {cost; cost}", "to keep
	 * {kept; kept}"), which would otherwise split the verb from its note and lose it.
	 */
	private static String withoutNotes(String subEntry) {
		return NOTES.matcher(subEntry).replaceAll(" ");
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
