package dev.hearth.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The thing a question asks about, read from the question's form: the noun phrase that is
 * the object of what the customer wants to get or do ("call forwarding" in "how do I set
 * up call forwarding on my mobile"), of what something has or offers ("a loyalty
 * discount" in "do long-standing customers get a loyalty discount", "Dolby Atmos sound"
 * in "does the TV Box support Dolby Atmos sound"), or of what is asked to be told ("the
 * warranty" in "how long is the warranty on the Hub", "hotspot tethering" in "how much
 * hotspot tethering is allowed"). Only that phrase: the words after it ("on the Hub",
 * "for my game console", "in Spain") are the context the thing is asked in, and a
 * customer names them in words of their own ("the lights on my modem"), which the
 * knowledge base need not use.
 *
 * <p>
 * A knowledge base that never names the thing says nothing about it, so the pipeline does
 * not answer with a text about a neighbouring thing ({@link KnowledgeWords}; ADR 0050 for
 * the "how to get" form, ADR 0071 for the others). English forms only: a question in
 * another language yields no thing. Thread-safe: stateless.
 */
final class AskedThing {

	/** At most this many words of a phrase: a thing's name, not a clause. */
	static final int MAX_WORDS = 4;

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	private static final String WORD = "[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*";

	/**
	 * Who or what has or offers the thing: a pronoun, or one or two words, with a
	 * possessive or article before them or not ("the Hub", "long-standing customers", the
	 * company's name); never a clause ("will it take to get my money back").
	 */
	private static final String SUBJECT = "(?:you|i|we|they|it|(?:the|my|your|our|their)\\s+" + WORD + "(?:\\s+" + WORD
			+ ")?|(?!(?:it|to|that|this|there)\\b)" + WORD + "(?:\\s+(?!to\\b)" + WORD + ")?)";

	private static final List<Pattern> FORMS = List.of(
			// how to get or do a thing, or whether one may: "how to add netflix to my tv
			// package", "can I get an itemised bill", "how do I set up call forwarding"
			Pattern.compile("\\b(?:how (?:do|can|could|would|should) (?:i|we)|how to|(?:can|could|may) (?:i|we)"
					+ "|where (?:do|can|could) (?:i|we))\\s+(?:also\\s+|still\\s+|just\\s+)?"
					+ "(?:add|get|order|buy|subscribe to|sign up for|sign up to|have|watch|stream|install|activate|book"
					+ "|set up|turn on|use)\\s+(?<rest>.*)", FLAGS),
			// whether someone or something has, offers or supports a thing: "does the Hub
			// have a guest network", "do long-standing customers get a loyalty discount"
			Pattern.compile("\\b(?:do|does|will|would)\\s+" + SUBJECT + "\\s+"
					+ "(?:have|offer|provide|sell|support|include|get|come with)\\s+(?<rest>.*)", FLAGS),
			// what a thing is, costs or takes: "how much is a replacement remote",
			// "what's the warranty on the Hub", "how long does a refund take"
			Pattern
				.compile("\\b(?:how much|how long|how many|what|which)(?:'s|’s|\\s+is|\\s+are|\\s+does|\\s+do|\\s+was)"
						+ "\\s+(?<rest>.*)", FLAGS),
			// how much of a thing, which of a kind: "how much hotspot tethering is
			// allowed", "which streaming apps are included"
			Pattern.compile("\\b(?:how much|how many|which|what)\\s+(?<rest>(?!(?:is|are|does|do|can|will)\\b)" + WORD
					+ "(?:\\s+" + WORD + "){0,2})\\s+(?:is|are|do|does|can|will|come)\\b", FLAGS),
			// whether a thing exists: "is there a student discount"
			Pattern.compile("\\bis there\\s+(?<rest>.*)", FLAGS));

