package dev.hearth.privacy;

import java.util.List;

/**
 * Finds one or more kinds of personal data in a text. Implementations must be
 * thread-safe.
 */
public interface PiiDetector {

	List<PiiMatch> detect(String text);

	/**
	 * The personal data in a text a customer from a known country wrote; detectors for
	 * which the country matters (national IDs) use it, the rest ignore it.
	 * @param country the customer's country, ISO 3166-1 alpha-2 (upper or lower case), or
	 * null when unknown
	 */
	default List<PiiMatch> detect(String text, String country) {
		return detect(text);
	}

}
