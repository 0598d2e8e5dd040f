package dev.hearth.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every console text is in both languages, and every message key a console template names
 * exists.
 */
class ConsoleMessagesTest {

	private static final Pattern KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)[}(]");

	@Test
	void englishAndGermanHaveTheSameKeys() throws IOException {
		assertThat(load("messages/console_de.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(load("messages/console.properties").stringPropertyNames());
	}

	@Test
	void everyKeyInTheConsoleTemplatesExists() throws IOException {
		Set<String> known = new HashSet<>(load("messages/console.properties").stringPropertyNames());
		known.addAll(load("messages/messages.properties").stringPropertyNames());
		Set<String> missing = new TreeSet<>();
		try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/resources/templates/console")),
				Stream.of(Path.of("src/main/resources/templates/fragments/layout.html")))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".html")).toList()) {
				Matcher matcher = KEY.matcher(Files.readString(file));
				while (matcher.find()) {
					if (!known.contains(matcher.group(1))) {
						missing.add(file.getFileName() + ": " + matcher.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	private static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = ConsoleMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
