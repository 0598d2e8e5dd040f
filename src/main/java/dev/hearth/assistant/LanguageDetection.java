package dev.hearth.assistant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;

/**
 * The language a customer's message is written in, among the languages Hearth's content
 * is written in ({@code hearth.assistant.language.candidates}), by the optimaize
 * language-detector (character n-gram profiles, its profiles for short texts where it has
 * them) combined with what the conversation already knows. Why this library and how the
 * two combine: {@code docs/adr/0012-language-detection.md}.
 * <p>
 * Short messages are hard ("leise", "Hallo", "ok"): the detector alone picks the wrong
 * language for a few per cent of them. {@link #resolve} therefore weighs the detector's
 * probabilities with a prior for the conversation's language (the language of the
 * customer's previous message, else the widget's): a message the detector finds clearly
 * in another language switches the conversation's language, a short or ambiguous one
 * keeps it. Deterministic (fixed seed). Immutable and thread-safe.
 */
public final class LanguageDetection {

	/** Messages with fewer letters than this are not detected: the context decides. */
	static final int MIN_LETTERS = 3;

	private final List<String> candidates;

	private final double contextPrior;

	private final LanguageDetector detector;

	private final TextObjectFactory texts = CommonTextObjectFactories.forDetectingShortCleanText();

	private LanguageDetection(List<String> candidates, double contextPrior, LanguageDetector detector) {
		this.candidates = candidates;
		this.contextPrior = contextPrior;
		this.detector = detector;
	}

	/**
	 * A detector that chooses between the given languages.
	 * @param candidates ISO 639-1 codes the detector has profiles for (en, de, fr, ...)
	 * @param contextPrior the prior probability of the conversation's language in
	 * {@link #resolve}, in [0.5, 1) with two candidates (0.5 = the context counts for
	 * nothing)
	 * @throws IllegalArgumentException if a candidate is unknown to the detector, fewer
	 * than one is given, or the prior is outside [0, 1)
	 */
	public static LanguageDetection of(List<String> candidates, double contextPrior) {
		if (candidates == null || candidates.isEmpty()) {
			throw new IllegalArgumentException("at least one candidate language is needed");
		}
		if (!(contextPrior >= 0 && contextPrior < 1)) {
			throw new IllegalArgumentException("contextPrior must be in [0, 1), got " + contextPrior);
		}
		List<String> codes = new ArrayList<>();
		List<LanguageProfile> profiles = new ArrayList<>();
		LanguageProfileReader reader = new LanguageProfileReader();
		for (String candidate : candidates) {
			String code = normalize(candidate);
			if (code == null || codes.contains(code)) {
				continue;
			}
			profiles.add(profile(reader, code));
			codes.add(code);
		}
		LanguageDetector detector = LanguageDetectorBuilder.create(NgramExtractors.standard())
			.withProfiles(profiles)
			.probabilityThreshold(0)
			.minimalConfidence(0)
			.seed(11)
			.build();
		return new LanguageDetection(List.copyOf(codes), contextPrior, detector);
	}

	/** The short-text profile where the library has one, else its standard profile. */
	private static LanguageProfile profile(LanguageProfileReader reader, String code) {
		ClassLoader loader = LanguageDetection.class.getClassLoader();
		try {
			if (loader.getResource("languages.shorttext/" + code) != null) {
				return reader.read(loader, "languages.shorttext", List.of(code)).get(0);
			}
			if (loader.getResource("languages/" + code) != null) {
				return reader.readBuiltIn(LdLocale.fromString(code));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the language profile of '" + code + "'", ex);
		}
		throw new IllegalArgumentException(
				"no language profile for '" + code + "': use ISO 639-1 codes such as en, de, fr, es, it, nl");
	}

	/** The languages it chooses between, in the order given. */
	public List<String> candidates() {
		return this.candidates;
	}

	/**
	 * The detector's probability for each candidate language, highest first; empty when
	 * the text has fewer than {@value #MIN_LETTERS} letters.
	 */
	public Map<String, Double> probabilities(String text) {
		if (text == null || letters(text) < MIN_LETTERS) {
			return Map.of();
		}
		Map<String, Double> probabilities = new LinkedHashMap<>();
		for (DetectedLanguage detected : this.detector.getProbabilities(this.texts.forText(text))) {
			probabilities.merge(detected.getLocale().getLanguage(), detected.getProbability(), Double::sum);
		}
		return probabilities;
	}

	/**
	 * The detector's choice alone, or {@code null} when it has none (too few letters, no
	 * n-gram it knows).
	 */
	public String detect(String text) {
		Map<String, Double> probabilities = probabilities(text);
		return probabilities.isEmpty() ? null : probabilities.keySet().iterator().next();
	}

	/**
	 * The language of a message in its conversation: the detector's probabilities weighed
	 * with a prior of {@code contextPrior} for {@code context}; the context alone when
	 * the detector has nothing to say; the detector alone without a context (or with one
	 * that is not a candidate).
	 * @param text what the customer wrote
	 * @param context the conversation's language so far (the previous message's, else the
	 * widget's), or {@code null}
	 * @return an ISO 639-1 code, or {@code null} when neither the text nor the context
	 * tells
	 */
	public String resolve(String text, String context) {
		String known = normalize(context);
		Map<String, Double> probabilities = probabilities(text);
		if (probabilities.isEmpty()) {
			return known;
		}
		if (known == null || !this.candidates.contains(known) || this.candidates.size() < 2) {
			return probabilities.keySet().iterator().next();
		}
		double others = (1 - this.contextPrior) / (this.candidates.size() - 1);
		String best = known;
		double bestScore = -1;
		for (String candidate : this.candidates) {
			double score = probabilities.getOrDefault(candidate, 0.0)
					* (candidate.equals(known) ? this.contextPrior : others);
			if (score > bestScore) {
				best = candidate;
				bestScore = score;
			}
		}
		return best;
	}

	/** The primary subtag of a language tag in lower case ("de-CH" to "de"), or null. */
	static String normalize(String tag) {
		if (tag == null || tag.isBlank()) {
			return null;
		}
		String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
		return language.isEmpty() ? null : language;
	}

	private static int letters(String text) {
		int letters = 0;
		for (int i = 0; i < text.length(); i++) {
			if (Character.isLetter(text.charAt(i))) {
				letters++;
			}
		}
		return letters;
	}

}
