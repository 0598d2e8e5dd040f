package dev.hearth.assistant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * A German question put into English word by word, so that an English knowledge base can
 * answer it when the embedding model understands English only (ADR 0069). Query
 * translation by dictionary is the classic way to search across languages without a
 * translation model: the question's words are few, and what the search needs is the
 * content words in the documents' language, not a fluent sentence.
 * <ul>
 * <li>The closed word classes (question words, pronouns, modal verbs, prepositions) come
 * from a small table of German grammar ({@link #FUNCTION_WORDS}); articles and particles
 * are dropped.</li>
 * <li>Every other word is looked up in a {@link BilingualDictionary}; a separable verb is
 * joined with its particle first ("Wie richte ich eine eSIM <b>ein</b>?": einrichten), a
 * compound not in the dictionary is split into two words that are (with the linking -s-
 * or -n-), a hyphenated one at its hyphens.</li>
 * <li>Of a word's translations the one the knowledge base uses most is taken (in the most
 * passages): the knowledge base chooses its domain's sense ("kosten" is to cost, not to
 * taste, where prices are written about), the classic disambiguation of query translation
 * by the target collection. A word none of whose translations the knowledge base uses
 * keeps the dictionary's first, so that a question about a thing the company never
 * mentions stays a question about that thing.</li>
 * <li>A word the knowledge base uses as written (a loanword or a name: "Router",
 * "Internet", "Hub") and a word the dictionary does not know ("eSIM") are kept.</li>
 * </ul>
 * Thread-safe.
 */
final class QueryTranslation {

