package dev.hearth.assistant;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.hearth.knowledge.FaqEntry;
import dev.hearth.knowledge.Vectors;

/**
 * Decides between an FAQ entry that matched and the documents by comparable evidence (ADR
 * 0019): the router's confidence says the entry is about the question's topic, not that
 * its answer says what was asked, and it is on another scale than a passage's similarity.
 * So both candidate answers are measured the same way: the cosine similarity of the
 * question's embedding to the text the customer would be shown, the entry's answer and
 * the document span (its section heading and the span the extractive composer chose,
 * which has passed the answerability check). The documents win when their span is at
 * least {@link #MARGIN} closer to the question: "Charged twice" then gets the refund
 * page's "You paid twice or paid too much" instead of the first-bill entry whose examples
 * mention a charge, and "How many shows can the TV box record at the same time?" the TV
 * Box section instead of the extra-box entry. The entry keeps every tie, because it was
 * written as an answer and the FAQ is curated. Both texts come from the knowledge base,
 * so the embedding function should keep their vectors ({@link KnowledgeTextEmbeddings}).
 * Thread-safe when the embedding function is.
 */
final class AnswerEvidence {

	/**
	 * How much closer to the question a document span must be than the entry's answer.
	 */
	static final double MARGIN = 0.15;

	/**
	 * How much closer the span must be when its section names what the question asks and
	 * the entry does not.
	 */
	static final double NAMED_MARGIN = 0.05;

	/**
	 * How much closer the span must be when it covers every topic word of the question
	 * and the entry does not ({@link Coverage}): it may be a little farther, and the
	 * least similarity does not apply, since the words show it is about what was asked.
	 */
	static final double WHOLE_QUESTION_MARGIN = -0.05;

	/**
	 * How close the question must be to an entry's own question, or to one of the
	 * phrasings the company gave for it, to be that question put another way ("how do I
	 * make a complaint" and "How do I make a complaint?"; "what if I'm not home when the
	 * engineer comes" and the phrasing "what happens if im not home when the engineer
	 * comes"): the entry was written for it, and a document section whose heading
	 * restates it (with the company's introduction below) does not answer it better.
	 */
	static final double OWN_QUESTION = 0.9;

	private static final Logger log = LoggerFactory.getLogger(AnswerEvidence.class);

	private final Function<String, float[]> embeddings;

	private final double margin;

	private final double minSimilarity;

	/**
	 * @param embeddings embeds a text with the knowledge base's model (the model the
	 * question was embedded with)
	 * @param margin how much closer the document span must be
	 */
	AnswerEvidence(Function<String, float[]> embeddings, double margin) {
		this(embeddings, margin, 0);
	}

	/**
	 * @param embeddings embeds a text with the knowledge base's model
	 * @param margin how much closer the document span must be
	 * @param minSimilarity the least similarity of the span itself to the question (the
	 * passage it is taken from may be less similar as a whole: a long section whose
	 * heading and steps answer)
	 */
	AnswerEvidence(Function<String, float[]> embeddings, double margin, double minSimilarity) {
		this.embeddings = embeddings;
		this.margin = margin;
		this.minSimilarity = minSimilarity;
	}

