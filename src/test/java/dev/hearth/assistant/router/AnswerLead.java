package dev.hearth.assistant.router;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import dev.hearth.knowledge.Sentences;

/**
 * The opening of an FAQ answer that is embedded as the entry's pseudo-phrasing: its first
 * sentences, up to {@link #MAX_SENTENCES} and about {@link #MAX_WORDS} words, with
 * Markdown emphasis, link targets and list markers dropped. An answer's opening usually
 * restates what the entry is about in the words customers use ("Refunds take 5 to 10
 * working days..."), while the rest is detail that blurs a sentence embedding. The length
 * is a benchmark's choice ({@code FaqProtocolsBenchmark}); Hearth does not embed answers
 * yet (ADR 0009: with the bundled model the answer's embedding did not rank better).
 * Thread-safe.
 */
final class AnswerLead {

	/** At most this many sentences. */
	static final int MAX_SENTENCES = 2;

	/** Sentences are added while the lead is shorter than this many words. */
	static final int MAX_WORDS = 40;

	private AnswerLead() {
	}

	/**
	 * The answer's opening; empty for a blank answer.
	 * @param answer the answer, Markdown or plain text
	 * @param language its ISO 639-1 code, or {@code null}
	 * @throws NullPointerException if the answer is {@code null}
	 */
	static String of(String answer, String language) {
		Objects.requireNonNull(answer, "answer must not be null");
		String plain = answer.replaceAll("\\]\\([^)]*\\)", "]")
			.replaceAll("[*_`#>\\[\\]]", " ")
			.replaceAll("(?m)^\\s*([-+]|\\d+[.)])\\s+", "")
			.replaceAll("\\s+", " ")
			.strip();
		Locale locale = (language == null || language.isBlank()) ? Locale.ENGLISH : Locale.forLanguageTag(language);
		List<String> sentences = Sentences.of(plain, locale);
		StringBuilder lead = new StringBuilder();
		int words = 0;
		for (int i = 0; i < sentences.size() && i < MAX_SENTENCES && words < MAX_WORDS; i++) {
			if (lead.length() > 0) {
				lead.append(' ');
			}
			lead.append(sentences.get(i));
			words += sentences.get(i).split("\\s+").length;
		}
		return lead.toString();
	}

}
