package dev.hearth.widget;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The widget's user-visible strings ({@code widget.*} keys of the message bundles) in the
 * customer's language, handed to the widget's script as one map. Languages with a bundle:
 * English (the default) and German. Thread-safe.
 */
@Component
class WidgetMessages {

	static final List<String> LANGUAGES = List.of("en", "de");

	private final MessageSource messages;

	private final List<String> keys;

	WidgetMessages(MessageSource messages) {
		this.messages = messages;
		this.keys = keys();
	}

	/**
	 * The supported language closest to a tag such as {@code de-CH}; English otherwise.
	 */
	static Locale language(String tag) {
		if (tag != null && !tag.isBlank()) {
			String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
			if (LANGUAGES.contains(language)) {
				return Locale.of(language);
			}
		}
		return Locale.ENGLISH;
	}

	private final Map<Locale, Map<String, String>> cache = new java.util.concurrent.ConcurrentHashMap<>();

	Map<String, String> all(Locale locale) {
		return this.cache.computeIfAbsent(locale, this::resolve);
	}

	private Map<String, String> resolve(Locale locale) {
		Map<String, String> texts = new LinkedHashMap<>();
		for (String key : this.keys) {
			texts.put(key.substring("widget.".length()), this.messages.getMessage(key, null, locale));
		}
		return java.util.Collections.unmodifiableMap(texts);
	}

	private static List<String> keys() {
		Properties properties = new Properties();
		try (InputStream in = WidgetMessages.class.getResourceAsStream("/messages/messages.properties")) {
			properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read messages/messages.properties", ex);
		}
		return properties.stringPropertyNames().stream().filter((key) -> key.startsWith("widget.")).sorted().toList();
	}

}
