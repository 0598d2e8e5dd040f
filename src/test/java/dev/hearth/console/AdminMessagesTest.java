package dev.hearth.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message key the supervisor and admin pages use (keys {@code admin.*} and
 * {@code analytics.*}, in their templates and controllers) exists in the English and the
 * German console bundle, and both bundles have the same such keys.
 */
class AdminMessagesTest {

	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{((?:admin|analytics)\\.[A-Za-z0-9.]+)[}(]");

	private static final Pattern JAVA_KEY = Pattern.compile("\"((?:admin|analytics)\\.[A-Za-z0-9.]+[A-Za-z0-9])\"");

	/** Keys built at run time from a prefix and a value. */
	private static final List<String> DYNAMIC = List.of("admin.kb.outcome.ADDED", "admin.kb.outcome.UPDATED",
			"admin.kb.outcome.UNCHANGED", "admin.kb.outcome.REMOVED", "admin.kb.outcome.FAILED",
			"admin.kb.kind.DOCUMENT", "admin.kb.kind.FAQ", "admin.faq.saved.ADDED", "admin.faq.saved.UPDATED",
			"admin.faq.saved.UNCHANGED", "analytics.wait.under1m", "analytics.wait.1to5m", "analytics.wait.5to15m",
			"analytics.wait.15to60m", "analytics.wait.over60m", "analytics.wait.unclaimed",
			"analytics.series.botResolved", "analytics.series.handedOff", "analytics.series.deflection",
			"analytics.series.latencyP50", "analytics.series.latencyP90", "analytics.series.thumbsUp",
			"analytics.series.thumbsDown", "analytics.series.handoffs", "analytics.series.customers",
			"analytics.series.percent", "analytics.series.milliseconds");

	@Test
	void everyUsedKeyIsInBothLanguages() throws IOException {
		Set<String> used = new TreeSet<>(DYNAMIC);
		used.addAll(keys(Path.of("src/main/resources/templates/console/admin"), TEMPLATE_KEY));
		used.addAll(keys(Path.of("src/main/resources/templates/console/analytics"), TEMPLATE_KEY));
		used.addAll(keys(Path.of("src/main/java/dev/hearth/console/admin"), JAVA_KEY));
		used.addAll(keys(Path.of("src/main/java/dev/hearth/console/analytics"), JAVA_KEY));
		assertThat(used).hasSizeGreaterThan(100);
		Set<String> english = ownKeys("messages/console.properties");
		Set<String> german = ownKeys("messages/console_de.properties");
		assertThat(english).as("keys missing from console.properties").containsAll(used);
		assertThat(german).as("keys missing from console_de.properties").containsAll(used);
		assertThat(german).as("admin and analytics keys of both bundles").isEqualTo(english);
	}

	private static Set<String> keys(Path folder, Pattern pattern) throws IOException {
		Set<String> keys = new TreeSet<>();
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Matcher matcher = pattern.matcher(Files.readString(file));
				while (matcher.find()) {
					keys.add(matcher.group(1));
				}
			}
		}
		return keys;
	}

	private static Set<String> ownKeys(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = AdminMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		Set<String> keys = new TreeSet<>();
		for (String key : properties.stringPropertyNames()) {
			if (key.startsWith("admin.") || key.startsWith("analytics.")) {
				keys.add(key);
			}
		}
		return keys;
	}

}