	/**
	 * German function words and fixed phrases, in English; an empty string drops the
	 * word. Longer phrases are matched first.
	 */
	static final Map<String, String> FUNCTION_WORDS = Map.ofEntries(Map.entry("wie viel", "how much"),
			Map.entry("wieviel", "how much"), Map.entry("wie teuer", "how much"), Map.entry("wie hoch", "how much"),
			Map.entry("wie lange", "how long"), Map.entry("wie oft", "how often"), Map.entry("wie schnell", "how fast"),
			Map.entry("gibt es", "is there"), Map.entry("wie", "how"), Map.entry("was", "what"),
			Map.entry("wann", "when"), Map.entry("wo", "where"), Map.entry("wohin", "where"),
			Map.entry("woher", "where from"), Map.entry("warum", "why"), Map.entry("wieso", "why"),
			Map.entry("weshalb", "why"), Map.entry("wer", "who"), Map.entry("welche", "which"),
			Map.entry("welcher", "which"), Map.entry("welches", "which"), Map.entry("welchen", "which"),
			Map.entry("welchem", "which"), Map.entry("ich", "I"), Map.entry("mich", "me"), Map.entry("mir", "me"),
			Map.entry("mein", "my"), Map.entry("meine", "my"), Map.entry("meinen", "my"), Map.entry("meinem", "my"),
			Map.entry("meiner", "my"), Map.entry("meines", "my"), Map.entry("wir", "we"), Map.entry("uns", "us"),
			Map.entry("unser", "our"), Map.entry("unsere", "our"), Map.entry("unseren", "our"),
			Map.entry("unserem", "our"), Map.entry("unserer", "our"), Map.entry("du", "you"), Map.entry("dich", "you"),
			Map.entry("dir", "you"), Map.entry("ihr", "you"), Map.entry("euch", "you"), Map.entry("sie", "you"),
			Map.entry("ihnen", "you"), Map.entry("dein", "your"), Map.entry("deine", "your"),
			Map.entry("deinen", "your"), Map.entry("euer", "your"), Map.entry("eure", "your"),
			Map.entry("euren", "your"), Map.entry("ihre", "your"), Map.entry("ihren", "your"),
			Map.entry("ihrem", "your"), Map.entry("es", "it"), Map.entry("man", "I"), Map.entry("kann", "can"),
			Map.entry("kannst", "can"), Map.entry("können", "can"), Map.entry("könnt", "can"),
			Map.entry("könnte", "could"), Map.entry("muss", "must"), Map.entry("musst", "must"),
			Map.entry("müssen", "must"), Map.entry("darf", "may"), Map.entry("dürfen", "may"),
			Map.entry("soll", "should"), Map.entry("sollte", "should"), Map.entry("will", "want"),
			Map.entry("möchte", "want"), Map.entry("möchten", "want"), Map.entry("wollen", "want"),
			Map.entry("ist", "is"), Map.entry("sind", "are"), Map.entry("bin", "am"), Map.entry("bist", "are"),
			Map.entry("seid", "are"), Map.entry("gibt", "is there"), Map.entry("war", "was"), Map.entry("habe", "have"),
			Map.entry("hab", "have"), Map.entry("hast", "have"), Map.entry("hat", "has"), Map.entry("haben", "have"),
			Map.entry("wird", "will"), Map.entry("werde", "will"), Map.entry("werden", "will"),
			Map.entry("nicht", "not"), Map.entry("kein", "no"), Map.entry("keine", "no"), Map.entry("keinen", "no"),
			Map.entry("ohne", "without"), Map.entry("mit", "with"), Map.entry("für", "for"), Map.entry("von", "from"),
			Map.entry("vom", "from"), Map.entry("zu", "to"), Map.entry("zum", "to"), Map.entry("zur", "to"),
			Map.entry("in", "in"), Map.entry("im", "in"), Map.entry("ins", "into"), Map.entry("an", "on"),
			Map.entry("am", "on"), Map.entry("auf", "on"), Map.entry("bei", "at"), Map.entry("beim", "at"),
			Map.entry("nach", "after"), Map.entry("vor", "before"), Map.entry("über", "about"),
			Map.entry("unter", "under"), Map.entry("bis", "until"), Map.entry("seit", "since"),
			Map.entry("während", "during"), Map.entry("pro", "per"), Map.entry("je", "per"), Map.entry("wenn", "if"),
			Map.entry("falls", "if"), Map.entry("ob", "whether"), Map.entry("und", "and"), Map.entry("oder", "or"),
			Map.entry("aber", "but"), Map.entry("auch", "also"), Map.entry("noch", "still"),
			Map.entry("schon", "already"), Map.entry("mehr", "more"), Map.entry("weniger", "less"), Map.entry("um", ""),
			Map.entry("alle", "all"), Map.entry("alles", "all"), Map.entry("allen", "all"),
			Map.entry("andere", "other"), Map.entry("anderen", "other"), Map.entry("anderer", "other"),
			Map.entry("anderes", "other"), Map.entry("anderem", "other"), Map.entry("der", ""), Map.entry("die", ""),
			Map.entry("das", ""), Map.entry("den", ""), Map.entry("dem", ""), Map.entry("des", ""),
			Map.entry("ein", ""), Map.entry("eine", ""), Map.entry("einen", ""), Map.entry("einem", ""),
			Map.entry("einer", ""), Map.entry("eines", ""), Map.entry("dass", ""), Map.entry("sich", ""),
			Map.entry("bitte", ""), Map.entry("mal", ""), Map.entry("denn", ""), Map.entry("doch", ""),
			Map.entry("ja", ""), Map.entry("eigentlich", ""), Map.entry("eben", ""), Map.entry("halt", ""),
			Map.entry("so", ""), Map.entry("da", ""), Map.entry("dann", "then"), Map.entry("hier", "here"),
			Map.entry("dort", "there"), Map.entry("jetzt", "now"), Map.entry("selbst", "myself"));

	/**
	 * The English words of {@link #FUNCTION_WORDS}: words a translated question holds
	 * because German grammar put them there ("must" of "muss"), not because it names
	 * something.
	 */
	static final Set<String> GRAMMAR = FUNCTION_WORDS.values()
		.stream()
		.flatMap((phrase) -> Arrays.stream(phrase.split(" ")))
		.filter((word) -> !word.isEmpty())
		.collect(Collectors.toUnmodifiableSet());

	/** Particles of separable verbs, found at the end of a clause. */
	static final Set<String> PARTICLES = Set.of("ab", "an", "auf", "aus", "bei", "ein", "fest", "fort", "her", "hin",
			"los", "mit", "nach", "vor", "weg", "zu", "zurück", "zusammen", "um", "durch", "hoch", "runter", "raus",
			"rein");

	/** Shortest part of a compound that is looked up on its own. */
	static final int COMPOUND_PART = 3;

	private static final Pattern CLAUSE = Pattern.compile("[^.,;:!?]+");

