package dev.hearth.widget;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every widget and demo-page string exists in every language, and every text the widget's
 * script asks for ({@code text('...')} in ui/src/widget.js) exists in the bundle.
 */
class WidgetMessagesTest {

	@Test
	void everyLanguageHasEveryWidgetKey() throws IOException {
		Set<String> english = keys("/messages/messages.properties");
		Set<String> german = keys("/messages/messages_de.properties");
		assertThat(german).containsAll(english);
		assertThat(english).containsAll(german);
	}

	@Test
	void everyTextTheScriptUsesIsInTheBundle() throws IOException {
		String script = java.nio.file.Files.readString(java.nio.file.Path.of("ui/src/widget.js"));
		Matcher used = Pattern.compile("text\\('([a-z.]+)'").matcher(script);
		Set<String> keys = keys("/messages/messages.properties");
		int count = 0;
		while (used.find()) {
			assertThat(keys).contains("widget." + used.group(1));
			count++;
		}
		assertThat(count).isGreaterThan(30);
	}

	@Test
	void thePageOrBrowserLanguagePicksTheBundle() {
		assertThat(WidgetMessages.language("de-CH")).isEqualTo(Locale.GERMAN);
		assertThat(WidgetMessages.language("de_AT")).isEqualTo(Locale.GERMAN);
		assertThat(WidgetMessages.language("fr")).isEqualTo(Locale.ENGLISH);
		assertThat(WidgetMessages.language(null)).isEqualTo(Locale.ENGLISH);
	}

	private static Set<String> keys(String resource) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(WidgetMessagesTest.class.getResourceAsStream(resource),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		Set<String> keys = new TreeSet<>();
		for (String key : properties.stringPropertyNames()) {
			if (key.startsWith("widget.") || key.startsWith("demo.")) {
				keys.add(key);
			}
		}
		return keys;
	}

}
