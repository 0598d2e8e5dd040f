package dev.hearth.knowledge;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Hearth's one sentence splitter, used to chunk documents (knowledge) and to pick the
 * sentences of an extractive answer (assistant). It is the JDK's
 * {@link BreakIterator#getSentenceInstance(Locale) sentence BreakIterator} for the text's
 * language: measured on support text against ICU4J (with and without CLDR's abbreviation
 * suppressions) it splits as well or better, and it needs no dependency (see
 * docs/benchmarks.md, "Sentence splitter"). Known limits: a full stop after an
 * abbreviation or an ordinal followed by a capital ("Mr. Smith", "z. B. durch", "3.
 * Oktober") ends a sentence. It lives here, not in retrieval, because knowledge is the
 * lowest module both users depend on and retrieval is about the index.
 * <p>
 * Thread-safe: every call uses its own iterator.
 */
public final class Sentences {

	private Sentences() {
	}

	/**
	 * The sentences of a text in order, each stripped of surrounding whitespace, blank
	 * ones left out; an empty list for a blank text. Joined with single spaces they hold
	 * every non-blank character of the text, in order.
	 * @param text the text to split, not {@code null}
	 * @param locale the text's language (rules differ little between languages)
	 * @throws NullPointerException if text or locale is {@code null}
	 */
	public static List<String> of(String text, Locale locale) {
		Objects.requireNonNull(text, "text must not be null");
		Objects.requireNonNull(locale, "locale must not be null");
		BreakIterator iterator = BreakIterator.getSentenceInstance(locale);
		iterator.setText(text);
		List<String> sentences = new ArrayList<>();
		int start = iterator.first();
		for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
			String sentence = text.substring(start, end).strip();
			if (!sentence.isEmpty()) {
				sentences.add(sentence);
			}
		}
		return sentences;
	}

}