	/**
	 * Whether the question is the entry's own question or one of its phrasings, put
	 * another way ({@link #OWN_QUESTION}).
	 */
	private boolean isOwnQuestion(float[] question, FaqEntry entry) {
		for (String phrasing : entry.phrasings()) {
			if (Vectors.cosine(question, this.embeddings.apply(phrasing)) >= OWN_QUESTION) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The two measurements.
	 *
	 * @param entry similarity of the question to the entry's answer
	 * @param document similarity of the question to the document span
	 */
	record Comparison(double entry, double document) {

	}

	/**
	 * Whether the document span answers the question better than the entry, by
	 * {@link #NAMED_MARGIN} when its section is named by a word of the question that the
	 * entry's question and phrasings never use ({@link #sectionNamesWhatEntryDoesNot}),
	 * and then without the least similarity when the entry's answer never uses it either
	 * ({@link #sectionNamesWhatEntryNeverSays}), else by {@link #MARGIN}; by
	 * {@link #WHOLE_QUESTION_MARGIN} alone when the span covers the whole question and
	 * the entry does not ({@link Coverage}, ADR 0049: the sub-section that matches the
	 * question beats the general entry) or when it names the kind of thing the question
	 * names and the entry another kind ({@link OtherKinds}: "landline number" against
	 * "mobile number") or its table has a column the question names and the entry never
	 * says ({@link TableColumns}: "Upload"); by {@link #NAMED_MARGIN} too when its
	 * section is about the thing itself and the entry about something done with it
	 * ({@link ThingItself}: "what is an eSIM?" against "How do I get and set up an
	 * eSIM?"); never when its passage does not name what the entry's own question and the
	 * question both name ({@link #offTheEntrysSubject}), nor when its section heads the
	 * other way from a direction the question names and the entry takes
	 * ({@link #headsTheOtherWay}); and, after those that let the span through, never when
	 * the question asks how or where to do something and the entry states the way while
	 * the span states none ({@link AskedWay}, ADR 0080).
	 * @param asked the question's words
	 * @param question the question's embedding
	 * @param entry the FAQ entry the router chose
	 * @param span the document span that passed the answerability check, or {@code null}
	 */
	boolean documentsWin(String asked, float[] question, FaqEntry entry, ExtractiveAnswers.Span span) {
		return documentsWin(asked, asked, question, entry, span);
	}

	/**
	 * As {@link #documentsWin(String, float[], FaqEntry, ExtractiveAnswers.Span)}, and by
	 * {@link #WHOLE_QUESTION_MARGIN} too when the span states the fact the customer's own
	 * words ask of a topic word that the entry never says ({@link UnsaidFacts}: "Kids: €5
	 * per month" against the extra-box entry for "how much extra is it for the kids
	 * channels").
	 * @param asked the question's words
	 * @param own the customer's own words (the kind of fact they ask)
	 * @param question the question's embedding
	 * @param entry the FAQ entry the router chose
	 * @param span the document span that passed the answerability check, or {@code null}
	 */
	boolean documentsWin(String asked, String own, float[] question, FaqEntry entry, ExtractiveAnswers.Span span) {
		if (span == null || question == null || question.length == 0) {
			return false;
		}
		if (isOwnQuestion(question, entry)) {
			log.debug("the question is entry {}'s own question or phrasing", entry.id());
			return false;
		}
		Comparison comparison = compare(question, entry, span);
		if (log.isDebugEnabled()) {
			log.debug("entry {} {} against span {} {}", entry.id(),
					String.format(Locale.ROOT, "%.3f", comparison.entry()), span.heading(),
					String.format(Locale.ROOT, "%.3f", comparison.document()));
		}
		if (headsTheOtherWay(asked, entry, span)) {
			log.debug("span {} heads the other way from entry {} and the question", span.heading(), entry.id());
			return false;
		}
		if (sharesOnlyTheQualifyingClause(asked, entry, span)) {
			// "can I change my plan before the contract ends": the entry on leaving
			// before
			// the contract ends shares only the clause that says when (MainClause)
			log.debug("entry {} shares only the question's qualifying clause, span {} names its main clause",
					entry.id(), span.heading());
			return comparison.document() >= comparison.entry() + WHOLE_QUESTION_MARGIN;
		}
		if (Coverage.compare(asked, entry, span) > 0) {
			log.debug("span {} covers the whole question, entry {} does not", span.heading(), entry.id());
			return comparison.document() >= comparison.entry() + WHOLE_QUESTION_MARGIN;
		}
		Optional<String> kind = OtherKinds.namedBySpanNotEntry(asked, entry, span);
		if (kind.isPresent()) {
			// "can I keep my landline number": the entry is about mobile numbers and
			// never
			// says "landline", the span names landline numbers
			log.debug("span {} names the kind of thing asked ({}), entry {} another kind", span.heading(), kind.get(),
					entry.id());
			return comparison.document() >= comparison.entry() + WHOLE_QUESTION_MARGIN;
		}
		Optional<String> column = TableColumns.namedOnlyBySpan(asked, entry, span);
		if (column.isPresent()) {
			// "what's the upload speed on the fastest plan": the plans' table has an
			// "Upload" column, the speed entry gives only download speeds (ADR 0086)
			log.debug("span {} has the column asked ({}), which entry {} never says", span.heading(), column.get(),
					entry.id());
			return comparison.document() >= comparison.entry() + WHOLE_QUESTION_MARGIN;
		}
		Optional<String> fact = UnsaidFacts.statedOnlyBySpan(asked, own, entry, span);
		if (fact.isPresent()) {
			// "how much extra is it for the kids channels": the add-ons span states
			// amounts of channels, which the extra-box entry never names
			log.debug("span {} states the fact asked of {}, which entry {} never says", span.heading(), fact.get(),
					entry.id());
			return comparison.document() >= comparison.entry() + WHOLE_QUESTION_MARGIN;
		}
		if (AskedWay.onlyInAnswer(asked, own, entry.answer(), span.shown()) && !procedureAsked(asked, span)) {
			// "how do I change my bank details for the direct debit?": the span says when
			// a change takes effect, the entry where to make it (ADR 0080); a span that
			// names the kind of thing asked, or the whole question, where the entry does
			// not was let through above: the entry's way is then a way to do something
			// else ("where do I find my account number?" against keeping a mobile number)
			log.debug("entry {} states the way asked, span {} states none", entry.id(), span.heading());
			return false;
		}
		if (offTheEntrysSubject(asked, entry, span)) {
			log.debug("span {} never names what entry {} and the question are about", span.heading(), entry.id());
			return false;
		}
		// a heading that names what the entry never says shows the section is about what
		// was asked: its span need not reach the least similarity
		boolean unsaid = sectionNamesWhatEntryNeverSays(asked, entry, span);
		// a section about the thing itself against an entry about something done with it
		// ("what is an eSIM?": "eSIM" against "How do I get and set up an eSIM?")
		boolean thing = ThingItself.sectionIsTheThing(asked, entry, span);
		if (thing) {
			log.debug("span {} is about the thing asked, entry {} about something done with it", span.heading(),
					entry.id());
		}
		// a row the question picks by its label under a column it names states the fact
		// asked, where the entry may only mention the same words (ADR 0086)
		boolean cell = TableColumns.statesCellAsked(asked, span);
		if (cell) {
			log.debug("span {} is the row and column the question names", span.heading());
		}
		double margin = (unsaid || thing || cell || sectionNamesWhatEntryDoesNot(asked, entry, span)) ? NAMED_MARGIN
				: this.margin;
		return comparison.document() >= Math.max(unsaid ? 0 : this.minSimilarity, comparison.entry() + margin);
	}

	/**
	 * Whether the span's section heading names the opposite of a direction that the
	 * question names and the entry's phrasings take ({@link DirectionCues}): "how do I
	 * move my number away from you" is answered by the entry for leaving, not by the
	 * section "Bringing your number to Northwind", however close its words are.
	 */
	static boolean headsTheOtherWay(String asked, FaqEntry entry, ExtractiveAnswers.Span span) {
		if (asked == null || span.heading() == null) {
			return false;
		}
		for (DirectionCues.Axis axis : DirectionCues.AXES) {
			DirectionCues.Side side = DirectionCues.ofQuestion(axis, asked);
			if (side != DirectionCues.Side.NONE && DirectionCues.ofEntry(axis, entry) == side
					&& DirectionCues.ofQuestion(axis, span.heading()) == side.opposite()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the span's section is the procedure the question asks for: a sub-section of
	 * its page whose own heading names every topic word of the question ("3. Restart your
	 * Hub" for "how do I restart my Hub?"). Its steps may name no menu, address or
	 * number, so an entry's incidental way does not beat it (ADR 0080, amended). A page's
	 * opening section, under its title, introduces the page ("Moving home? … Here's how
	 * it works.").
	 */
	private static boolean procedureAsked(String asked, ExtractiveAnswers.Span span) {
		return span.passage().hit().sectionPath().contains(" > ")
				&& TopicWords.shareAll(Answerability.topicWords(asked), span.heading());
	}

	/**
	 * Whether the entry is about the clause that qualifies the question, not about what
	 * it asks: the question has a clause of time or condition ({@link MainClause}), its
	 * main clause has topic words, the entry's question and phrasings name none of them,
	 * and the span's passage (page title, section path, text) names them all ("can I
	 * change my plan before the contract ends" against "How much does it cost to leave
	 * before my contract ends?" and the plans' "Upgrading and downgrading").
	 */
	static boolean sharesOnlyTheQualifyingClause(String asked, FaqEntry entry, ExtractiveAnswers.Span span) {
		if (asked == null) {
			return false;
		}
		String main = MainClause.of(asked);
		if (main.equals(asked.strip())) {
			return false;
		}
		Set<String> topic = Answerability.topicWords(main);
		if (topic.size() < 2) {
			// "what happens if I pay my bill late": a main clause of one word asks what
			// kind of answer is wanted, its clause says what about
			return false;
		}
		Set<String> phrasings = ContentWords.setOf(FaqRouting.phrasings(entry));
		if (topic.stream().anyMatch(phrasings::contains)) {
			return false;
		}
		Set<String> clause = new LinkedHashSet<>(Answerability.topicWords(asked));
		clause.removeAll(topic);
		Set<String> entryQuestion = ContentWords.setOf(entry.question());
		if (clause.stream().noneMatch(entryQuestion::contains)) {
			return false;
		}
		Set<String> passage = ContentWords.setOf(span.passageContext());
		return passage.containsAll(topic);
	}

	/**
	 * Whether the span's passage (its page title, section path and whole text) never
	 * names a topic word of the question that the entry's own question names: the entry
	 * is about what was asked ("can I change my installation date?" and "How do I change
	 * my installation appointment?") and the span about something else that shares the
	 * other words ("Changing your bill date").
	 */
	static boolean offTheEntrysSubject(String asked, FaqEntry entry, ExtractiveAnswers.Span span) {
		if (asked == null) {
			return false;
		}
		Set<String> entryQuestion = ContentWords.setOf(entry.question());
		Set<String> passage = ContentWords.setOf(span.passageContext());
		for (String word : Answerability.topicWords(asked)) {
			if (entryQuestion.contains(word) && !passage.contains(word)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Which text covers the whole question: 1 when the span (its words, section path and
	 * page title) covers every topic word of the question and the entry (its question,
	 * phrasings and answer) does not, -1 when the entry does and the span does not, 0
	 * otherwise. A negated auxiliary ("didnt", "doesn't", "won't") is how a customer says
	 * what went wrong, not what it is about, and is no topic word here; a cross-reference
	 * in brackets ("(see Accessibility services)") covers nothing.
	 */
	static final class Coverage {

		private static final Pattern NEGATED = Pattern
			.compile("(?:do|does|did|is|are|was|were|has|have|had|ca|can|could|should|would|wo|must|need)n['’]?t");

		/**
		 * Whether a word of the question says that something did not happen rather than
		 * what it is about: a negated auxiliary ("didnt", "doesn't") or "never" ("the
		 * engineer never turns up"), which the page says in its own words ("doesn't turn
		 * up").
		 */
		static boolean saysWhatWentWrong(String word) {
			return NEGATED.matcher(word).matches() || "never".equals(word);
		}

		static int compare(String asked, FaqEntry entry, ExtractiveAnswers.Span span) {
			if (asked == null) {
				return 0;
			}
			Set<String> topic = new LinkedHashSet<>(Answerability.topicWords(asked));
			topic.removeIf(Coverage::saysWhatWentWrong);
			if (topic.isEmpty()) {
				return 0;
			}
			boolean bySpan = ContentWords.setOf(ExtractiveAnswers.withoutReferences(span.context())).containsAll(topic);
			boolean byEntry = ContentWords.setOf(FaqRouting.phrasings(entry) + "\n" + entry.answer())
				.containsAll(topic);
			return (bySpan == byEntry) ? 0 : bySpan ? 1 : -1;
		}

	}

	/**
	 * Whether the span's section heading names a topic word of the question that neither
	 * the entry's question nor its phrasings use: the router matched the entry on the
	 * question's other words (the object both are about), while the section is about what
	 * the question asks of it. "how do I reset my router" matches the Wi-Fi password
	 * entry on "how do I ... my router" (its phrasing "how do i log into my router
	 * settings"), and the section "Reset the Hub to factory settings" names the reset.
	 */
	static boolean sectionNamesWhatEntryDoesNot(String asked, FaqEntry entry, ExtractiveAnswers.Span span) {
		Set<String> heading = ContentWords.setOf(span.heading());
		if (asked == null || heading.isEmpty()) {
			return false;
		}
		StringBuilder about = new StringBuilder(entry.question());
		for (String example : entry.examples()) {
			about.append('\n').append(example);
		}
		Set<String> entryWords = ContentWords.setOf(about.toString());
		for (String word : Answerability.topicWords(asked)) {
			if (heading.contains(word) && !entryWords.contains(word)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the span's section heading names a topic word of the question that the
	 * entry's question, phrasings and answer never say: the entry is about the thing the
	 * question asks of ("what equipment do I have to return when I leave" and the entry
	 * on moving house, which names the equipment to take), the section about the detail
	 * asked ("Returning your equipment"). ADR 0053.
	 */
	static boolean sectionNamesWhatEntryNeverSays(String asked, FaqEntry entry, ExtractiveAnswers.Span span) {
		Set<String> heading = ContentWords.setOf(span.heading());
		if (asked == null || heading.isEmpty()) {
			return false;
		}
		Set<String> entryWords = ContentWords.setOf(FaqRouting.phrasings(entry) + "\n" + entry.answer());
		for (String word : Answerability.topicWords(asked)) {
			if (heading.contains(word) && !entryWords.contains(word)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the document span answers the question better than the entry.
	 * @param question the question's embedding
	 * @param entry the FAQ entry the router chose
	 * @param span the document span that passed the answerability check, or {@code null}
	 * when the documents do not answer
	 */
	boolean documentsWin(float[] question, FaqEntry entry, ExtractiveAnswers.Span span) {
		if (span == null || question == null || question.length == 0) {
			return false;
		}
		Comparison comparison = compare(question, entry, span);
		return comparison.document() >= comparison.entry() + this.margin;
	}

	Comparison compare(float[] question, FaqEntry entry, ExtractiveAnswers.Span span) {
		double toEntry = Vectors.cosine(question, this.embeddings.apply(entry.answer()));
		double toDocument = Vectors.cosine(question, this.embeddings.apply(span.shown()));
		return new Comparison(toEntry, toDocument);
	}

}