	/**
	 * Words that open a phrase and are not the thing: articles, possessives, quantities.
	 */
	private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "my", "your", "our", "their", "his", "her",
			"its", "some", "any", "another", "extra", "more", "new", "second", "this", "that", "these", "those", "no",
			"every", "each", "other", "own", "different", "various");

	/**
	 * Words that end the phrase: prepositions, conjunctions, auxiliaries and pronouns
	 * open what comes after the thing.
	 */
	private static final Set<String> BOUNDARIES = Set.of("to", "for", "on", "with", "of", "from", "into", "onto", "via",
			"in", "at", "by", "about", "after", "before", "while", "if", "when", "and", "or", "but", "so", "because",
			"than", "as", "over", "under", "without", "during", "instead", "is", "are", "was", "were", "be", "been",
			"can", "could", "will", "would", "do", "does", "did", "have", "has", "had", "i", "we", "you", "it", "they",
			"he", "she", "me", "us", "them", "there", "that", "which", "who", "what", "where", "how", "why", "not",
			"anything", "something", "nothing", "everything", "anyone", "someone", "one", "ones", "else", "back", "up",
			"out", "off", "down", "away", "included", "allowed", "available", "valid", "take", "takes", "cost", "costs",
			"mean", "work", "works");

	/**
	 * Words that name the kind or measure of what is asked, not the thing: "what features
	 * does the TV Box have", "what's the minimum contract length".
	 */
	private static final Set<String> MEASURES = Set.of("kind", "kinds", "type", "types", "sort", "sorts", "feature",
			"features", "choice", "choices", "option", "options", "length", "size", "amount", "level", "levels",
			"limit", "details");

	private AskedThing() {
	}

	/**
	 * The words of the thing the question asks about, as written and joined by spaces
	 * ("call forwarding", "loyalty discount"); {@code null} when the question has none of
	 * these forms, or names the thing only with pronouns, measures or numbers ("can I get
	 * it", "what's the lowest you promise", "how much is Fibre 500").
	 * @param question the customer's own words
	 */
	static String of(String question) {
		List<String> phrases = phrases(question);
		return phrases.isEmpty() ? null : phrases.get(0);
	}

	/**
	 * The thing's phrase ({@link #of}) and the phrases that say whose or which it is,
	 * after "of": "upload speed" and "satellite internet plan" in "what is the upload
	 * speed of your satellite internet plan". Empty when the question names no thing.
	 * @param question the customer's own words
	 */
	static List<String> phrases(String question) {
		String prose = Answerability.prose(question);
		for (Pattern form : FORMS) {
			Matcher matcher = form.matcher(prose);
			if (matcher.find()) {
				List<String> phrases = phrases(matcher.group("rest").split("\\s+"));
				return (phrases.isEmpty() || ContentWords.of(phrases.get(0)).isEmpty()) ? List.of() : phrases;
			}
		}
		return List.of();
	}

	/**
	 * The noun phrase the text opens with, read as the thing of a question is
	 * ("upgrading" in "upgrading to a faster plan", "mesh pod" in "an extra mesh pod");
	 * {@code null} when it opens with none.
	 * @param text words that follow a question's verb or preposition
	 */
	static String leadingPhrase(String text) {
		List<String> words = new ArrayList<>();
		phrase(text.strip().split("\\s+"), 0, words);
		return thing(words);
	}

	/**
	 * The first noun phrase of the tokens, and each one after "of" that follows it.
	 */
	private static List<String> phrases(String[] tokens) {
		List<String> phrases = new ArrayList<>();
		int next = 0;
		while (next < tokens.length) {
			List<String> words = new ArrayList<>();
			next = phrase(tokens, next, words);
			String phrase = thing(words);
			if (phrase == null) {
				break;
			}
			phrases.add(phrase);
			if (next >= tokens.length || !tokens[next].equalsIgnoreCase("of")) {
				break;
			}
			next++;
		}
		return phrases;
	}

	/**
	 * Reads one noun phrase from {@code start} into {@code words}: past its determiners,
	 * up to a boundary word, punctuation or {@link #MAX_WORDS} words; without measure
	 * words and words with digits (a number in a name is checked as a name, ADR 0067).
	 * @return the index of the boundary word that ended it, or past the tokens when
	 * punctuation or the length did
	 */
	private static int phrase(String[] tokens, int start, List<String> words) {
		boolean opened = false;
		for (int i = start; i < tokens.length; i++) {
			String word = tokens[i].replaceAll("^[^\\p{L}\\p{N}]+", "");
			String bare = word.replaceAll("[^\\p{L}\\p{N}'’-]+$", "");
			String lower = bare.toLowerCase(Locale.ROOT);
			if (bare.isEmpty()) {
				return tokens.length;
			}
			if (BOUNDARIES.contains(lower) && (opened || !DETERMINERS.contains(lower))) {
				return i;
			}
			if (!opened && (DETERMINERS.contains(lower) || superlative(lower) && i + 1 < tokens.length)) {
				// "the cheapest broadband": the customer's measure of the thing, not
				// part of its name
				continue;
			}
			opened = true;
			if (!MEASURES.contains(lower) && lower.chars().noneMatch(Character::isDigit)) {
				words.add(bare);
			}
			if (!bare.equals(word) || words.size() >= MAX_WORDS) {
				return tokens.length;
			}
		}
		return tokens.length;
	}

	/**
	 * The phrase's words joined, or {@code null} when there are none or only a
	 * superlative whose noun is left out ("the lowest"). A superlative before the noun is
	 * read as a determiner.
	 */
	private static String thing(List<String> words) {
		if (words.isEmpty() || words.size() == 1 && superlative(words.get(0).toLowerCase(Locale.ROOT))) {
			return null;
		}
		return String.join(" ", words);
	}

	/** "cheapest", "fastest", "lowest": a word of more than five letters in "-est". */
	private static boolean superlative(String lower) {
		return lower.endsWith("est") && lower.length() > 5;
	}

}
