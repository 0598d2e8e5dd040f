package dev.hearth.widget;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo home page says nothing the sample knowledge base contradicts: every plan price
 * it shows is the sample's 24-month price, and it announces the yearly price change of
 * the sample's contract terms instead of promising none.
 */
class DemoPageTest {

	private static final Pattern PLAN = Pattern.compile("(Fibre \\d+): .*?(\\d+)[.,](\\d{2})");

	@Test
	void thePlanPricesAreTheSampleKnowledgeBasesPrices() throws IOException {
		String plans = read("sample-kb/docs/plans/fibre-plans.md");
		for (String bundle : new String[] { "messages/messages.properties", "messages/messages_de.properties" }) {
			Properties messages = properties(bundle);
			for (String key : new String[] { "demo.plan.basic", "demo.plan.plus", "demo.plan.busy", "demo.plan.max" }) {
				Matcher plan = PLAN.matcher(messages.getProperty(key));
				assertThat(plan.find()).as(bundle + " " + key).isTrue();
				assertThat(plans).as(bundle + " " + key)
					.containsPattern(
							"\\| " + plan.group(1) + " \\|.*\\| €" + plan.group(2) + "\\." + plan.group(3) + " \\|");
			}
		}
	}

	@Test
	void thePagePromisesNoPriceFreezeAndNamesTheYearlyChange() throws IOException {
		assertThat(read("sample-kb/docs/plans/fibre-plans.md")).contains("Every year on 1 April")
			.contains("fixed €1.50");
		assertThat(properties("messages/messages.properties").getProperty("demo.hero.text"))
			.doesNotContain("no price rise")
			.contains("1.50")
			.contains("1 April");
		assertThat(properties("messages/messages_de.properties").getProperty("demo.hero.text"))
			.doesNotContain("keine Preiserhöhung")
			.contains("1,50")
			.contains("1. April");
	}

	private static String read(String path) throws IOException {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static Properties properties(String path) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
