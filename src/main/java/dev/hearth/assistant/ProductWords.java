package dev.hearth.assistant;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.hearth.knowledge.Sentences;

/**
 * The words customers use for any company's offerings, whatever the company calls them:
 * "package", "bundle", "plan", "deal", "option", "tariff", "extra", "subscription"
 * (German "Paket", "Tarif", "Option", "Angebot", "Abo"). "How much is the sports package"
 * asks the price of what the company sells as the "Sports" add-on; the customer's class
 * word says that a product is meant, not which one, and a text that names the product by
 * its own name and states its price answers the question without ever writing "package".
 * The specific words of the question ("sports", "golf", "netflix") still have to be
 * named: a product the knowledge base does not name asked the same way is not answered
 * (ADR 0084). The words are English and German common nouns of trade, not any company's
 * names. Thread-safe: stateless.
 */
final class ProductWords {

	private static final Set<String> GENERIC = Set.copyOf(ContentWords
		.setOf("package packages bundle bundles plan plans deal deals option options tariff tariffs addon addons extra extras "
				+ "subscription subscriptions paket pakete tarif tarife optionen angebot angebote abo abos abonnement"));

	private ProductWords() {
	}

	/**
	 * Whether the content word (a stem of {@link ContentWords}) is a generic word for an
	 * offering.
	 */
	static boolean generic(String stem) {
		return GENERIC.contains(stem);
	}

	/**
	 * The phrase without those of its generic words for an offering whose stems are given
	 * ("unlimited mobile" for "unlimited mobile tariff"), or the phrase itself when no
	 * other content word would be left ("the tariff").
	 * @param phrase the words of a thing the question asks about, joined by spaces
	 * @param stems the stems of the generic words to leave out
	 */
	static String withoutGeneric(String phrase, Set<String> stems) {
		List<String> words = Arrays.asList(phrase.strip().split("\\s+"));
		List<String> kept = words.stream().filter((word) -> !isGenericWord(word, stems)).toList();
		boolean specific = kept.stream().anyMatch((word) -> !ContentWords.of(word).isEmpty());
		return (kept.size() == words.size() || !specific) ? phrase : String.join(" ", kept);
	}

	/**
	 * Whether one sentence or list item of the span names every topic word of the
	 * question ({@link Answerability#topicWords}) other than its generic words for an
	 * offering, at least one of them, and states what the question asks: every kind of
	 * fact it asks ({@link Answerability#factsAsked}) and the way when it asks how or
	 * where to do something ({@link AskedWay}). "Sports: €20 per month" for "how much is
	 * the sports package", "just update your billing address in Account &gt; Personal
	 * details" for "how do I update my address on my account". A question that asks
	 * neither ("what is Fibre Voice?") is not answered so.
	 * @param asked the self-contained question (its topic words)
	 * @param own the customer's own words (the kind of fact they ask)
	 * @param span the span's text
	 */
	static boolean statedOfTheThing(String asked, String own, String span) {
		Set<String> specific = specificWords(asked);
		if (specific.isEmpty() || span == null) {
			return false;
		}
		List<Pattern> facts = Answerability.factsAsked(own);
		boolean way = AskedWay.asks(own);
		if (facts.isEmpty() && !way) {
			// "what is Fibre Voice?": a sentence that names it says something of it, not
			// necessarily what was asked
			return false;
		}
		return span.lines()
			.flatMap((line) -> Sentences.of(line, Locale.ROOT).stream())
			.anyMatch((unit) -> ContentWords.setOf(unit).containsAll(specific)
					&& facts.stream().allMatch((fact) -> fact.matcher(unit).find())
					&& (!way || AskedWay.statesWay(unit)));
	}

	/**
	 * The question's topic words ({@link Answerability#topicWords}) other than its
	 * generic words for an offering.
	 */
	static Set<String> specificWords(String asked) {
		Set<String> specific = new LinkedHashSet<>(Answerability.topicWords(asked));
		specific.removeIf(ProductWords::generic);
		return specific;
	}

	/**
	 * Whether the question holds a generic word for an offering among its topic words.
	 */
	static boolean namesAny(String asked) {
		return Answerability.topicWords(asked).stream().anyMatch(ProductWords::generic);
	}

	private static boolean isGenericWord(String word, Set<String> stems) {
		List<String> of = ContentWords.of(word.toLowerCase(Locale.ROOT).replace("-", ""));
		return !of.isEmpty() && of.stream().allMatch((stem) -> generic(stem) && stems.contains(stem));
	}

}
