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
		QueryTranslation translation = new QueryTranslation(BilingualDictionary.read(file), frequency);
		return translation::translate;
	}

}
