package dev.hearth.conversation;

import java.util.List;
import java.util.Locale;

/**
 * The customer's country for a new conversation, from what knows it best: the page that
 * embeds the widget ({@code data-country}, sent as the start request's {@code country}),
 * else the site's configured country ({@code hearth.widget.sites[].country}), else the
 * region of the browser's first {@code Accept-Language} range that names one
 * ({@code nl-NL} gives {@code NL}). Only a two-letter ISO 3166-1 code counts; the
 * regulated-data rule uses it to recognise that country's national IDs by generic labels
 * ("ID number"). Stateless.
 */
final class CustomerCountry {

	private CustomerCountry() {
	}

	/**
	 * @param requested the page's country, or {@code null}
	 * @param site the site's configured country, or {@code null}
	 * @param acceptLanguage the browser's {@code Accept-Language} header, or {@code null}
	 * @return the country in upper case, or {@code null} when none of them says
	 * @throws IllegalArgumentException if the page's country is not two letters
	 */
	static String of(String requested, String site, String acceptLanguage) {
		if (requested != null && !requested.isBlank()) {
			if (!requested.strip().matches("[A-Za-z]{2}")) {
				throw new IllegalArgumentException(
						"country must be an ISO 3166-1 alpha-2 code such as NL or DE, got '" + requested + "'");
			}
			return requested.strip().toUpperCase(Locale.ROOT);
		}
		if (site != null) {
			return site;
		}
		return fromAcceptLanguage(acceptLanguage);
	}

	static String fromAcceptLanguage(String header) {
		if (header == null || header.isBlank() || header.length() > 500) {
			return null;
		}
		List<Locale.LanguageRange> ranges;
		try {
			ranges = Locale.LanguageRange.parse(header);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		for (Locale.LanguageRange range : ranges) {
			String region = Locale.forLanguageTag(range.getRange()).getCountry();
			if (region.matches("[A-Za-z]{2}")) {
				return region.toUpperCase(Locale.ROOT);
			}
		}
		return null;
	}

}
