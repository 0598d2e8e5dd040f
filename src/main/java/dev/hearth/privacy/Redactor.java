package dev.hearth.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Replaces personal data with stable placeholders: every detector runs, overlapping
 * detections keep the one of the higher-priority kind (then the longer), and the same
 * value gets the same placeholder each time it occurs in the text ({@code [EMAIL_1]},
 * {@code [PHONE_2]}, ...). Thread-safe if the detectors are.
 */
public final class Redactor {

	private final List<PiiDetector> detectors;

	public Redactor(List<PiiDetector> detectors) {
		this.detectors = List.copyOf(detectors);
	}

	/** The personal data in the text, without overlaps, in text order. */
	public List<PiiMatch> find(String text) {
		return find(text, null);
	}

	/**
	 * The personal data in a text from a customer of a known country, without overlaps,
	 * in text order: national IDs of that country are then recognised by generic labels
	 * too ("my ID number is ..."), not only by their own ("BSN", "SSN", "Steuer-ID").
	 * @param country the customer's country, ISO 3166-1 alpha-2 such as {@code NL}, or
	 * null when unknown
	 * @throws IllegalArgumentException if the country is not two letters
	 */
	public List<PiiMatch> find(String text, String country) {
		if (country != null && !country.matches("[A-Za-z]{2}")) {
			throw new IllegalArgumentException(
					"country must be an ISO 3166-1 alpha-2 code such as NL or DE, got '" + country + "'");
		}
		List<PiiMatch> all = new ArrayList<>();
		for (PiiDetector detector : this.detectors) {
			all.addAll(detector.detect(text, country));
		}
		all.sort(Comparator.comparingInt((PiiMatch m) -> m.kind().ordinal())
			.thenComparing(Comparator.comparingInt((PiiMatch m) -> m.end() - m.start()).reversed())
			.thenComparingInt(PiiMatch::start));
		List<PiiMatch> kept = new ArrayList<>();
		for (PiiMatch match : all) {
			if (kept.stream().noneMatch(match::overlaps)) {
				kept.add(match);
			}
		}
		kept.sort(Comparator.comparingInt(PiiMatch::start));
		return kept;
	}

	/**
	 * @param text the text to send out
	 * @param classes the kinds of personal data to replace (the rest is left as it is)
	 */
	public Redaction redact(String text, Set<PiiClass> classes) {
		Map<String, String> placeholderByValue = new HashMap<>();
		Map<String, String> values = new LinkedHashMap<>();
		Map<PiiClass, Integer> counts = new EnumMap<>(PiiClass.class);
		StringBuilder out = new StringBuilder(text.length());
		int last = 0;
		for (PiiMatch match : find(text)) {
			if (!classes.contains(match.kind())) {
				continue;
			}
			String value = text.substring(match.start(), match.end());
			String key = match.kind() + ":" + value.replaceAll("[\\s.()/-]", "").toLowerCase(Locale.ROOT);
			String placeholder = placeholderByValue.computeIfAbsent(key, (k) -> {
				int n = counts.merge(match.kind(), 1, Integer::sum);
				return "[" + match.kind().name() + "_" + n + "]";
			});
			values.putIfAbsent(placeholder, value);
			out.append(text, last, match.start()).append(placeholder);
			last = match.end();
		}
		out.append(text.substring(last));
		return new Redaction(out.toString(), values, counts);
	}

}