	private static final Pattern TOKEN = Pattern
		.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}€.%'-]*[\\p{L}\\p{N}€%]|[\\p{L}\\p{N}€]");

	private final BilingualDictionary dictionary;

	private final ToIntFunction<String> frequency;

	private final ToIntFunction<String> phrases;

	/**
	 * @param dictionary German into the knowledge base's language
	 * @param frequency in how many passages of the knowledge base's language a phrase
	 * occurs (0 when one of its words occurs in none)
	 */
	QueryTranslation(BilingualDictionary dictionary, ToIntFunction<String> frequency) {
		this(dictionary, frequency, frequency);
	}

	/**
	 * @param dictionary German into the knowledge base's language
	 * @param frequency in how many passages of the knowledge base's language a phrase's
	 * words occur together (0 when one of them occurs in none)
	 * @param phrases in how many of them a phrase occurs as written, its words next to
	 * each other: how much the knowledge base uses a sense of several words ("set back"
	 * is not used where "set" and "back" are)
	 */
	QueryTranslation(BilingualDictionary dictionary, ToIntFunction<String> frequency, ToIntFunction<String> phrases) {
		this.dictionary = dictionary;
		this.frequency = frequency;
		this.phrases = phrases;
	}

	/**
	 * The question in the dictionary's target language; empty when no word of it could be
	 * translated (nothing would be gained by asking again).
	 */
	Optional<String> translate(String question) {
		List<Slot> slots = new ArrayList<>();
		Matcher clauses = CLAUSE.matcher(question);
		while (clauses.find()) {
			List<String> words = new ArrayList<>();
			Matcher tokens = TOKEN.matcher(clauses.group());
			while (tokens.find()) {
				words.add(tokens.group());
			}
			String particle = separableParticle(words);
			for (int i = 0; i < words.size(); i++) {
				String word = words.get(i);
				String lower = word.toLowerCase(Locale.ROOT);
				if (particle != null && i == words.size() - 1) {
					continue;
				}
				if (i + 1 < words.size()) {
					String pair = FUNCTION_WORDS.get(lower + " " + words.get(i + 1).toLowerCase(Locale.ROOT));
					if (pair != null) {
						slots.add(Slot.fixed(pair));
						i++;
						continue;
					}
				}
				String function = functionWord(word);
				if (function != null) {
					if (!function.isEmpty()) {
						slots.add(Slot.fixed(function));
					}
					continue;
				}
				if (word.chars().noneMatch(Character::isLetter) || this.frequency.applyAsInt(word) > 0) {
					slots.add(Slot.kept(word));
					continue;
				}
				boolean noun = i > 0 && Character.isUpperCase(word.charAt(0));
				List<String> candidates = List.of();
				if (particle != null && !noun) {
					candidates = this.dictionary.lookup(particle + lower, false);
				}
				if (candidates.isEmpty()) {
					candidates = this.dictionary.lookup(word, noun);
				}
				if (candidates.isEmpty()) {
					candidates = this.dictionary.lookup(withoutInfinitiveZu(lower), false);
				}
				if (!candidates.isEmpty() && (noun || this.dictionary.nounOnly(word))) {
					candidates = heads(candidates);
				}
				if (candidates.isEmpty()) {
					candidates = compound(word);
				}
				else if (unused(candidates)) {
					List<String> parts = split(word, true);
					if (!parts.isEmpty() && !unused(parts)) {
						candidates = parts;
					}
				}
				slots.add(candidates.isEmpty() ? Slot.fixed(word) : Slot.translated(usable(candidates)));
			}
		}
		if (slots.stream().noneMatch((slot) -> slot.candidates().size() > 0)) {
			return Optional.empty();
		}
		List<String> chosen = choose(slots);
		String translated = String.join(" ", chosen).replaceAll("\\s+", " ").trim();
		return Optional.of(question.strip().endsWith("?") ? translated + "?" : translated);
	}

	/**
	 * Every sense the dictionary gives the words of a text, as content words of the
	 * knowledge base's language ({@link ContentWords}), with the text's own words (a
	 * loanword or a name, "Hub", "PayPal", is written alike in both): what a text in the
	 * question's language names, read in the language its translated question is asked
	 * in. Every sense, not the one the knowledge base uses most: a word of the text then
	 * names whatever it may mean, so that the text is never read as naming less than it
	 * does.
	 */
	Set<String> senses(String text) {
		Set<String> senses = new LinkedHashSet<>(ContentWords.setOf(text));
		Matcher tokens = TOKEN.matcher(text);
		while (tokens.find()) {
			String word = tokens.group();
			if (functionWord(word) != null || word.chars().noneMatch(Character::isLetter)) {
				continue;
			}
			List<String> candidates = this.dictionary.lookup(word);
			if (candidates.isEmpty()) {
				candidates = compound(word);
			}
			candidates.forEach((candidate) -> senses.addAll(ContentWords.setOf(candidate)));
		}
		return senses;
	}

	/**
	 * One word of the question: fixed (a function word, or a word kept as written), or
	 * translated, with its candidates.
	 */
	private record Slot(String fixed, List<String> candidates, boolean content) {

		static Slot fixed(String text) {
			return new Slot(text, List.of(), false);
		}

		static Slot kept(String word) {
			return new Slot(word, List.of(), true);
		}

		static Slot translated(List<String> candidates) {
			return new Slot(null, candidates, true);
		}

	}

	/**
	 * Each translated word's candidate: the one the knowledge base uses most with the
	 * question's other content words (in one passage), else the one it uses most, else
	 * the dictionary's first: the disambiguation of query translation by co-occurrence in
	 * the target collection (a word's senses are told apart by the company its
	 * translation keeps).
	 */
	private List<String> choose(List<Slot> slots) {
		List<String> first = new ArrayList<>();
		for (Slot slot : slots) {
			first.add((slot.fixed() != null) ? slot.fixed() : mostUsed(slot.candidates()));
		}
		List<String> chosen = new ArrayList<>(first);
		for (int i = 0; i < slots.size(); i++) {
			List<String> candidates = slots.get(i).candidates();
			if (candidates.size() < 2) {
				continue;
			}
			String best = null;
			int most = 0;
			for (String candidate : candidates) {
				int together = 0;
				for (int j = 0; j < slots.size(); j++) {
					if (j != i && slots.get(j).content()) {
						together += this.frequency.applyAsInt(candidate + " " + first.get(j));
					}
				}
				if (together > most) {
					best = candidate;
					most = together;
				}
			}
			if (best != null) {
				chosen.set(i, best);
			}
		}
		return chosen;
	}

	/**
	 * In how many passages the knowledge base uses a sense: a sense of one word where the
	 * word occurs, a sense of several where they occur as a phrase.
	 */
	private int uses(String sense) {
		return this.phrases.applyAsInt(sense);
	}

	/** Whether the knowledge base uses none of the senses. */
	private boolean unused(List<String> senses) {
		return senses.stream().allMatch((sense) -> uses(sense) == 0);
	}

	/**
	 * A noun's senses, each of several words that the knowledge base never uses as a
	 * phrase read as its head, the last word, when the knowledge base uses that: English
	 * names a kind of thing by words before its head ("rate plan", "glass fibre"), and a
	 * company that calls its Tarif a "plan" uses the head, not the dictionary's phrase. A
	 * phrase with a stop word ("notice to quit") is not a noun and its head, and is kept;
	 * so are all when the knowledge base uses one of the phrases ("mobile number" of
	 * "Handynummer"), which then names the thing better than a head.
	 */
	private List<String> heads(List<String> senses) {
		boolean phraseUsed = senses.stream().anyMatch((sense) -> sense.contains(" ") && uses(sense) > 0);
		if (phraseUsed) {
			return senses;
		}
		LinkedHashSet<String> read = new LinkedHashSet<>();
		for (String sense : senses) {
			String[] words = sense.split(" ");
			if (words.length > 1 && !hasStopWord(words) && uses(sense) == 0 && uses(words[words.length - 1]) > 0) {
				read.add(words[words.length - 1]);
			}
			else {
				read.add(sense);
			}
		}
		return List.copyOf(read);
	}

	private static boolean hasStopWord(String[] words) {
		for (String word : words) {
			if (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word.toLowerCase(Locale.ROOT))) {
				return true;
			}
		}
		return false;
	}

	/** The candidate the knowledge base uses in the most passages; the first if none. */
	private String mostUsed(List<String> candidates) {
		String best = candidates.get(0);
		int most = 0;
		for (String candidate : candidates) {
			int count = uses(candidate);
			if (count > most) {
				best = candidate;
				most = count;
			}
		}
		return best;
	}

	/**
	 * The candidates without those of English stop words only ("on", "up"), which say
	 * nothing to a search.
	 */
	private static List<String> usable(List<String> candidates) {
		List<String> usable = candidates.stream().filter((c) -> !stopWordsOnly(c)).toList();
		return usable.isEmpty() ? candidates : usable;
	}

	/**
	 * A function word's English ("" to drop it), or {@code null} for a content word.
	 * "Sie" and "sie" both read as "you": a customer's question addresses the company far
	 * more often than it speaks of her or them.
	 */
	private static String functionWord(String word) {
		return FUNCTION_WORDS.get(word.toLowerCase(Locale.ROOT));
	}

	/**
	 * A separable verb's infinitive with "zu" ("mitzunehmen") without it ("mitnehmen");
	 * the word itself otherwise.
	 */
	static String withoutInfinitiveZu(String word) {
		for (String particle : PARTICLES) {
			if (word.startsWith(particle + "zu") && word.length() > particle.length() + 5) {
				return particle + word.substring(particle.length() + 2);
			}
		}
		return word;
	}

	/**
	 * The particle that ends a clause of a separable verb ("Wie richte ich eine eSIM
	 * ein"), or {@code null}: the clause's last word when it is a particle and the clause
	 * has at least three words (the verb, what stands between, the particle). The verb is
	 * then the clause's word the particle joins into one the dictionary knows.
	 */
	private static String separableParticle(List<String> words) {
		if (words.size() < 3) {
			return null;
		}
		String last = words.get(words.size() - 1).toLowerCase(Locale.ROOT);
		return PARTICLES.contains(last) ? last : null;
	}

	/**
	 * The translation of a compound the dictionary does not hold: at its hyphens, else
	 * the split into a known head (the last part, which names the thing) and a known
	 * modifier that leaves the longest head, English order (modifier first).
	 */
	private List<String> compound(String word) {
		if (word.contains("-")) {
			List<String> parts = new ArrayList<>();
			for (String part : word.split("-")) {
				if (part.isEmpty()) {
					continue;
				}
				List<String> found = (this.frequency.applyAsInt(part) > 0) ? List.of() : this.dictionary.lookup(part);
				parts.add(found.isEmpty() ? part : mostUsed(usable(found)));
			}
			return List.of(String.join(" ", parts));
		}
		List<String> split = split(word, true);
		return split.isEmpty() ? learnedSplit(word) : split;
	}

	/**
	 * A compound whose first part is no word of its own ("Mindest|vertragslaufzeit"),
	 * read by the dictionary's other compounds with that part
	 * ({@link BilingualDictionary#asModifier}): the longest such part whose rest is a
	 * word or a compound of two.
	 */
	private List<String> learnedSplit(String word) {
		for (int split = word.length() - COMPOUND_PART - 1; split >= COMPOUND_PART + 1; split--) {
			List<String> head = this.dictionary.lookup(word.substring(split));
			if (head.isEmpty()) {
				head = split(word.substring(split), false);
			}
			if (head.isEmpty()) {
				continue;
			}
			List<String> first = this.dictionary.asModifier(word.substring(0, split));
			if (!first.isEmpty()) {
				return List.of(first.get(0) + " " + mostUsed(usable(head)));
			}
		}
		return List.of();
	}

	/**
	 * A compound of two parts the dictionary knows, the head (the last part) as long as
	 * possible; the head may itself be such a compound when {@code nested}
	 * ("Mindest|vertrags|laufzeit").
	 */
	private List<String> split(String word, boolean nested) {
		for (int split = COMPOUND_PART; split <= word.length() - COMPOUND_PART; split++) {
			List<String> head = this.dictionary.lookup(word.substring(split));
			if (head.isEmpty() && nested) {
				head = split(word.substring(split), false);
			}
			if (head.isEmpty()) {
				continue;
			}
			List<String> first = modifier(word.substring(0, split));
			if (!first.isEmpty()) {
				return List.of(mostUsed(usable(first)) + " " + mostUsed(usable(head)));
			}
		}
		return List.of();
	}

	/**
	 * The translations of a compound's modifier: as written, without the linking -s- or
	 * -n- ("Installations|termin"), or as the stem of a word in -en or -e
	 * ("Fernseh|paket": Fernsehen; "Mindest|lohn": mindeste).
	 */
	private List<String> modifier(String modifier) {
		List<String> found = this.dictionary.lookup(modifier);
		if (found.isEmpty() && modifier.length() > COMPOUND_PART
				&& (modifier.endsWith("s") || modifier.endsWith("n"))) {
			found = this.dictionary.lookup(modifier.substring(0, modifier.length() - 1));
		}
		if (found.isEmpty()) {
			found = this.dictionary.lookup(modifier + "en");
		}
		if (found.isEmpty()) {
			found = this.dictionary.lookup(modifier + "e");
		}
		return found;
	}

	private static boolean stopWordsOnly(String phrase) {
		for (String word : phrase.split(" ")) {
			if (!EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word)) {
				return false;
			}
		}
		return true;
	}

}
