package dev.hearth.assistant;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToIntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured {@link QueryTranslation}s by question language
 * ({@code hearth.assistant.language.dictionaries}, ADR 0069). A dictionary file is read
 * in the background when the application starts (Debian's German-English dictionary is 25
 * MB and takes a second or two), so start-up does not wait for it; the first question in
 * its language waits if it comes sooner. A file that does not exist or cannot be read is
 * logged once and that language is answered as without a dictionary. Thread-safe.
 */
final class QueryTranslations {

	private static final Logger log = LoggerFactory.getLogger(QueryTranslations.class);

	private final Map<String, CompletableFuture<Optional<QueryTranslation>>> byLanguage;

	private QueryTranslations(Map<String, CompletableFuture<Optional<QueryTranslation>>> byLanguage) {
		this.byLanguage = byLanguage;
	}

	/**
	 * Starts reading the configured dictionaries.
	 * @param dictionaries file paths by question language (ISO 639-1)
	 * @param frequency in how many passages in the model's language a phrase's words
	 * occur together
	 * @param phrases in how many of them a phrase occurs as written
	 */
	static QueryTranslations load(Map<String, String> dictionaries, ToIntFunction<String> frequency,
			ToIntFunction<String> phrases) {
		Map<String, CompletableFuture<Optional<QueryTranslation>>> byLanguage = new HashMap<>();
		dictionaries.forEach((language, file) -> {
			String code = LanguageDetection.normalize(language);
			if (code == null || file == null || file.isBlank()) {
				return;
			}
			Path path = Path.of(file);
			if (!Files.isReadable(path)) {
				log.info("No dictionary for questions in '{}' at {}: they are answered from content in their own "
						+ "language only (ADR 0069)", code, path);
				return;
			}
			byLanguage.put(code, CompletableFuture.supplyAsync(() -> read(code, path, frequency, phrases),
					Thread::startVirtualThread));
		});
		return new QueryTranslations(Map.copyOf(byLanguage));
	}

	/** Translations that use the given dictionaries as they are, for tests. */
	static QueryTranslations of(Map<String, BilingualDictionary> dictionaries, ToIntFunction<String> frequency) {
		Map<String, CompletableFuture<Optional<QueryTranslation>>> byLanguage = new HashMap<>();
		dictionaries.forEach((language, dictionary) -> byLanguage.put(language,
				CompletableFuture.completedFuture(Optional.of(new QueryTranslation(dictionary, frequency)))));
		return new QueryTranslations(Map.copyOf(byLanguage));
	}

	/** No translation for any language. */
	static QueryTranslations none() {
		return new QueryTranslations(Map.of());
	}

	/**
	 * The question translated into the model's language, when a dictionary for its
	 * language is configured and knows one of its words.
	 */
	Optional<String> translate(String question, String language) {
		CompletableFuture<Optional<QueryTranslation>> translation = (language != null)
				? this.byLanguage.get(LanguageDetection.normalize(language)) : null;
		if (translation == null) {
			return Optional.empty();
		}
		return translation.join().flatMap((t) -> t.translate(question));
	}

	/**
	 * What a text in the given language names, read in the model's language
	 * ({@link QueryTranslation#senses}); empty when no dictionary serves the language.
	 */
	Optional<Set<String>> senses(String text, String language) {
		CompletableFuture<Optional<QueryTranslation>> translation = (language != null)
				? this.byLanguage.get(LanguageDetection.normalize(language)) : null;
		if (translation == null) {
			return Optional.empty();
		}
		return translation.join().map((t) -> t.senses(text));
	}

	private static Optional<QueryTranslation> read(String language, Path path, ToIntFunction<String> frequency,
			ToIntFunction<String> phrases) {
		try {
			long start = System.nanoTime();
			BilingualDictionary dictionary = BilingualDictionary.read(path);
			log.info("Dictionary for questions in '{}': {} words from {} in {} ms", language, dictionary.size(), path,
					(System.nanoTime() - start) / 1_000_000);
			return Optional.of(new QueryTranslation(dictionary, frequency, phrases));
		}
		catch (RuntimeException ex) {
			log.warn("Cannot read the dictionary for questions in '{}' at {}: {}", language, path, ex.getMessage());
			return Optional.empty();
		}
	}

}
