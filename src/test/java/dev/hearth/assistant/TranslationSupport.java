package dev.hearth.assistant;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Hearth's word-by-word query translation (ADR 0069) for benchmarks in other packages.
 */
public final class TranslationSupport {

	private TranslationSupport() {
	}

	/**
	 * The translation of a question by the Ding-format dictionary at {@code file}.
	 * @param frequency in how many texts of the target collection all words of a phrase
	 * occur together
	 */
	public static Function<String, Optional<String>> translator(Path file, ToIntFunction<String> frequency) {
		return translator(file, frequency, frequency);
	}

	/**
	 * As {@link #translator(Path, ToIntFunction)}, a sense of several words counted by
	 * the texts that hold it as a phrase.
	 * @param phrases in how many texts a phrase occurs as written, its words next to each
	 * other
	 */
	public static Function<String, Optional<String>> translator(Path file, ToIntFunction<String> frequency,
			ToIntFunction<String> phrases) {
		QueryTranslation translation = new QueryTranslation(BilingualDictionary.read(file), frequency, phrases);
		return translation::translate;
	}

}
