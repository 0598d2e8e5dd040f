package dev.hearth.privacy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Detects a national identification number whose format and check digit alone cannot tell
 * it from an order, tracking or invoice number (one random 9-digit number in eleven
 * passes the Dutch BSN 11-test). A candidate counts only when a label names it: the
 * nearest label in the {@value #BEFORE} characters before it, or else the first in the
 * {@value #AFTER} characters after it, is one of this ID's labels ("BSN",
 * "burgerservicenummer", "SSN", "Steuer-ID", "national ID" ...) and not another number's
 * ("order", "Sendungsnummer", "factuur" ...). When the customer's country is the ID's
 * country, generic labels ("ID number", "ID-Nummer", "identiteitsnummer") count too.
 * Thread-safe.
 */
final class LabelledIdDetector implements PiiDetector {

	static final int BEFORE = 60;

	static final int AFTER = 30;

	/** Labels of any national ID, whatever its country. */
	private static final String ANY_ID = "national (?:ID|identity|identification)(?: number| no\\.?)?"
			+ "|nationale? (?:ID|identificatienummer)|personal identification number";

	/** Labels that need the customer's country to name a national ID. */
	private static final String GENERIC = "ID(?:[- ]?(?:number|no\\.?|nummer|Nr\\.?))?|identification number"
			+ "|identity number|identiteitsnummer|persoonsnummer|Identifikationsnummer";

	/** Labels of the numbers customers write most that are no national ID. */
	private static final Pattern OTHER = Pattern.compile("(?iu)(?<![\\p{L}\\d])(?:order|orders|ordered|tracking"
			+ "|invoice|parcel|package|shipment|delivery|reference|ref|ticket|case|account|customer|contract|serial"
			+ "|SIM|IMEI|ICCID|meter|phone|mobile|Bestellung|Bestell-?nummer|Auftrag|Auftragsnummer|Sendung"
			+ "|Sendungsnummer|Paket|Rechnung|Rechnungsnummer|Kundennummer|Vertrag|Vertragsnummer|Zähler"
			+ "|Telefon|bestelling|bestelnummer|factuur|factuurnummer|zending|pakket|trackingcode|klantnummer"
			+ "|contractnummer|meterstand)(?:[ -]?(?:ID|number|no\\.?|nr\\.?|nummer|code))?(?![\\p{L}])");

	private final PatternDetector candidates;

	private final Pattern labels;

	private final Pattern countryLabels;

	private final String country;

	/**
	 * @param candidates finds the numbers in the ID's format that pass its check
	 * @param labels the ID's own labels, a regular expression (case-insensitive)
	 * @param country the ID's country, ISO 3166-1 alpha-2
	 */
	LabelledIdDetector(PatternDetector candidates, String labels, String country) {
		this.candidates = candidates;
		this.labels = Pattern.compile("(?iu)(?<![\\p{L}\\d])(?:" + labels + "|" + ANY_ID + ")(?![\\p{L}\\d])");
		this.countryLabels = Pattern
			.compile("(?iu)(?<![\\p{L}\\d])(?:" + labels + "|" + ANY_ID + "|" + GENERIC + ")(?![\\p{L}\\d])");
		this.country = country;
	}

	@Override
	public List<PiiMatch> detect(String text) {
		return detect(text, null);
	}

	@Override
	public List<PiiMatch> detect(String text, String customerCountry) {
		Pattern ownLabels = this.country.equalsIgnoreCase(String.valueOf(customerCountry)) ? this.countryLabels
				: this.labels;
		return this.candidates.detect(text).stream().filter((match) -> labelled(text, match, ownLabels)).toList();
	}

	private static boolean labelled(String text, PiiMatch match, Pattern ownLabels) {
		String before = text.substring(Math.max(0, match.start() - BEFORE), match.start());
		int own = lastEnd(ownLabels, before);
		int other = lastEnd(OTHER, before);
		if (own >= 0 || other >= 0) {
			return own > other;
		}
		String after = text.substring(match.end(), Math.min(text.length(), match.end() + AFTER));
		int ownAfter = firstStart(ownLabels, after);
		int otherAfter = firstStart(OTHER, after);
		return ownAfter >= 0 && (otherAfter < 0 || ownAfter < otherAfter);
	}

	private static int lastEnd(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		int end = -1;
		while (matcher.find()) {
			end = matcher.end();
		}
		return end;
	}

	private static int firstStart(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		return matcher.find() ? matcher.start() : -1;
	}

}
