package dev.hearth.assistant;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a question asks yes or no, and an FAQ answer fitted to one that does not. An
 * entry written for "Can I get another TV Box?" answers "Yes. Extra TV Box 4K units cost
 * €6 …"; the same entry matched for "how do I add a box in the bedroom?" or "multiroom
 * tv" answers a question nobody asked with its "Yes.", so the leading "Yes." (German
 * "Ja.") is left out there, and the rest of the answer is given as it is. A leading "No."
 * stays: the rest of such an answer often leans on it. Thread-safe: stateless.
 */
final class YesNoQuestions {

	/**
	 * A leading affirmation and what follows it: group 1 the word, group 2 the rest of
	 * the answer.
	 */
	private static final Pattern AFFIRMED = Pattern.compile("^\\s*(yes|ja)\\s*[.,!–—-]\\s*(\\S.*)$",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	/** A conjunction that joined what follows to the "Yes" it is given without. */
	private static final Pattern CONJOINED = Pattern.compile("^(?:and|und)\\s+(?=\\S)", Pattern.CASE_INSENSITIVE);

	/** Where a clause of a question starts: after a sentence mark, a comma or a dash. */
	private static final Pattern CLAUSE = Pattern.compile("[.!?;:,\\n()]+|\\s[-–—]+\\s");

	private static final Pattern WORD = Pattern.compile("[\\p{L}]+(?:['’][\\p{L}]+)?");

	/** "I was wondering if …", "do you know whether …", German "… ob …". */
	private static final Pattern EMBEDDED = Pattern.compile("\\b(whether|(wondering|know|tell me|check|see) if|ob)\\b",
			Pattern.CASE_INSENSITIVE);

	/** Words a clause may open with before its question starts. */
	private static final Set<String> OPENERS = Set.of("hi", "hello", "hey", "ok", "okay", "so", "and", "but", "also",
			"please", "well", "then", "oh", "thanks", "sorry", "hallo", "und", "aber", "bitte", "noch", "dann", "ähm",
			"äh", "danke");

	/** An English clause that opens with one of these asks yes or no. */
	private static final Set<String> ENGLISH = Set.of("am", "is", "are", "was", "were", "do", "does", "did", "can",
			"could", "will", "would", "shall", "should", "may", "might", "must", "have", "has", "had", "isn't",
			"aren't", "wasn't", "weren't", "don't", "doesn't", "didn't", "can't", "cannot", "couldn't", "won't",
			"wouldn't", "shouldn't", "haven't", "hasn't", "hadn't", "mustn't", "isnt", "arent", "dont", "doesnt",
			"didnt", "cant", "couldnt", "wont", "wouldnt", "shouldnt", "havent", "hasnt");

	/** German question words: a clause opening with one asks for something else. */
	private static final Set<String> GERMAN_WH = Set.of("wie", "was", "wann", "wo", "warum", "wieso", "weshalb",
			"welche", "welcher", "welches", "welchen", "welchem", "wer", "wen", "wem", "wessen", "wohin", "woher",
			"womit", "wofür", "worauf", "wozu", "wodurch", "wieviel", "wieviele");

	/**
	 * A German clause that opens with a verb asks yes or no: these verbs, or any word
	 * followed by a subject pronoun ("Nehme ich …", "Zahlt man …").
	 */
	private static final Set<String> GERMAN_VERBS = Set.of("kann", "können", "könnte", "könnten", "ist", "sind", "war",
			"gibt", "gab", "habe", "hat", "haben", "hast", "muss", "müssen", "musst", "darf", "dürfen", "soll",
			"sollte", "sollen", "wird", "werden", "würde", "wäre", "hätte", "bin", "bekomme", "bekommt", "brauche",
			"braucht", "brauchen", "geht", "gilt", "funktioniert", "kostet", "bleibt", "stimmt", "bietet", "bieten");

	private static final Set<String> GERMAN_SUBJECTS = Set.of("ich", "sie", "es", "man", "er", "wir", "du", "ihr");

	private YesNoQuestions() {
	}

	/**
	 * The entry's answer as given to this question: without its leading "Yes." or "Ja."
	 * when the question does not ask yes or no ({@link #asks}), otherwise unchanged.
	 * @param answer an FAQ entry's answer
	 * @param question the customer's question as written
	 */
	static String fitted(String answer, String question) {
		return fitted(answer, question, false);
	}

	/**
	 * As {@link #fitted(String, String)}, the question read as German when it is
	 * ({@code german}) or the answer is ("Ja."): an English entry's "Yes." is not given
	 * to "Was kostet …?", which asks what.
	 */
	static String fitted(String answer, String question, boolean german) {
		Matcher affirmed = AFFIRMED.matcher(answer);
		if (!affirmed.matches() || asks(question, german || "ja".equalsIgnoreCase(affirmed.group(1)))) {
			return answer;
		}
		// "Yes, and it's free." is "It's free." without its "Yes"
		String rest = CONJOINED.matcher(affirmed.group(2)).replaceFirst("");
		return rest.substring(0, 1).toUpperCase(Locale.ROOT) + rest.substring(1);
	}

	/** The answer without a leading "Yes." or "Ja.", however it was given. */
	static String withoutAffirmation(String answer) {
		Matcher affirmed = AFFIRMED.matcher(answer);
		return affirmed.matches() ? affirmed.group(2) : answer;
	}

	/**
	 * How a yes/no question opens: the verb its first clause opens with (past greetings
	 * and fillers, in English or German) and the word after it ("is there", "can i",
	 * "gibt es"); empty when no clause opens so. Two questions that open alike ask alike
	 * ("is there a fee if I cancel early?", "is there a penalty for ending my contract
	 * early").
	 */
	static String opening(String question) {
		for (String clause : CLAUSE.split((question != null) ? question : "")) {
			Matcher words = WORD.matcher(clause.toLowerCase(Locale.ROOT).replace('’', '\''));
			String verb = null;
			while (words.find()) {
				String word = words.group();
				if (verb != null) {
					return verb + " " + word;
				}
				if (OPENERS.contains(word)) {
					continue;
				}
				if (!ENGLISH.contains(word) && !GERMAN_VERBS.contains(word)) {
					return "";
				}
				verb = word;
			}
			if (verb != null) {
				return "";
			}
		}
		return "";
	}

	/**
	 * Whether the question asks yes or no: a clause of it opens with an auxiliary ("can I
	 * …", "is there …", "don't you …"), in German with a verb ("Kann ich …", "Gibt es …",
	 * "Nehme ich …"), or it asks whether ("I was wondering if …", "… ob …"). "How do I
	 * …", "how to …", "Wie …" and statements ("tv in the bedroom") do not.
	 * @param german whether the question is read as German ("was" asks what) or as
	 * English ("was" is an auxiliary)
	 */
	static boolean asks(String question, boolean german) {
		if (EMBEDDED.matcher(question).find()) {
			return true;
		}
		for (String clause : CLAUSE.split(question)) {
			Matcher words = WORD.matcher(clause.toLowerCase(Locale.ROOT).replace('’', '\''));
			String first = null;
			while (words.find()) {
				String word = words.group();
				if (first == null) {
					if (OPENERS.contains(word)) {
						continue;
					}
					if (german ? GERMAN_VERBS.contains(word) : ENGLISH.contains(word)) {
						return true;
					}
					if (!german || GERMAN_WH.contains(word)) {
						break;
					}
					first = word;
				}
				else {
					// "Nehme ich …", "Zahlt man …"; not "Sie haben …" (a statement)
					if (GERMAN_SUBJECTS.contains(word) && !GERMAN_SUBJECTS.contains(first)) {
						return true;
					}
					break;
				}
			}
		}
		return false;
	}

}
