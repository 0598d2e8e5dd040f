package dev.hearth.assistant;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
	 * The phrase without its generic words for an offering ("kids a month" for "kids
	 * bundle a month", "home phone" for "home phone deal"), or the phrase itself when it
	 * has no other content word ("the package", "plan").
	 * @param phrase the words of a thing the question asks about, joined by spaces
	 */
	static String withoutGeneric(String phrase) {
		List<String> words = Arrays.asList(phrase.strip().split("\\s+"));
		List<String> kept = words.stream().filter((word) -> !isGenericWord(word)).toList();
		boolean specific = kept.stream().anyMatch((word) -> !ContentWords.of(word).isEmpty());
		return (kept.size() == words.size() || !specific) ? phrase : String.join(" ", kept);
	}

	/**
	 * Whether one sentence or list item of the span names every topic word of the
	 * question ({@link Answerability#topicWords}) other than its generic words for an
	 * offering, at least one of them, and states every kind of fact the question asks
	 * ({@link Answerability#factsAsked}): "Sports: €20 per month" for "how much is the
	 * sports package", "just update your billing address in Account &gt; Personal
	 * details" for "how do I update my address on my account".
	 * @param asked the self-contained question (its topic words)
	 * @param own the customer's own words (the kind of fact they ask)
	 * @param span the span's text
	 */
	static boolean statedOfTheThing(String asked, String own, String span) {
		Set<String> specific = new LinkedHashSet<>(Answerability.topicWords(asked));
		specific.removeIf(ProductWords::generic);
		if (specific.isEmpty() || span == null) {
			return false;
		}
		var facts = Answerability.factsAsked(own);
		return span.lines()
			.flatMap((line) -> Sentences.of(line, Locale.ROOT).stream())
			.anyMatch((unit) -> ContentWords.setOf(unit).containsAll(specific)
					&& facts.stream().allMatch((fact) -> fact.matcher(unit).find()));
	}

	/**
	 * Whether the question holds a generic word for an offering among its topic words.
	 */
	static boolean namesAny(String asked) {
		return Answerability.topicWords(asked).stream().anyMatch(ProductWords::generic);
	}

	private static boolean isGenericWord(String word) {
		List<String> stems = ContentWords.of(word.toLowerCase(Locale.ROOT).replace("-", ""));
		return !stems.isEmpty() && stems.stream().allMatch(ProductWords::generic);
	}

}
