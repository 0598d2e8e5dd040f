package dev.hearth.assistant;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a span of a document answers the question, before it is shown as a document
 * answer: its topic words covered (the question's content words, found in the span, its
 * section path or its document title), every number the question names present in the
 * span, and the kind of fact asked for present (an amount for "how much", a number or
 * time for "how long" and "when", digits for "which number"), and every name the question
 * mentions (a product, brand or place written with capitals mid-sentence, "Netflix",
 * "iPhone") present around the span: a passage about the same topic that never names what
 * was asked for does not answer it. A question whether something is offered at all ("do
 * you offer a student discount?") needs every topic word, from an FAQ entry too: a text
 * about a discount that never names students does not say one is offered. Words that only
 * say what kind of fact is asked ("cost", "long", "take") are not topic words. A question
 * about a thing the knowledge base never names ({@link AskedThing}: "how to add netflix
 * to my tv package") is not answered at all (the pipeline asks {@link KnowledgeWords},
 * ADR 0050 and 0071). The same judgement applies to an FAQ entry's answer, with the
 * entry's question and phrasings as its context. Thread-safe: immutable.
 */
final class Answerability {

	/**
	 * Words that only say what kind of fact is asked ("cost", "long", German "kostet"),
	 * as written.
	 */
	static final String KIND_TEXT = "cost costs much price fee fees charge charged pay long take takes quickly soon "
			+ "fast time many often number happen happens possible way offer offers provide provides sell available "
			+ "option options kosten kostet preis gebühr lange dauert dauern schnell anbieten bietet";

	private static final Set<String> KIND_WORDS = Set.copyOf(ContentWords.setOf(KIND_TEXT));

	private static final Pattern HOW_MUCH = Pattern.compile(
			"\\b(how much|what does .* cost|what do you charge|price|fee|cost|kostet|kosten|preis|gebühr|wie viel)\\b",
			Pattern.CASE_INSENSITIVE);

	/**
	 * A question that asks a price in so many words ("how much is it to ...", "what does
	 * ... cost", "what's the installation fee", "was kostet"), unlike "how much notice"
	 * or "how much data", which ask a quantity, or "is there a fee ...", which a "no fee"
	 * answers: an FAQ entry's answer without an amount does not answer it either.
	 */
	private static final Pattern PRICE_ASKED = Pattern.compile(
			"\\b(how much (is|are|does|do|did|will|would|was|were)|how much's|what (does|do|would|will) .{1,60}? cost"
					+ "|what do you charge|wie viel (kostet|kosten)|was (kostet|kosten)"
					+ "|what(?:'s|’s|s| is| are| was| will be| would be) (?:the |your |a |an )?(?:[\\p{L}-]+ ){0,3}"
					+ "(?:fee|fees|cost|costs|price|prices|charge|charges))\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern HOW_LONG = Pattern.compile(
			"\\b(how long|how soon|how quickly|how many days|when will|wie lange|wie schnell|wann)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern WHICH_NUMBER = Pattern.compile(
			"\\b(what|which) (phone )?number\\b|\\bnumber (do|should) i (call|ring|dial)\\b", Pattern.CASE_INSENSITIVE);

	private static final Pattern AMOUNT = Pattern.compile("[€$£]\\s?\\d|\\d\\s?(€|eur|euro|cents?|%)|\\bfree\\b",
			Pattern.CASE_INSENSITIVE);

	/**
	 * A time, as loosely as a span that answers "how long" may state one: any digit
	 * counts ("8:00–20:00").
	 */
	static final Pattern DURATION = Pattern.compile(
			"\\d|\\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|same day|next day|immediately|straight away|"
					+ "minutes?|hours?|days?|weeks?|months?|years?)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern DIGITS = Pattern.compile("\\d");

	/**
	 * A question whether something is offered at all: "do you offer a student discount",
	 * "do you have a 4G plan", "do you guys also do student discounts". Not "do you have
	 * to ..." (an obligation), nor "how do you do ..." (a way, not whether), nor "is
	 * there a fee for ..." or German "gibt es ..." (they ask a fact of something known,
	 * and a German compound such as "Papierrechnungen" seldom meets the entry's own
	 * word).
	 */
	/**
	 * What a verdict says when a name the question gives is missing; the name itself is
	 * not said, since these verdicts are logged and a name may be personal data.
	 */
	static final String NAME_MISSING = "the name the question gives is not in the passage";

	/** A question whether something may be done whenever the customer likes. */
	private static final Pattern ANY_TIME = Pattern.compile(
			"\\b(?:any\\s?time|any moment|whenever (?:i|we|you) (?:want|like|wish|choose|need))\\b",
			Pattern.CASE_INSENSITIVE);

	/** An FAQ entry's own question narrowed to a span of time: "within 14 days". */
	private static final Pattern TIME_BOUND = Pattern.compile("\\b(?:within|in the first|during the first)\\s+"
			+ "(?:\\d+|one|two|three|four|five|six|seven|ten|fourteen|thirty)\\b", Pattern.CASE_INSENSITIVE);

	/** A text about the customer's own thing of a kind, whatever its make. */
	private static final Pattern YOUR_OWN = Pattern.compile("\\byour own\\b", Pattern.CASE_INSENSITIVE);

	/**
	 * Up to three words the customer says are theirs: after a possessive, or before "I
	 * own", "I have", "I bought", "I got".
	 */
	private static final List<Pattern> OWNED = List.of(
			Pattern.compile("\\b(?:my|our)\\s+(?<words>[\\p{L}\\p{N}-]+(?:\\s+[\\p{L}\\p{N}-]+){0,2})",
					Pattern.CASE_INSENSITIVE),
			Pattern.compile(
					"(?<words>[\\p{L}\\p{N}-]+(?:\\s+[\\p{L}\\p{N}-]+){0,2})\\s+(?:that\\s+|which\\s+)?"
							+ "(?:i|we)\\s+(?:already\\s+|still\\s+)?(?:own|have|bought|got)\\b",
					Pattern.CASE_INSENSITIVE));

	private static final Pattern WHETHER_OFFERED = Pattern.compile(
			"\\b(?<wh>(?:how|what|when|where|why|which|who) )?(do|does) (you|you guys|northwind|they|u) "
					+ "(?:also |still |even )?(?<verb>offer|provide|sell|have(?! to\\b)|do)\\b",
			Pattern.CASE_INSENSITIVE);

	/**
	 * A question whether there is a kind of discount or deal: "is there a student
	 * discount?", "are there any deals for pensioners?", "do I get a loyalty discount?".
	 * The kind is what it asks about; an entry about another discount answers "Yes." to
	 * the wrong question.
	 */
	private static final Pattern DEAL_ASKED = Pattern.compile("\\b(?:is there|are there|do i get|can i get|do you give)"
			+ "\\s+(?:a |an |any )?(?:[\\p{L}-]+\\s+){0,2}(?:discounts?|deals?|offers?|promotions?|reductions?|concessions?)\\b",
			Pattern.CASE_INSENSITIVE);

	/**
	 * A sentence in which the company says it does not offer something: "We don't have
	 * shops.", "We never sell your data."; group 1 is what it does not offer.
	 */
	private static final Pattern NOT_OFFERED = Pattern.compile(
			"(?:^|[.!?:;>]\\s*|\\n\\s*)(?:we|northwind(?: fibre)?) (?:don't|don’t|do not|does not|doesn't|never|no longer) "
					+ "(?:have|offer|provide|sell|run|operate)\\b([^.!?\\n<]*)",
			Pattern.CASE_INSENSITIVE);

	/**
	 * A clause that asks: opened by a question word or an auxiliary, at the start or
	 * after a comma or "but", "and", "so" ("..., can I move it to another day").
	 */
	private static final Pattern ASKS = Pattern.compile(
			"(?:^|[,;:.!]\\s*|\\b(?:but|and|so)\\s+)(?:how|what|what's|whats|why|when|where|which|who|can|could|do|does"
					+ "|did|is|are|was|were|will|would|should|shall|may|might|has|have|am|wie|wann|wo|warum|kann"
					+ "|können|gibt|ist)\\b",
			Pattern.CASE_INSENSITIVE);

	/**
	 * A word in the past tense or a past participle: "received", "damaged" (not "-eed":
	 * "speed", "need"), and a few irregular ones that report a loss, damage or an absence
	 * ("stolen", "broken", "left", "lost", "never came").
	 */
	private static final Pattern PAST = Pattern.compile(
			"\\b(?:\\p{L}{3,}(?<!e)ed|stolen|broken|given|left|lost|sent|taken|came|went)\\b",
			Pattern.CASE_INSENSITIVE);

	/**
	 * Words in the past tense that say what the customer did about a problem or wants,
	 * not what happened ("I tried restarting it", "I wondered whether ..."), stemmed.
	 */
	private static final Set<String> ATTEMPTS = ContentWords.setOf("tried asked called wanted wondered hoped noticed");

	/** A number the customer has: "my landline number", "your account number". */
	private static final Pattern OWN_NUMBER = Pattern.compile("\\b(?:my|your|our)\\s+(?:[\\p{L}-]+\\s+)?numbers?\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)?");

	/** A word: letters (any script), digits and inner apostrophes or hyphens. */
	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’-][\\p{L}\\p{N}]+)*");

	/**
	 * German capitalises every noun, so capitals name nothing in a German question: these
	 * function words mark one.
	 */
	private static final Set<String> GERMAN = Set.of("ich", "ist", "und", "der", "die", "das", "wie", "kann", "mein",
			"meine", "nicht", "für", "mit", "ein", "eine", "sie", "wann", "bei", "habe", "wird", "gibt", "muss", "mich",
			"mir", "im", "kostet", "sind", "auf", "zu", "von", "den", "dem", "des", "nach", "vom", "zum", "zur", "über",
			"ob", "dass", "warum", "welche", "welcher", "wer", "bekomme", "meinen", "meinem", "ihre", "ihr");

	/** Days and months: capitalised in English, but they name no product or place. */
	private static final Set<String> CALENDAR = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
			"saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
			"october", "november", "december", "christmas", "easter");

	/** A number that follows a capitalised word: a model or plan number. */
	private static final Pattern MODEL_NUMBER = Pattern.compile("\\b\\p{L}*\\p{Lu}\\p{L}*\\s+(\\d+(?:[.,]\\d+)?)\\b");

	/**
	 * What a customer pastes but does not ask about: scripts and styles, markup tags,
	 * link targets, URLs and e-mail addresses. Their words and numbers are not the
	 * question's topic (an e-mail address given for contact, or a pasted error page,
	 * would otherwise count as uncovered topic words).
	 */
	private static final Pattern NOT_PROSE = Pattern
		.compile("(?is)<(script|style)\\b.*?</\\1\\s*>|<[^>]*>|\\]\\([^)]*\\)|\\b[a-z][a-z0-9+.-]*:(?://)?[^\\s)\\]]+"
				+ "|[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

	private final double minCoverage;

	/** Judging an FAQ entry the router matched rather than a document span. */
	private final boolean entryMode;

	/**
	 * @param minCoverage the share of the question's topic words the span must cover, 0
	 * to 1
	 */
	Answerability(double minCoverage) {
		this(minCoverage, false);
	}

	private Answerability(double minCoverage, boolean entryMode) {
		if (!(minCoverage >= 0 && minCoverage <= 1)) {
			throw new IllegalArgumentException("minCoverage must be between 0 and 1, got " + minCoverage);
		}
		this.minCoverage = minCoverage;
		this.entryMode = entryMode;
	}

	/**
	 * The judgement for an FAQ entry the router matched: the router already judged that
	 * the question means the entry (paraphrases share few words with it, and "how much
	 * notice" asks for no amount), so neither a share of topic words nor the kind of fact
	 * is required, and numbers the customer states about their own case ("I get 250
	 * Mbps", "on the 17th") need not be in it; the names the question mentions and the
	 * model numbers that follow a name ("Fibre 5000", "iPhone 16") must be.
	 */
	static Answerability forFaqEntries() {
		return new Answerability(0, true);
	}

	/**
	 * The verdict on a span.
	 *
	 * @param answers whether the span answers the question
	 * @param coverage the share of topic words covered
	 * @param missing what is missing when it does not answer, for the log; empty when it
	 * does
	 */
	record Verdict(boolean answers, double coverage, String missing) {
	}

	/**
	 * @param question the self-contained question
	 * @param context the span with its heading, section path and document title
	 * @param span the span alone (numbers and facts must be in it)
	 */
	Verdict judge(String asked, String context, String span) {
		return judge(asked, context, span, Set.of());
	}

	/**
	 * @param question the self-contained question
	 * @param context the span with its heading, section path and document title
	 * @param span the span alone (numbers and facts must be in it)
	 * @param common content words found in most of the passages retrieved for the
	 * question (the company's own name, its products): a name among them distinguishes
	 * nothing, so it need not be around the span
	 */
	Verdict judge(String asked, String context, String span, Set<String> common) {
		return judge(asked, asked, context, span, common);
	}

	/**
	 * The verdict on a span for a follow-up read with the conversation: its topic words,
	 * names and numbers are the self-contained question's, but the kind of fact asked
	 * (whether something is offered, an amount, a time, a number) is the customer's own
	 * question's when it asks one: "how much is the sports one" after "what TV packages
	 * do you have?" asks an amount, not whether the packages are offered, while "what
	 * about the 900 one?" after "how much is Fibre 500?" asks an amount too.
	 * @param asked the self-contained question
	 * @param own the customer's own words
	 * @param context the span with its heading, section path and document title
	 * @param span the span alone (numbers and facts must be in it)
	 * @param common content words found in most of the passages retrieved for the
	 * question
	 */
	Verdict judge(String asked, String own, String context, String span, Set<String> common) {
		String question = prose(asked);
		// an elliptic follow-up ("what about the 900 one?") asks what the question before
		// it asked; one that asks a kind of fact of its own asks that instead
		String kind = asksAKind(prose(own)) ? prose(own) : question;
		Set<String> topic = topicWords(question);
		if (topic.isEmpty() && !this.entryMode) {
			return new Verdict(false, 0, "the question has no topic words");
		}
		Set<String> present = ContentWords.setOf(context);
		long covered = topic.stream().filter(present::contains).count();
		double coverage = topic.isEmpty() ? 1 : (double) covered / topic.size();
		// "do you have a shop in the city centre?": "We don't have shops." answers it
		// however the question qualifies the thing
		boolean whetherOffered = asksWhetherOffered(kind);
		boolean notOffered = whetherOffered && statesNotOffered(topic, context);
		if (coverage < this.minCoverage && !notOffered) {
			return new Verdict(false, coverage, "topic words covered " + covered + " of " + topic.size());
		}
		if (covered < topic.size() && whetherOffered && !notOffered) {
			// "do you offer a student discount?": a text about a discount that never
			// names students does not say one is offered; a "Yes." from it is wrong
			return new Verdict(false, coverage, "whether something is offered is asked and the text never names "
					+ (topic.size() - covered) + " of its topic words");
		}
		// "and is installation free?" after "how much is Fibre 500?" names a thing of its
		// own: the previous question's number and names are not its (ADR 0085)
		String ownProse = (own != null) ? prose(own).strip() : "";
		String specific = (!ownProse.isEmpty() && question.strip().endsWith(ownProse) && ownsItsThing(own)) ? ownProse
				: question;
		for (String number : this.entryMode ? modelNumbers(specific) : numbers(specific)) {
			if (!numbers(context).contains(number)) {
				return new Verdict(false, coverage, "a number of the question is not in the passage");
			}
		}
		Set<String> owned = YOUR_OWN.matcher(context).find() ? ownedNames(specific) : Set.of();
		for (String name : names(specific)) {
			if (!present.contains(name) && !common.contains(name) && !owned.contains(name)) {
				return new Verdict(false, coverage, NAME_MISSING);
			}
		}
		if (this.entryMode && ANY_TIME.matcher(prose(own)).find()
				&& TIME_BOUND.matcher(context.lines().findFirst().orElse("")).find()) {
			// "can I cancel it anytime?": the cooling-off entry ("Can I cancel within 14
			// days of ordering?") answers a time the customer never named, and its "Yes."
			// would say they may cancel whenever they like (ADR 0078)
			return new Verdict(false, coverage, "the entry is narrowed to a time the question does not name");
		}
		if (this.entryMode) {
			// "is there a fee to change my bill date?": the entry on changing it, which
			// never says whether it costs anything, does not answer it (ADR 0076; a
			// document span is held to it when it would be given, not when chosen)
			// the entry's question, and phrasings of it that name the thing, say what it
			// is about (ADR 0083)
			String around = AskedRelation.entryAround(kind, AskedRelation.around(context, span));
			if (!notOffered && !AskedRelation.statedIn(question, kind, around, span)) {
				return new Verdict(false, coverage, AskedRelation.missing(kind));
			}
			if (PRICE_ASKED.matcher(kind).find() && !AMOUNT.matcher(span).find()) {
				return new Verdict(false, coverage, "a price is asked for and the entry's answer has none");
			}
			if (!eventsUnsaid(prose(own), context).isEmpty()) {
				// "I never received my router": the Hub lights entry is about the
				// router, not about one that did not arrive (ADR 0063)
				return new Verdict(false, coverage, "the question reports an event the entry never names");
			}
			return new Verdict(true, coverage, "");
		}
		if (HOW_MUCH.matcher(kind).find() && !AMOUNT.matcher(span).find()) {
			return new Verdict(false, coverage, "an amount is asked for and the passage has none");
		}
		if (HOW_LONG.matcher(kind).find() && !DURATION.matcher(span).find()) {
			return new Verdict(false, coverage, "a time is asked for and the passage has none");
		}
		if (WHICH_NUMBER.matcher(kind).find() && !DIGITS.matcher(span).find()) {
			return new Verdict(false, coverage, "a number is asked for and the passage has none");
		}
		return new Verdict(true, coverage, "");
	}

	/**
	 * Whether a follow-up names the thing it asks about in words of its own and points
	 * back at nothing: "and is installation free?" after "how much is Fibre 500?" asks
	 * about installation, not about Fibre 500's, so a text need not hold the previous
	 * question's numbers and names to answer it. One that points back with a pronoun
	 * ("does it come with a Hub?", "is a Mesh Pod included with that?") or names no thing
	 * ("what about the 900 one?") asks of what was said before, and carries its specifics
	 * (ADR 0085). Its topic words are still read with the previous question.
	 * @param own the customer's own words
	 */
	static boolean ownsItsThing(String own) {
		if (own == null || ReferredSubject.mentionsPronoun(own)) {
			return false;
		}
		return !AskedRelation.chargedFor(own).isEmpty() || AskedThing.of(own) != null;
	}

	/**
	 * What a text must hold to state each kind of fact the question asks, as
	 * {@link #judge} requires of a span: an amount for "how much", a time for "how long"
	 * and "when", digits for "which number"; empty when it asks none of them.
	 * @param question the customer's own words
	 */
	static List<Pattern> factsAsked(String question) {
		String kind = prose(question);
		List<Pattern> facts = new ArrayList<>(3);
		if (HOW_MUCH.matcher(kind).find()) {
			facts.add(AMOUNT);
		}
		if (HOW_LONG.matcher(kind).find()) {
			facts.add(DURATION);
		}
		if (WHICH_NUMBER.matcher(kind).find()) {
			facts.add(DIGITS);
		}
		return List.copyOf(facts);
	}

	private static boolean asksAKind(String question) {
		return asksWhetherOffered(question) || PRICE_ASKED.matcher(question).find() || asksForAFact(question);
	}

	/**
	 * Whether the question asks for one kind of fact: an amount ("how much"), a time
	 * ("how long", "when") or a number to call.
	 */
	static boolean asksForAFact(String question) {
		return HOW_MUCH.matcher(question).find() || HOW_LONG.matcher(question).find()
				|| WHICH_NUMBER.matcher(question).find();
	}

	/**
	 * Whether the question asks if something is offered at all ("do you offer a student
	 * discount?", "is there a student discount?"; not "gibt es ...?", see
	 * {@link #WHETHER_OFFERED} and {@link #DEAL_ASKED}): only a text that names
	 * everything it asks about answers it, whether an FAQ entry or a document span.
	 */
	static boolean asksWhetherOffered(String question) {
		if (DEAL_ASKED.matcher(question).find()) {
			return true;
		}
		Matcher matcher = WHETHER_OFFERED.matcher(question);
		while (matcher.find()) {
			if (!"do".equalsIgnoreCase(matcher.group("verb")) || matcher.group("wh") == null) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the text says, in a sentence of its own, that the company does not have,
	 * offer, provide or sell one of the topic words ("We don't have shops."): that
	 * answers whether it is offered however the question qualifies it ("a shop in the
	 * city centre"). Not a condition ("If we can't provide fibre at your new address,
	 * ...").
	 */
	static boolean statesNotOffered(Set<String> topic, String text) {
		Matcher matcher = NOT_OFFERED.matcher(text);
		while (matcher.find()) {
			Set<String> named = ContentWords.setOf(matcher.group(1));
			if (topic.stream().anyMatch(named::contains)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The events a statement reports that the text never names: the words in the past
	 * tense of a problem stated in the customer's own words ("I never received my
	 * router", "the engineer damaged my wall") whose stem starts no content word of the
	 * text and is not started by one; not of a question (a question mark, or a clause
	 * opened by a question word or an auxiliary: "my dad passed away, do we have to pay a
	 * fee?", "can my bills be sent in a format I can read?"), whose words the router
	 * judged, and whose adjectives in "-ed" ("partially sighted", "the automated payment
	 * line") are no events. The router matches the words around the event (the router,
	 * the installation, compensation) to an entry on that object; an entry that never
	 * names what happened does not answer, so the documents may, or the question is
	 * handed over. Empty when the text names every such event ("my hub light flashed
	 * red": "flashing") and for what the customer did about it ("I tried restarting it").
	 * @param question the customer's words
	 * @param text the entry's question, phrasings and answer
	 */
	static Set<String> eventsUnsaid(String question, String text) {
		if (question.contains("?") || ASKS.matcher(question.strip()).find()) {
			return Set.of();
		}
		Set<String> present = ContentWords.setOf(text);
		Set<String> unsaid = new LinkedHashSet<>();
		Matcher past = PAST.matcher(question);
		while (past.find()) {
			String word = past.group().toLowerCase(Locale.ROOT);
			String stem = ContentWords.stem(word);
			if (ContentWords.of(word).isEmpty() || ATTEMPTS.contains(stem)) {
				continue;
			}
			if (present.stream().noneMatch((w) -> w.startsWith(stem) || stem.startsWith(w) && w.length() >= 3)) {
				unsaid.add(stem);
			}
		}
		return unsaid;
	}

	/** The question without what a customer pastes but does not ask about. */
	static String prose(String question) {
		return NOT_PROSE.matcher(question).replaceAll(" ");
	}

	/** The question's content words that name its topic, not the kind of fact asked. */
	static Set<String> topicWords(String question) {
		String prose = prose(question);
		Set<String> words = new LinkedHashSet<>(ContentWords.of(prose));
		boolean ownNumber = OWN_NUMBER.matcher(prose).find();
		words.removeAll(KIND_WORDS);
		if (ownNumber) {
			// "my landline number" names a thing the customer has; "what number do I
			// call" asks for digits
			words.add("number");
		}
		return words;
	}

	/**
	 * The names a question mentions, as content words: a word with a capital letter that
	 * does not start a sentence ("Netflix", "Portugal"), or with a capital after its
	 * first letter ("iPhone", "eSIM"). Words in capitals only ("TV", "EU", "PIN") are
	 * abbreviations of the topic, not names; a German question has none (its nouns are
	 * capitalised).
	 */
	static Set<String> names(String asked) {
		String question = prose(asked);
		Set<String> names = new LinkedHashSet<>();
		Matcher words = WORD.matcher(question);
		boolean sentenceStart = true;
		int end = 0;
		List<String> found = new java.util.ArrayList<>();
		while (words.find()) {
			String between = question.substring(end, words.start());
			sentenceStart = sentenceStart || between.matches("(?s).*[.!?:;\n\"“(].*");
			String word = words.group();
			if (GERMAN.contains(word.toLowerCase(Locale.ROOT))) {
				return Set.of();
			}
			if (word.startsWith("I'") || word.startsWith("I’")) {
				// I'm, I'll, I've
				sentenceStart = false;
				end = words.end();
				continue;
			}
			if (CALENDAR.contains(word.toLowerCase(Locale.ROOT))) {
				sentenceStart = false;
				end = words.end();
				continue;
			}
			boolean allCaps = word.equals(word.toUpperCase(Locale.ROOT));
			boolean innerCapital = !word.substring(1).equals(word.substring(1).toLowerCase(Locale.ROOT));
			boolean capital = Character.isUpperCase(word.charAt(0));
			if (!allCaps && (innerCapital || (capital && !sentenceStart))) {
				found.add(word);
			}
			sentenceStart = false;
			end = words.end();
		}
		for (String word : found) {
			names.addAll(ContentWords.of(word));
		}
		return names;
	}

	/**
	 * The names ({@link #names}) the question says are the customer's own: after "my" or
	 * "our" ("my Fritzbox"), or before "I own", "I have", "I bought" ("the Fritzbox I
	 * already own"). A text that speaks of "your own" thing of a kind ("if you use your
	 * own router") speaks of it whatever its make, so it need not name the make (ADR
	 * 0078); a text that does not is still not about the thing the customer names.
	 */
	static Set<String> ownedNames(String asked) {
		String question = prose(asked);
		Set<String> names = names(question);
		if (names.isEmpty()) {
			return Set.of();
		}
		Set<String> owned = new LinkedHashSet<>();
		for (Pattern form : OWNED) {
			Matcher matcher = form.matcher(question);
			while (matcher.find()) {
				for (String stem : ContentWords.of(matcher.group("words"))) {
					if (names.contains(stem)) {
						owned.add(stem);
					}
				}
			}
		}
		return owned;
	}

	/** The numbers that follow a capitalised word ("Fibre 5000", "iPhone 16"). */
	static List<String> modelNumbers(String question) {
		List<String> numbers = new java.util.ArrayList<>();
		Matcher matcher = MODEL_NUMBER.matcher(question);
		while (matcher.find()) {
			numbers.add(matcher.group(1).replace(',', '.'));
		}
		return numbers;
	}

	/**
	 * The numbers a text states, as written without their unit or currency ("9,99" as
	 * "9.99").
	 */
	static List<String> numbers(String text) {
		List<String> numbers = new java.util.ArrayList<>();
		Matcher matcher = NUMBER.matcher(text.toLowerCase(Locale.ROOT));
		while (matcher.find()) {
			numbers.add(matcher.group().replace(',', '.'));
		}
		return numbers;
	}

}
