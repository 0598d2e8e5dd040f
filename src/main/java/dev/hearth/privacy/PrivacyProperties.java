package dev.hearth.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hearth.privacy}.
 *
 * @param customerNumberPattern regular expression of the company's customer numbers
 * @param orderNumberPattern regular expression of its order numbers
 */
@ConfigurationProperties("hearth.privacy")
record PrivacyProperties(@DefaultValue(StandardDetectors.DEFAULT_CUSTOMER_NUMBER) String customerNumberPattern,
		@DefaultValue(StandardDetectors.DEFAULT_ORDER_NUMBER) String orderNumberPattern) {

	PrivacyProperties {
		check("customer-number-pattern", customerNumberPattern);
		check("order-number-pattern", orderNumberPattern);
	}

	private static void check(String name, String regex) {
		try {
			java.util.regex.Pattern.compile(regex);
		}
		catch (java.util.regex.PatternSyntaxException ex) {
			throw new IllegalArgumentException(
					"hearth.privacy." + name + " is not a valid regular expression: " + ex.getDescription());
		}
	}

}
