package dev.hearth.assistant;

import java.util.regex.Pattern;

/**
 * Document titles as a customer should see them: without the site name that web pages
 * append ("Testing your speed | Northwind Fibre Help" is "Testing your speed").
 * Thread-safe: stateless.
 */
final class Titles {

	private static final Pattern SITE_SUFFIX = Pattern.compile("\\s+[|·•]\\s+[^|·•]+$");

	private Titles() {
	}

	static String clean(String title) {
		if (title == null) {
			return "";
		}
		String cleaned = SITE_SUFFIX.matcher(title.strip()).replaceFirst("");
		return cleaned.isBlank() ? title.strip() : cleaned;
	}

}
