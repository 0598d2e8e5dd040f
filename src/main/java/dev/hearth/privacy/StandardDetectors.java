package dev.hearth.privacy;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The built-in detectors. Customer and order numbers follow patterns a company
 * configures.
 */
public final class StandardDetectors {

	static final String DEFAULT_CUSTOMER_NUMBER = "(?i)\\b(?:CUST|CU|NW)[- ]?\\d{6,10}\\b";

	static final String DEFAULT_ORDER_NUMBER = "(?i)\\b(?:ORD|ORDER)[- #]{0,2}\\d{5,12}\\b";

	private StandardDetectors() {
	}

	/**
	 * @param customerNumber regular expression of the company's customer numbers
	 * @param orderNumber regular expression of its order numbers
	 */
	public static List<PiiDetector> all(String customerNumber, String orderNumber) {
		return List
			.of(new PatternDetector(PiiClass.EMAIL,
					"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"),
					new PatternDetector(PiiClass.IBAN,
							Pattern.compile("(?i)\\b[A-Z]{2}\\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,3})?\\b"),
							Checksums::iban),
					new PatternDetector(PiiClass.PAYMENT_CARD,
							Pattern.compile(NOT_CONTINUING + "\\b\\d(?:[ -]?\\d){12,18}\\b"), Checksums::luhn),
					// National IDs: the format and check alone match too many order and
					// tracking numbers, so each needs its label nearby
					// (LabelledIdDetector).
					// US social security numbers: area not 000, 666 or 9xx, group not 00,
					// serial not 0000
					new LabelledIdDetector(
							new PatternDetector(PiiClass.NATIONAL_ID,
									"\\b(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}\\b"),
							"SSN|social security(?: number| no\\.?)?|soc\\. ?sec\\.?|Sozialversicherungsnummer"
									+ "|sociale[- ]zekerheidsnummer",
							"US"),
					// UK National Insurance numbers, without the prefixes HMRC never
					// issues
					new LabelledIdDetector(
							new PatternDetector(PiiClass.NATIONAL_ID,
									"(?i)\\b(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
											+ " ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]\\b"),
							"national insurance(?: number| no\\.?)?|NINO|(?-i:NI)(?: number| no\\.?)?", "GB"),
					// Dutch BSN (11-test), also written 1234.56.789
					new LabelledIdDetector(
							new PatternDetector(PiiClass.NATIONAL_ID,
									Pattern.compile(
											NOT_CONTINUING + "\\b(?:\\d{9}|\\d{4}\\.\\d{2}\\.\\d{3})\\b(?!\\.\\d)"),
									Checksums::bsn),
							"BSN|burger ?service ?nummer|citizen service number|sofi[- ]?nummer|sofi number", "NL"),
					// German tax ID (ISO 7064 MOD 11,10), also written 12 345 678 901
					new LabelledIdDetector(
							new PatternDetector(PiiClass.NATIONAL_ID,
									Pattern.compile(NOT_CONTINUING + "\\b[1-9]\\d ?\\d{3} ?\\d{3} ?\\d{3}\\b(?! ?\\d)"),
									Checksums::steuerId),
							"Steuer-?ID|Steuer-?IdNr\\.?|IdNr\\.?|Steuer-?Identifikationsnummer"
									+ "|steuerliche(?:n)? Identifikationsnummer|(?:German )?tax ID(?: number)?"
									+ "|tax identification number",
							"DE"),
					new PatternDetector(PiiClass.CUSTOMER_NUMBER, customerNumber),
					new PatternDetector(PiiClass.ORDER_NUMBER, orderNumber),
					new PatternDetector(PiiClass.PHONE, Pattern.compile(NOT_CONTINUING
							+ "(?<![\\w+])(?:\\+|00)\\d{1,3}[ ./-]?(?:\\(?\\d{1,5}\\)?[ ./-]?){1,5}\\d{2,5}(?!\\w)"
							+ "|" + NOT_CONTINUING
							+ "(?<![\\w+])\\(?0\\d{1,4}\\)?[ ./-]?\\d{2,4}[ ./-]?\\d{2,5}(?:[ ./-]?\\d{2,4})?(?!\\w)"
							// North American numbers: (415) 555-0132, 415-555-0132
							+ "|" + NOT_CONTINUING
							+ "(?<![\\w+])(?:\\(\\d{3}\\) ?|\\d{3}[-.])\\d{3}[-.]\\d{4}(?![\\w-])"),
							StandardDetectors::phone),
					// English: [Flat/Unit n, ]number street-name street-type[, Town][
					// POSTCODE]
					new PatternDetector(PiiClass.POSTAL_ADDRESS,
							"\\b(?:(?:Flat|Unit|Apartment|Apt\\.?|Suite) \\d{1,4}[A-Za-z]?, )?"
									+ "\\d{1,5}[A-Za-z]?,? (?:[A-Z][a-z']+ ){1,3}"
									+ "(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Way|Close|Court|Ct|Place|Pl|Square|Sq|Boulevard|Blvd"
									+ "|Crescent|Terrace|Gardens|Row|Hill|Mews|Parade|Walk|Grove)\\b"
									+ "(?:, [A-Z][a-z]+(?: [A-Z][a-z]+)?(?: [A-Z]{1,2}\\d[A-Z\\d]? ?\\d[ABD-HJLNP-UW-Z]{2}\\b)?)?"),
					// German: Street-name[straße|weg|...] number[, 12345 Town], also "Am
					// Markt 3"
					new PatternDetector(PiiClass.POSTAL_ADDRESS,
							"\\b(?:[A-ZÄÖÜ][a-zäöüß]+(?:straße|strasse|str\\.|weg|gasse|platz"
									+ "|allee|ring|damm|ufer|chaussee|steig|pfad)|(?:Am|An der|Auf dem|Im|In der|Zum|Zur) [A-ZÄÖÜ][a-zäöüß]+)"
									+ " \\d{1,4}[a-z]?\\b(?:, \\d{5} [A-ZÄÖÜ][a-zäöüß]+(?:[ -][A-ZÄÖÜ][a-zäöüß]+)?\\b)?"),
					new PatternDetector(PiiClass.POSTAL_ADDRESS,
							"\\b(?:[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[ABD-HJLNP-UW-Z]{2})\\b"),
					new PatternDetector(PiiClass.POSTAL_ADDRESS,
							"\\b\\d{5} (?:[A-ZÄÖÜ][a-zäöüß]+)(?:[ -][A-ZÄÖÜ][a-zäöüß]+)?\\b"));
	}

	/** Not in the middle of a longer number or code (e.g. the tail of an IBAN). */
	private static final String NOT_CONTINUING = "(?<![A-Za-z0-9]|\\d[ -])";

	private static final Pattern DATE = Pattern.compile("\\d{1,2}([./])\\d{1,2}\\1(?:19|20)\\d{2}");

	private static boolean phone(String value) {
		long digits = value.chars().filter(Character::isDigit).count();
		return digits >= 8 && digits <= 15 && !DATE.matcher(value).matches();
	}

}
