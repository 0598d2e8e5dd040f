package dev.hearth.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a text states what a yes/no question asks of its thing, not only names the
 * thing. "Does Northwind sell gaming consoles?" asks whether a thing is offered: the
 * SafeHome section names games consoles among the devices it filters, and says nothing of
 * selling them. "Do you charge extra if I pay by credit card?" asks whether there is a
 * charge: the card section names cards and never a charge or its absence. A text answers
 * such a question only when it states the relation asked (ADR 0076):
 * <ul>
 * <li>whether the company offers a thing ("do you sell / offer / provide / have / stock
 * X", "can I buy X"): one sentence, list line or table of the text names the thing (its
 * words that the text's headings do not name) and says it is offered, sold, available,
 * included, supported or ordered, or gives its price;</li>
 * <li>whether there is a charge ("do you charge …", "is there a charge …", "does it cost
 * extra", "is X free"): the text states an amount, "free" or that there is no fee or
 * charge, for what the charge would be for: a sentence or list line names every word of
 * the subject of "is X free", a paragraph or list line names a word of the phrase after
 * "charge for / to / if" ({@link #chargedFor}); anywhere in the text when its headings
 * name one, or when the question names no such phrase ("will it cost me extra?"). A
 * sentence that names every word of the thing and says it is included or comes with
 * something states that it costs nothing extra; a word of the thing counts as written and
 * as the thing itself, not as another thing's kind ("Missed installation appointment:
 * €60" is no answer to "is installation free?"; ADR 0085).</li>
 * </ul>
 * Words that the text's headings name (an FAQ entry's question, a span's title and
 * section path) need not be in the unit: a heading says what its lines are about, and an
 * entry's "Yes, and it's free." answers its own question. A text that states neither
 * names what was asked about without answering it; the pipeline then answers from
 * elsewhere or hands the question over. English forms only. Thread-safe: stateless.
 */
final class AskedRelation {

	/** What a yes/no question asks of its thing. */
	enum Relation {

		/** Whether the company offers, sells or has the thing. */
		OFFERED,
		/** Whether there is a charge, and how much. */
		CHARGED,
		/** Neither: the question asks something else. */
		NONE

	}

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	/**
	 * Whether the company offers a thing: a clause that opens "do you sell …", "does
	 * Northwind offer …", "can I buy … from you"; not "do you have to …" (an obligation)
	 * nor "what time do you carry out …", "what phones can I buy" (they ask which).
	 */
	private static final Pattern OFFERED_ASKED = Pattern
		.compile("(?:^|[,.;:!?–—-]\\s*|\\b(?:and|but|so|also|then|please"
				+ "|hi|hey|hello|ok|okay|well)\\s+)(?:(?:do|does) (?:you|you guys|u|northwind(?: fibre)?|they) "
				+ "(?:also |still |even )?(?:offer|sell|provide|stock|carry|have(?! to\\b))"
				+ "|(?:can|could|may) (?:i|we) (?:also )?(?:buy|purchase))\\b", FLAGS);

	/**
	 * Whether there is a charge: "do you charge …", "is there a charge …", "does it cost
	 * extra", "is it free", "will I pay extra". "How much …" and "is there a fee" ask an
	 * amount already ({@link Answerability#factsAsked}).
	 */
	private static final Pattern CHARGE_ASKED = Pattern.compile(
			"\\b(?:do|does|will|would) (?:you|u|they|northwind(?: fibre)?|it|that|this) (?:still |also )?charge\\b"
					+ "|\\b(?:is|are) there (?:a |an |any )?(?:[\\p{L}-]+ )?(?:charges?|fees?|costs?)\\b"
					+ "|\\bcharge(?:s|d)? (?:me |us |you )?(?:anything |any )?(?:extra|more)\\b"
					+ "|\\b(?:an? )?extra (?:charges?|costs?|fees?)\\b"
					+ "|\\b(?:cost|pay) (?:me |us )?(?:anything |any )?(?:extra|more)\\b|\\bfor free\\b"
					+ "|\\b(?:is|are) (?!there\\b)(?<subject>(?:[\\p{L}\\p{N}'’-]+ ){1,5}?)(?:an? )?(?:free|extra)\\b",
			FLAGS);

	/** A clause's subject before its verb: "if I pay", "when we move". */
	private static final Pattern SUBJECT = Pattern.compile("^(?:i|we|you|they|it)\\s+(?=\\p{L})", FLAGS);

	/**
	 * What the charge would be for: the words after "charge", "fee", "extra" and the like
	 * and a preposition or "if" ("for upgrading to a faster plan", "if I pay by card",
	 * "to keep my number"); not "on" ("cost extra on the home phone" names where).
	 */
	private static final Pattern CHARGED_FOR = Pattern
		.compile("\\b(?:charges?|charged|fees?|costs?|extra|more|anything)\\s+(?:me\\s+|us\\s+|you\\s+)?"
				+ "(?:anything\\s+|extra\\s+|more\\s+)?(?:for|to|if|when)\\s+(?<rest>.+)", FLAGS);

	/**
	 * What a text says when it states that a thing is offered: a verb of offering,
	 * selling or including, or that it is available.
	 */
	private static final Pattern OFFERING = Pattern.compile(
			"\\b(?:available|availability|offers?|offered|sells?|sold|provides?|provided|includes?|included"
					+ "|including|comes? with|supports?|supported|compatible|orders?|buy|stock|supply|supplies)\\b",
			FLAGS);

	/**
	 * An amount, or that there is none: "€5", "9 cents", "free", "no fee", "no extra
	 * cost", "no home move fee", "free of charge", "we don't charge".
	 */
	static final Pattern AMOUNT = Pattern.compile("[€$£]\\s?\\d|\\d\\s?(?:€|eur\\b|euros?\\b|cents?\\b|%)|\\bfree\\b"
			+ "|\\bno (?:[\\p{L}-]+ ){0,3}?(?:fees?|charges?|costs?)\\b|\\bat no (?:extra )?cost\\b"
			+ "|\\b(?:don't|don’t|do not|never|won't|will not) charge\\b|\\bwithout (?:a |any )?(?:fee|charge)\\b",
			FLAGS);

	/**
	 * That a thing costs nothing beyond what it comes with, as texts say it in English
	 * and German: "included", "comes with", "at no extra cost", "free of charge", "no
	 * fee", "€0", "inklusive", "kostenlos", "ohne Aufpreis" (ADR 0085). An answer to
	 * whether there is a charge as much as an amount is.
	 */
	static final Pattern NO_CHARGE = Pattern
		.compile("\\b(?:includes?|included|including|comes? with|came with|inclusive|inklusive|inkl\\.|inbegriffen"
				+ "|enthalten|kostenlos|kostenfrei|gratis|gebührenfrei|ohne (?:aufpreis|zusatzkosten|zusätzliche kosten"
				+ "|extrakosten|gebühr|kosten))(?![\\p{L}])", FLAGS);

	/**
	 * Words after which a thing's word is still the thing whose charge is asked, not the
	 * kind of another thing: "installation fee" is the charge for installation itself.
	 */
	private static final Set<String> CHARGE_WORDS = Set.copyOf(ContentWords
		.of("fee fees charge charges cost costs price" + " prices amount free extra included includes include"));

	/** A fee or charge asked for by name ({@link #asksAFee}). */
	private static final Pattern FEE_NAMED = Pattern.compile("\\b(?:charges?|fees?|costs?)\\b", FLAGS);

	/**
	 * "what about the Hub": the thing a follow-up names ({@link #chargedThingElsewhere}).
	 */
	private static final Pattern WHAT_ABOUT = Pattern.compile("\\b(?:what|how) about\\s+(?<rest>.+)", FLAGS);

	/**
	 * "is the Hub included …": the thing asked about ({@link #chargedThingElsewhere}).
	 */
	private static final Pattern INCLUDED_SUBJECT = Pattern
		.compile("\\b(?:is|are) (?!there\\b)(?<subject>(?:[\\p{L}\\p{N}'’-]+ ){1,5}?)(?:included|inclusive)\\b", FLAGS);

	private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");

	private AskedRelation() {
	}

	/**
	 * What the question asks of its thing; {@link Relation#NONE} for every question that
	 * asks neither whether a thing is offered nor whether it is charged for.
	 * @param own the customer's own words
	 */
	static Relation asked(String own) {
		if (own == null) {
			return Relation.NONE;
		}
		String prose = Answerability.prose(own);
		if (CHARGE_ASKED.matcher(prose).find()) {
			return Relation.CHARGED;
		}
		if (OFFERED_ASKED.matcher(prose).find()) {
			return Relation.OFFERED;
		}
		return Relation.NONE;
	}

	/**
	 * Whether the text states what the question asks of its thing ({@link #asked});
	 * {@code true} when it asks neither relation, or names no thing of its own.
	 * @param asked the self-contained question (its topic words)
	 * @param own the customer's own words (the relation asked, the thing)
	 * @param around the words around the text that say what it is about: a span's
	 * document title and section path, an FAQ entry's question
	 * @param text the span or the entry's answer
	 */
	static boolean statedIn(String asked, String own, String around, String text) {
		return switch (asked(own)) {
			case NONE -> true;
			case CHARGED -> charged(asked, own, around, text);
			case OFFERED -> offered(own, around, text);
		};
	}

	/**
	 * The words of what a charge is asked for: the subject of "is X free / extra", or the
	 * phrase after "charge for / to / if" ({@link AskedThing#leadingPhrase}, past a
	 * subject pronoun: "if I pay by card" is "pay"); empty when the question names
	 * neither.
	 */
	static List<String> chargedFor(String own) {
		String phrase = chargedPhrase(own);
		return (phrase == null) ? List.of() : ContentWords.of(phrase);
	}

	/**
	 * The words of what a charge is asked for as the customer wrote them, lower-cased
	 * ({@link #chargedFor} before stemming): "installation" is not "installed".
	 */
	static List<String> chargedForWritten(String own) {
		return written(chargedPhrase(own));
	}

	/**
	 * The phrase that names what a charge is asked for, as written: the subject of "is X
	 * free / extra", or the phrase after "charge for / to / if" past a subject pronoun;
	 * {@code null} when the question names neither.
	 */
	private static String chargedPhrase(String own) {
		String prose = Answerability.prose(own);
		Matcher asked = CHARGE_ASKED.matcher(prose);
		if (!asked.find()) {
			return null;
		}
		if (asked.group("subject") != null) {
			return asked.group("subject");
		}
		Matcher clause = CHARGED_FOR.matcher(prose);
		return clause.find() ? AskedThing.leadingPhrase(SUBJECT.matcher(clause.group("rest")).replaceFirst("")) : null;
	}

	/**
	 * The thing whose charge is asked when the question names it elsewhere than after
	 * "charge for" or as the subject of "is X free": after "what about" ("what about the
	 * Hub, is that free too?"), as the object of what something comes with or includes
	 * ("does it come with the Hub for free?", {@link AskedThing}), or as the subject of
	 * "is X included" ("is the Hub included with fibre or do I pay extra?"); written
	 * words, lower-cased, empty when none (ADR 0085).
	 */
	static List<String> chargedThingElsewhere(String own) {
		String prose = Answerability.prose(own);
		Matcher about = WHAT_ABOUT.matcher(prose);
		if (about.find()) {
			List<String> words = written(AskedThing.leadingPhrase(about.group("rest")));
			if (!words.isEmpty()) {
				return words;
			}
		}
		List<String> thing = written(AskedThing.of(own));
		if (!thing.isEmpty()) {
			return thing;
		}
		Matcher included = INCLUDED_SUBJECT.matcher(prose);
		return included.find() ? written(included.group("subject")) : List.of();
	}

	/**
	 * Whether the question asks for a fee or charge by name ("is there an installation
	 * fee?", "an extra charge"): the fee is what it asks about, and an amount anywhere in
	 * the text answers it, as before ADR 0085.
	 */
	private static boolean asksAFee(String own) {
		Matcher asked = CHARGE_ASKED.matcher(Answerability.prose(own));
		return asked.find() && FEE_NAMED.matcher(asked.group()).find();
	}

	private static List<String> written(String phrase) {
		if (phrase == null) {
			return List.of();
		}
		List<String> written = new ArrayList<>();
		Matcher tokens = TOKEN.matcher(phrase);
		while (tokens.find()) {
			if (!ContentWords.of(tokens.group()).isEmpty()) {
				written.add(tokens.group().toLowerCase(Locale.ROOT));
			}
		}
		return written;
	}

	private static boolean charged(String asked, String own, String around, String text) {
		List<String> words = chargedForWritten(own);
		boolean whole = subjectAsked(own);
		if (words.isEmpty() && !asksAFee(own)) {
			words = chargedThingElsewhere(own);
			whole = true;
		}
		String heads = (around != null) ? around : "";
		// "What's included", "Sports add-on - €20 per month": a heading that states the
		// charge states it for each of its lines (ADR 0085)
		boolean headingStates = statesCharge(heads);
		if (words.isEmpty()) {
			// "will it cost me extra?": what it would be for is the question's topic,
			// which the checks of every text already read; "included" anywhere is no
			// answer ("Your next bill will include a one-off adjustment")
			return AMOUNT.matcher(text).find();
		}
		Set<String> asking = ContentWords.setOf(own);
		if (whole) {
			return chargeStatedOf(words, heads, text, asking, headingStates);
		}
		// "for sending bills in the post": a paragraph or list line names one of the
		// words and states an amount ("One Mesh Pod Wi-Fi extender included with Fibre
		// 900. Extra Mesh Pods cost €4 per month each.")
		if (words.stream().anyMatch((word) -> namesThing(heads, word, asking)) && AMOUNT.matcher(text).find()) {
			return true;
		}
		for (String unit : UnsaidFacts.lines(text)) {
			if (AMOUNT.matcher(unit).find() && words.stream().anyMatch((word) -> namesThing(unit, word, asking))) {
				return true;
			}
		}
		// included, or under a heading that states a charge: a sentence that names every
		// word of the thing, not one ("Your next bill will include a one-off adjustment
		// for the days between the old and new date" says nothing of a fee to change the
		// bill date)
		for (String unit : UnsaidFacts.units(text)) {
			if ((headingStates || NO_CHARGE.matcher(unit).find())
					&& words.stream().allMatch((word) -> namesThing(unit, word, asking))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * {@link #chargeStatedOfThing(String, String, String)} of a span, read with its
	 * document title and section path.
	 * @param own the customer's own words
	 * @param span the span
	 */
	static boolean chargeStatedOfThing(String own, ExtractiveAnswers.Span span) {
		return chargeStatedOfThing(own, around(span.context(), span.text()), span.text());
	}

	/**
	 * Whether the text itself, one of its units, names the thing whose charge the
	 * customer asks about ("is installation free?", "do you charge for the Hub?") as the
	 * thing itself and states its charge or that it is included; {@code false} when no
	 * charge is asked, or asked of no thing named (ADR 0085).
	 * @param own the customer's own words
	 * @param around the span's document title and section path
	 * @param text the span
	 */
	static boolean chargeStatedOfThing(String own, String around, String text) {
		if (own == null || asked(own) != Relation.CHARGED) {
			return false;
		}
		List<String> words = chargedForWritten(own);
		if (words.isEmpty() && !asksAFee(own)) {
			words = chargedThingElsewhere(own);
		}
		if (words.isEmpty()) {
			return false;
		}
		Set<String> asking = ContentWords.setOf(own);
		boolean headingStates = statesCharge((around != null) ? around : "");
		for (String unit : UnsaidFacts.units(text)) {
			if ((headingStates || statesCharge(unit))
					&& words.stream().allMatch((word) -> namesThing(unit, word, asking))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the text states a charge or that there is none: an amount, "free", "no
	 * fee", or that the thing is included or comes with something ({@link #NO_CHARGE}).
	 */
	static boolean statesCharge(String text) {
		return AMOUNT.matcher(text).find() || NO_CHARGE.matcher(text).find();
	}

	/**
	 * For "is X free": one unit of the text names every word of X that the headings do
	 * not (all but one of three or more), each as the thing itself, and states the charge
	 * (or its heading does).
	 */
	private static boolean chargeStatedOf(List<String> thing, String around, String text, Set<String> asking,
			boolean headingStates) {
		List<String> words = thing.stream().filter((word) -> !namesThing(around, word, asking)).toList();
		int needed = (thing.size() >= 3) ? Math.max(0, words.size() - 1) : words.size();
		for (String unit : UnsaidFacts.units(text)) {
			if (!headingStates && !statesCharge(unit)) {
				continue;
			}
			if (words.stream().filter((word) -> namesThing(unit, word, asking)).count() >= needed) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a word of a text is the customer's word: one starts with the other (a
	 * plural, "Pods" for "pod"; "installation" for "install"), the shorter of three
	 * letters or more. A form that only shares a stem is another word: "already
	 * installed" says nothing of installation's charge.
	 */
	private static boolean sameWord(String written, String asked) {
		// "Wi-Fi" is "wifi"
		String token = written.replace("-", "");
		String word = asked.replace("-", "");
		String shorter = (token.length() <= word.length()) ? token : word;
		String longer = (shorter == token) ? word : token;
		return longer.equals(shorter) || shorter.length() >= 3 && longer.startsWith(shorter);
	}

	/**
	 * Whether the text names the word as the thing itself, not only as the kind of
	 * another thing: "Missed installation appointment: €60" names an appointment, the
	 * charge for missing it, not installation's (ADR 0085). A word right before another
	 * content word, with nothing between them, is that word's kind, unless the other word
	 * is one the customer wrote, a charge's name ("installation fee") or holds a digit
	 * ("Hub 3"); an occurrence anywhere else names the thing.
	 * @param text the unit or the headings
	 * @param word a word of the thing as the customer wrote it, lower-cased
	 * @param asking the stems of the customer's words
	 */
	static boolean namesThing(String text, String word, Set<String> asking) {
		Matcher tokens = TOKEN.matcher(text);
		boolean pending = false;
		int end = 0;
		while (tokens.find()) {
			String token = tokens.group();
			List<String> stems = ContentWords.of(token);
			String stem = (stems.size() == 1) ? stems.get(0) : null;
			if (pending) {
				boolean adjacent = text.substring(end, tokens.start()).isBlank();
				boolean head = adjacent && stem != null && token.chars().noneMatch(Character::isDigit)
						&& !named(asking, stem) && !CHARGE_WORDS.contains(stem);
				if (!head) {
					return true;
				}
				pending = false;
			}
			end = tokens.end();
			if (!stems.isEmpty() && sameWord(token.toLowerCase(Locale.ROOT), word)) {
				pending = true;
			}
		}
		return pending;
	}

	/**
	 * The words around a span that say what it is about: its document title and section
	 * path, the span's context without the span.
	 */
	static String around(String context, String text) {
		return context.endsWith(text) ? context.substring(0, context.length() - text.length()) : "";
	}

	/**
	 * The words around an FAQ entry's answer that say what it is about: its question,
	 * and, for whether a thing of two or more words is offered, each phrasing its company
	 * wrote for it that names every word of the thing. "how much is unlimited data" makes
	 * the mobile plans entry's "Mobile Unlimited €22" an offer of unlimited data; one
	 * word a phrasing shares with the question ("a bit of data" and "can I buy a bit
	 * more?") is no such statement (ADR 0083).
	 * @param own the customer's own words
	 * @param headed the entry's question, then its phrasings, one a line
	 */
	static String entryAround(String own, String headed) {
		List<String> lines = headed.strip().lines().toList();
		if (lines.isEmpty()) {
			return "";
		}
		String thing = (asked(own) == Relation.OFFERED) ? AskedThing.of(own) : null;
		List<String> words = (thing == null) ? List.of() : ContentWords.of(thing);
		if (words.size() < 2) {
			return lines.get(0);
		}
		StringBuilder around = new StringBuilder(lines.get(0));
		for (String phrasing : lines.subList(1, lines.size())) {
			Set<String> said = ContentWords.setOf(phrasing);
			if (words.stream().allMatch((word) -> named(said, word))) {
				around.append('\n').append(phrasing);
			}
		}
		return around.toString();
	}

	private static boolean subjectAsked(String own) {
		Matcher asked = CHARGE_ASKED.matcher(Answerability.prose(own));
		return asked.find() && asked.group("subject") != null;
	}

	private static boolean offered(String own, String around, String text) {
		String thing = AskedThing.of(own);
		if (thing == null) {
			return true;
		}
		return statedOf(ContentWords.of(thing), around, text, OFFERING)
				|| statedOf(ContentWords.of(thing), around, text, AMOUNT);
	}

	/**
	 * Whether one unit of the text names the words (those the words around it do not
	 * name; all but one of three or more) and says what the pattern finds.
	 */
	private static boolean statedOf(List<String> thing, String around, String text, Pattern stating) {
		Set<String> headed = ContentWords.setOf((around != null) ? around : "");
		List<String> words = thing.stream().filter((word) -> !named(headed, word)).toList();
		int needed = (thing.size() >= 3) ? Math.max(0, words.size() - 1) : words.size();
		for (String unit : UnsaidFacts.units(text)) {
			if (!stating.matcher(unit).find()) {
				continue;
			}
			Set<String> said = ContentWords.setOf(unit);
			if (words.stream().filter((word) -> named(said, word)).count() >= needed) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the words name the word: the same stem, one the other's start when the
	 * shorter has three letters or more ("consol" and "console"), or its plural ("tvs").
	 */
	static boolean named(Set<String> words, String word) {
		for (String other : words) {
			String shorter = (other.length() <= word.length()) ? other : word;
			String longer = (shorter == other) ? word : other;
			if (longer.equals(shorter) || shorter.length() >= 3 && longer.startsWith(shorter)
					|| longer.equals(shorter + "s")) {
				return true;
			}
		}
		return false;
	}

	/** For logs: what the relation needs. */
	static String missing(String own) {
		return switch (asked(own)) {
			case CHARGED -> "whether there is a charge is asked and the text states no amount for it";
			case OFFERED -> "whether something is offered is asked and the text never says the thing is offered";
			case NONE -> "";
		};
	}

}
