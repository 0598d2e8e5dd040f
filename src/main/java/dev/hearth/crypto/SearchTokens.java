package dev.hearth.crypto;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import dev.hearth.privacy.PiiClass;
import dev.hearth.privacy.PiiMatch;
import dev.hearth.privacy.Redactor;

/**
 * The words of a text as search tokens that policy allows to be stored: every value the
 * {@link Redactor} finds (emails, phone numbers, card numbers, IBANs, national IDs,
 * addresses, customer and order numbers) is left out, the rest is split into words,
 * normalised (NFKD without accents, lower case) and keyed-hashed with
 * {@link FieldCipher#token}. Thread-safe.
 */
@Component
public class SearchTokens {

	/** Longer words are cut to this many characters before hashing. */
	static final int MAX_WORD = 64;

	/** At most this many distinct words of one text are indexed. */
	static final int MAX_WORDS = 2_000;

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

	private final Redactor redactor;

	private final FieldCipher cipher;

	SearchTokens(Redactor redactor, FieldCipher cipher) {
		this.redactor = redactor;
		this.cipher = cipher;
	}

	/**
	 * The distinct normalised words of a text, regulated data left out, in text order.
	 */
	public Set<String> words(String text) {
		if (text == null || text.isBlank()) {
			return Set.of();
		}
		return words(text, this.redactor.find(text));
	}

	private static Set<String> words(String text, List<PiiMatch> found) {
		StringBuilder allowed = new StringBuilder(text);
		for (PiiMatch match : found) {
			for (int i = match.start(); i < match.end(); i++) {
				allowed.setCharAt(i, ' ');
			}
		}
		return normalisedWords(allowed.toString());
	}

	/** The distinct normalised words of a search query (nothing left out). */
	public static Set<String> normalisedWords(String text) {
		String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD))
			.replaceAll("")
			.toLowerCase(Locale.ROOT);
		Set<String> words = new LinkedHashSet<>();
		for (String word : SEPARATORS.split(folded)) {
			if (!word.isEmpty()) {
				words.add((word.length() > MAX_WORD) ? word.substring(0, MAX_WORD) : word);
				if (words.size() == MAX_WORDS) {
					break;
				}
			}
		}
		return words;
	}

	/**
	 * The tokens of a text under the key {@code keyId}: its allowed words, and the
	 * {@link #identifier identifiers} of the email addresses and customer numbers in it
	 * (which a data subject request looks up, and no word search can reach).
	 */
	public long[] tokens(String keyId, String text) {
		if (text == null || text.isBlank()) {
			return new long[0];
		}
		List<PiiMatch> found = this.redactor.find(text);
		Set<String> all = new LinkedHashSet<>(words(text, found));
		for (PiiMatch match : found) {
			if (IDENTIFIERS.contains(match.kind())) {
				all.add(identifier(match.kind(), text.substring(match.start(), match.end())));
			}
		}
		return this.cipher.tokens(keyId, all);
	}

	/** The kinds of regulated data indexed as identifiers for data subject requests. */
	public static final Set<PiiClass> IDENTIFIERS = Set.of(PiiClass.EMAIL, PiiClass.CUSTOMER_NUMBER);

	/**
	 * The indexed form of an identifier: its kind and its value lower-cased without
	 * spaces, dots or dashes (for numbers). It contains a colon, which no word has, so a
	 * word search never matches it.
	 */
	public static String identifier(PiiClass kind, String value) {
		String v = value.strip().toLowerCase(Locale.ROOT);
		if (kind != PiiClass.EMAIL) {
			v = v.replaceAll("[\\s.-]", "");
		}
		return "id:" + kind.name() + ":" + v;
	}

	/** The token of one normalised word under the key {@code keyId}. */
	public long token(String keyId, String word) {
		return this.cipher.token(keyId, word);
	}

}
