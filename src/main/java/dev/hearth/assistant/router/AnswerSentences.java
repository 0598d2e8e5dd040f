package dev.hearth.assistant.router;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.hearth.knowledge.Sentences;

/**
 * The sentences of an FAQ answer that calibration asks as if a customer had
 * ({@link FaqMatcher}): customers describe their problem in the answer's words as often
 * as in the question's, so an answer's sentence, asked against the entry's question
 * alone, is a question whose right entry is known without any held-out phrasing. The
 * first {@link #MAX_SENTENCES} sentences of {@link #MIN_WORDS} to {@link #MAX_WORDS}
 * words, with Markdown emphasis, link targets and list markers dropped. Thread-safe.
 */
public final class AnswerSentences {

	/** At most this many sentences per answer. */
	static final int MAX_SENTENCES = 3;

	/** Shorter sentences ("Yes.", "See below.") say nothing about the entry. */
	static final int MIN_WORDS = 4;

	/** Longer sentences are cut to this many words. */
	static final int MAX_WORDS = 40;

	private AnswerSentences() {
	}

	/**
	 * The answer's pseudo-questions, in order; empty for a blank answer.
	 * @param answer the answer, Markdown or plain text
	 * @param language its ISO 639-1 code, or {@code null} for English
	 * @throws NullPointerException if the answer is {@code null}
	 */
	public static List<String> of(String answer, String language) {
		Checks.requireNonNull(answer, "answer");
		String plain = answer.replaceAll("\\]\\([^)]*\\)", "]")
			.replaceAll("[*_`#>\\[\\]|]", " ")
			.replaceAll("(?m)^\\s*([-+]|\\d+[.)])\\s+", "")
			.replaceAll("\\s+", " ")
			.strip();
		Locale locale = (language == null || language.isBlank()) ? Locale.ENGLISH : Locale.forLanguageTag(language);
		List<String> sentences = new ArrayList<>();
		for (String sentence : Sentences.of(plain, locale)) {
			String[] words = sentence.strip().split("\\s+");
			if (words.length < MIN_WORDS) {
				continue;
			}
			sentences.add((words.length > MAX_WORDS) ? String.join(" ", List.of(words).subList(0, MAX_WORDS))
					: sentence.strip());
			if (sentences.size() == MAX_SENTENCES) {
				break;
			}
		}
		return sentences;
	}

}
