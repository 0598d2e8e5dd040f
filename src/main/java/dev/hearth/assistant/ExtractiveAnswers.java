package dev.hearth.assistant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.hearth.knowledge.Sentences;

/**
 * Composes an answer from the passages themselves, with no language model: the best
 * contiguous span of <em>one</em> section, never sentences stitched from several
 * documents. A passage (one section, or part of a long one) is cut into units: a
 * sentence, a list item, or a whole table (its rows are never split). The span is the
 * window of up to {@code maxUnits} units with the best linear score over its features
 * ({@link SpanWindows}: topic words covered, plain and by rarity, in the span, around it
 * and in its section heading, so that the sub-section that matches the question beats the
 * general one; the passage's ranks and similarity; the conversation; the kind of fact
 * asked), with {@link #WEIGHTS} (the hand weights with the passage's similarity weighing
 * more, ADR 0041; the weights fitted on doc2dial are measured but not in use, ADR 0031);
 * a span below {@link #MIN_SCORE} does not answer. Within the section so chosen, a
 * question for a length of time gets the span that states one ({@link FactSpans}). A span
 * never starts mid-thought: a first sentence that leans on the one before ("Or call...",
 * "This means...") takes that one along, and a span that ends with a list's lead-in
 * ("...apply:") takes the list along, and one that ends with a question (a page of
 * questions and answers) takes the sentence that replies to it. Units the previous answer
 * already said are not repeated. The text is the section heading in bold, the span, and
 * one citation. Thread-safe: stateless.
 */
final class ExtractiveAnswers {

	private static final Logger log = LoggerFactory.getLogger(ExtractiveAnswers.class);

	private static final Pattern LEANS_ON_PREVIOUS = Pattern.compile(
			"^(or|and|but|also|however|otherwise|then|so|this|that|these|those|it|they|there|such|if not|oder|und|aber|dann|das|dies|diese)\\b.*",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	/**
	 * A sentence that only sends the reader elsewhere ("See Your bill and invoices for
	 * what happens if a bill stays unpaid.", "For prices, see the price guide.") or only
	 * says what its page is about ("This page explains how long your contract lasts, how
	 * to cancel, and what it costs to leave early."): it echoes the question's words and
	 * answers nothing.
	 */
	private static final Pattern REFERS_ELSEWHERE = Pattern
		.compile("^(?:(?:see|siehe|refer to)\\b|(?:for|für)\\b[^.:;]{0,80}?\\b(?:see|siehe)\\b"
				+ "|(?:this|the following) (?:page|guide|article|section|leaflet|document|overview)"
				+ " (?:explains|describes|covers|summari[sz]es|sets out|lists|shows|tells you|is about)\\b"
				+ "|(?:on|in) this (?:page|guide|article|section)\\b[^.:;]{0,40}?\\b(?:you(?:'ll| will)? find|we explain)\\b"
				+ "|(?:diese|die folgende) (?:seite|anleitung|übersicht) (?:erklärt|beschreibt|fasst|zeigt)\\b"
				+ "|auf dieser seite (?:finden sie|erklären wir)\\b).*",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);

	/**
	 * What a reference names: "See *Number porting* for how it works." gives "Number
	 * porting".
	 */
	private static final Pattern REFERENCE_TARGET = Pattern.compile(
			"^(?:see|siehe|refer to)\\s+(.+?)(?:\\s+(?:for|für|to find|on how)\\b.*|[.:;]?\\s*)$",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);

	/** A cross-reference in brackets: "(see Accessibility services)", "(siehe unten)". */
	private static final Pattern REFERENCE = Pattern.compile("\\(\\s*(?:see|siehe|refer to)\\b[^)]*\\)",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	/**
	 * The span score's weights, in {@link SpanWindows#NAMES} order: the hand weights
	 * before ADR 0031 (two thirds topic-word coverage around the span, one third in it,
	 * 0.2 the passage's similarity, 0.01 less per unit).
	 */
	static final double[] HAND_WEIGHTS = { 2.0 / 3, 1.0 / 3, 0, 0, 0, 0.2, 0, 0, 0, 0, 0, 0, -0.01, 0, 0 };

	/**
	 * The weights fitted on doc2dial's development split ({@code SpanChoiceFit}, ADR
	 * 0031): a conditional logit over the windows of the passages offered, L2 0.001. Not
	 * in use yet (ADR 0031): with {@link #FITTED_MIN_SCORE} they cost the sample's
	 * development set right answers and escalate a one-document knowledge base's answer.
	 */
	static final double[] FITTED_WEIGHTS = { 2.640, 0.740, 2.103, 0.769, 2.390, 0.115, 1.640, 0.985, 0, 0.421, 0.173,
			0.361, 0.384, 1.216, 0 };

	/**
	 * The least score of a span that answers with {@link #FITTED_WEIGHTS}: on doc2dial's
	 * development split the most answers cited without fewer negatives escalated than
	 * before (ADR 0031).
	 */
	static final double FITTED_MIN_SCORE = 6.5;

	/**
	 * How much more a window weighs in the document the conversation is in (the one whose
	 * passage holds the previous answer, {@link DocumentPosition}), times the share of
	 * the question's topic words the window says itself (ADR 0092). On doc2dial's
	 * training split ({@code SpanReplay}) a customer's next question is answered in that
	 * document about three times as often as in another offered one, most often in the
	 * previous answer's own passage, and no more often just after it than just before;
	 * 0.3, chosen there, cited 2 points more there and escalated as many negatives; on
	 * the reported split one answer more is cited and two negatives more are answered.
	 */
	static final double PREVIOUS_DOCUMENT = 0.3;

	/**
	 * The weights in use: the hand weights with the passage's similarity weighing 1.0
	 * instead of 0.2 (ADR 0041). Sections of one page share the title's words, so
	 * topic-word coverage often ties between them; the passage the retrieval found
	 * closest then decides, rather than the length of the span. A passage of the document
	 * whose passage holds the previous answer weighs {@link #PREVIOUS_DOCUMENT} more (ADR
	 * 0092).
	 */
	static final double[] WEIGHTS = { 2.0 / 3, 1.0 / 3, 0, 0, 0, 1.0, 0, 0, 0, 0, 0, 0, -0.01, 0, 0,
			PREVIOUS_DOCUMENT };

	/**
	 * Fitted weights that would widen the window {@link #WEIGHTS} chose, within its
	 * passage (ADR 0087, measured and <b>not in use</b>: more of doc2dial's gold spans in
	 * the answer's text, but right answers of the Northwind sets lost and more doc2dial
	 * negatives answered). A conditional logit over the windows of the passages offered,
	 * right the gold passage's windows that cover at least half of the gold span
	 * ({@code SpanChoiceFit#crossFit}, L2 0.01), fitted on doc2dial's training and
	 * development rows (735 answerable questions of 261 dialogues, none of a reported
	 * question's dialogue). Within one passage only the window's own features differ:
	 * coverage around and in it, the kind of fact asked, its length, whether it starts a
	 * paragraph and whether it ends off the question's words. Choosing the passage with
	 * them did no better than {@link #WEIGHTS} held out, and answered more negatives.
	 */
	static final double[] WINDOW_WEIGHTS = { 1.2295, 1.2226, 0.9631, 0.8834, 1.0378, 0.2706, 1.2216, 0.8899, 0, 0.4207,
			0.1124, 0.2015, 0.8950, 0.8452, -0.2272 };

	/**
	 * The least score of a span that answers, with {@link #WEIGHTS}: none, as for the
	 * hand weights.
	 */
	static final double MIN_SCORE = Double.NEGATIVE_INFINITY;

	private static final int UNIT_SIMILARITY = SpanWindows.NAMES.indexOf("unitSimilarity");

	private static final int MAX_LIST_ITEMS = 8;

	/** The most units of a section given whole when the question asks for it. */
	static final int SHORT_SECTION_UNITS = 8;

	/** The most characters of a section given whole when the question asks for it. */
	static final int SHORT_SECTION_CHARS = 700;

	private ExtractiveAnswers() {
	}

	/**
	 * @param text the answer, with its citation marker [1]; empty when no passage shares
	 * a word with the question
	 * @param citations the one passage cited
	 * @param span the chosen span with its heading: what answerability is judged on
	 * @param score the span's score ({@link #WEIGHTS}); below {@link #MIN_SCORE} it does
	 * not answer
	 */
	record Composed(String text, List<Citation> citations, Span span, double score) {
	}

	/**
	 * The chosen span of one passage.
	 *
	 * @param passage the passage it comes from
	 * @param heading the section heading, may be empty
	 * @param text the span's text
	 */
	record Span(Passage passage, String heading, String text) {

		/**
		 * Whether its section heading names at least one of the topic words: the author's
		 * own word for what the section is about (ADR 0052).
		 */
		boolean headingNamesAny(Set<String> topic) {
			return TopicWords.shareAny(topic, this.heading);
		}

		/**
		 * Whether its passage is the one BM25 ranks first among the document chunks: the
		 * question's own words point at this section more than at any other (ADR 0066).
		 */
		boolean firstByWords() {
			return this.passage.hit().bm25Rank() == 1;
		}

		/**
		 * The share of the topic words its context (title, section path and span) names;
		 * 1 for none.
		 */
		double covers(Set<String> topic) {
			if (topic.isEmpty()) {
				return 1;
			}
			Set<String> present = ContentWords.setOf(context());
			return (double) topic.stream().filter(present::contains).count() / topic.size();
		}

		/** The words a reader sees around the span: title, section path and the span. */
		String context() {
			return Titles.clean(this.passage.hit().title()) + "\n" + this.passage.hit().sectionPath() + "\n"
					+ this.text;
		}

		/** Its passage as a whole: title, section path and the passage's whole text. */
		String passageContext() {
			return Titles.clean(this.passage.hit().title()) + "\n" + this.passage.hit().sectionPath() + "\n"
					+ this.passage.hit().passage();
		}

		/**
		 * What it states to the customer: the span with its section heading, without the
		 * heading's enumeration; a fact the heading carries ("Movies add-on - €12 per
		 * month") is stated with every span of its section (ADR 0082).
		 */
		String stated() {
			return HeadingFacts.withHeading(this.heading, this.text);
		}

		/**
		 * What the customer is shown of it: the section heading (when there is one) and
		 * the span, without the citation. Its similarity to the question is what gates a
		 * document answer (ADR 0035), not the whole passage's.
		 */
		String shown() {
			return this.heading.isBlank() ? this.text : this.heading + "\n" + this.text;
		}

	}

	/** One sentence, list item or whole table of a passage. */
	record Unit(String text, boolean startsBlock, Set<String> words) {
	}

	static Composed compose(String question, List<Passage> passages, int maxUnits, Locale locale) {
		return compose(question, passages, maxUnits, locale, "");
	}

	static Composed compose(String question, List<Passage> passages, int maxUnits, Locale locale,
			String previousAnswer) {
		return compose(question, null, passages, maxUnits, locale, previousAnswer, null);
	}

	/**
	 * @param question the (self-contained) question
	 * @param vector the question's embedding, or {@code null}
	 * @param passages retrieved passages, best first
	 * @param maxUnits the longest span, in units
	 * @param locale for sentence breaks
	 * @param previousAnswer what the assistant said last, not to be repeated; may be
	 * empty
	 * @param embed the embeddings of knowledge text (cached), or {@code null}
	 */
	static Composed compose(String question, float[] vector, List<Passage> passages, int maxUnits, Locale locale,
			String previousAnswer, Function<String, float[]> embed) {
		return compose(question, vector, passages, maxUnits, locale, previousAnswer, embed, WEIGHTS);
	}

	static Composed compose(String question, float[] vector, List<Passage> passages, int maxUnits, Locale locale,
			String previousAnswer, Function<String, float[]> embed, double[] weights) {
		return compose(question, vector, passages, maxUnits, locale, previousAnswer,
				(weights[UNIT_SIMILARITY] != 0) ? embed : null, (window) -> window.score(weights), null);
	}

	/**
	 * As {@link #compose(String, float[], List, int, Locale, String, Function)}, the span
	 * chosen by another score (measurement tools).
	 * @param embed the embeddings of knowledge text for the unit-similarity feature, or
	 * {@code null} for none
	 * @param scorer a candidate window's score
	 */
	static Composed compose(String question, float[] vector, List<Passage> passages, int maxUnits, Locale locale,
			String previousAnswer, Function<String, float[]> embed, ToDoubleFunction<SpanWindows.Window> scorer) {
		return compose(question, vector, passages, maxUnits, locale, previousAnswer, embed, scorer, null);
	}

	/**
	 * As
	 * {@link #compose(String, float[], List, int, Locale, String, Function, ToDoubleFunction)},
	 * the window then widened within the passage {@code scorer} chose (measurement tools:
	 * {@code SpanReplay}, ADR 0087; not in use).
	 * @param within the score of a window that holds {@code scorer}'s window, within its
	 * passage, or {@code null} to keep {@code scorer}'s window
	 */
	static Composed compose(String question, float[] vector, List<Passage> passages, int maxUnits, Locale locale,
			String previousAnswer, Function<String, float[]> embed, ToDoubleFunction<SpanWindows.Window> scorer,
			ToDoubleFunction<SpanWindows.Window> within) {
		String said = AnswerGrade.normalise(previousAnswer);
		// a follow-up that asks only a kind of fact the previous answer stated ("how long
		// does it take?" after "… ports take up to 10 working days. …") may be told that
		// fact again, on its own, as an FAQ entry's is (RestatedFacts, ADR 0072)
		String again = (previousAnswer == null || previousAnswer.isBlank()) ? ""
				: AnswerGrade.normalise(RestatedFacts.ofRead(FactSpans.own(question), previousAnswer).orElse(""));
		List<List<Unit>> units = new ArrayList<>();
		for (Passage passage : passages) {
			units.add(units(passage.hit().passage(), locale));
		}
		List<SpanWindows.Window> windows = SpanWindows.of(question, vector, passages, units, maxUnits, previousAnswer,
				(unit) -> said(said, unit) && !said(again, unit), embed);
		SpanWindows.Window best = null;
		double bestScore = Double.NEGATIVE_INFINITY;
		// the units of each signpost section, by identity: its windows share the list
		Set<List<Unit>> signposts = Collections.newSetFromMap(new IdentityHashMap<>());
		if (!YesNoQuestions.asks(question, "de".equals(locale.getLanguage()))) {
			for (int p = 0; p < passages.size(); p++) {
				if (signpost(units.get(p), passages.get(p), passages)) {
					signposts.add(units.get(p));
				}
			}
		}
		Predicate<SpanWindows.Window> excluded = (window) -> refersElsewhere(window)
				|| signposts.contains(window.units());
		for (SpanWindows.Window window : windows) {
			if (excluded.test(window)) {
				continue;
			}
			double score = scorer.applyAsDouble(window);
			if (score > bestScore) {
				best = window;
				bestScore = score;
			}
		}
		if (best == null) {
			return new Composed("", List.of(), null, Double.NEGATIVE_INFINITY);
		}
		if (within != null) {
			SpanWindows.Window chosen = best;
			double bestWithin = within.applyAsDouble(best);
			for (SpanWindows.Window window : windows) {
				if (window.passage() == chosen.passage() && window.from() <= chosen.from() && window.to() >= chosen.to()
						&& !excluded.test(window) && within.applyAsDouble(window) > bestWithin) {
					best = window;
					bestWithin = within.applyAsDouble(window);
				}
			}
			if (best != chosen) {
				log.debug("window within {} chosen by the fitted window weights: units {}-{} instead of {}-{}",
						heading(best.passage().hit().sectionPath()), best.from(), best.to(), chosen.from(),
						chosen.to());
			}
		}
		// the section is chosen; the span moves within it (for a charge, also to a
		// close span of another) to the units that state what is asked
		best = moved(best, FactSpans.stating(question, windows, best, excluded, scorer),
				"the length of time asked for");
		best = moved(best,
				FactSpans.stating(PossibilitySpans.asked(question), question, windows, best, excluded, scorer),
				"whether it can be done");
		best = moved(best, FactSpans.statingCharge(question, windows, best, excluded, scorer),
				"whether the thing asked about costs anything");
		best = moved(best, WaySpans.stating(question, windows, best, excluded, scorer), "the way asked");
		bestScore = scorer.applyAsDouble(best);
		if (log.isTraceEnabled()) {
			traceBest(windows, scorer);
		}
		String heading = heading(best.passage().hit().sectionPath());
		int from = best.from();
		if (from > 0 && LEANS_ON_PREVIOUS.matcher(best.units().get(from).text()).matches()
				&& !said(said, best.units().get(from - 1))) {
			from--;
		}
		from = withLeadIn(best.units(), from, said);
		boolean howTo = SpanWindows.asksHowTo(question);
		int to = best.to();
		boolean procedure = howTo && procedureStart(best.units(), from, said) < from;
		if (procedure) {
			// one of a procedure's steps: the procedure, from its introduction through
			// the steps that follow
			from = procedureStart(best.units(), from, said);
			while (to + 1 < best.units().size() && to - from < MAX_LIST_ITEMS && isStep(best.units(), to + 1)
					&& !said(said, best.units().get(to + 1))) {
				to++;
			}
		}
		to = withReply(best.units(), to, said);
		for (int leadIn = to; leadIn >= from; leadIn--) {
			if (best.units().get(leadIn).text().endsWith(":")) {
				// a list's lead-in takes its list along
				while (to + 1 < best.units().size() && best.units().get(to + 1).startsBlock()
						&& to - leadIn < MAX_LIST_ITEMS && !said(said, best.units().get(to + 1))) {
					to++;
				}
				break;
			}
		}
		if (to == best.to() && !procedure && howTo) {
			to = withSteps(best.units(), to, said);
		}
		boolean section = asksForTheSection(question, best.passage().hit().sectionPath(), best.units(), said);
		if (!section && asksForTheSet(question, best.passage().hit().sectionPath(), best.units(), said)
				&& (from > 0 || to < best.units().size() - 1)) {
			log.debug("span widened to its whole section {} for a question that asks for a set", heading);
			section = true;
		}
		if (section) {
			// "what TV packages are there?": the short section headed "TV packages" is
			// the answer, its list of packages with their prices included, not the one
			// sentence that repeats the heading's words
			from = 0;
			to = best.units().size() - 1;
		}
		String span = join(best.units().subList(from, to + 1));
		String text = (heading.isEmpty() ? "" : "**" + heading + "**\n\n") + span + " [1]";
		return new Composed(text, List.of(best.passage().citation(1)), new Span(best.passage(), heading, span),
				bestScore);
	}

	/**
	 * Logs the eight best windows with their scores and features (the trace that says why
	 * a span won).
	 */
	private static void traceBest(List<SpanWindows.Window> windows, ToDoubleFunction<SpanWindows.Window> scorer) {
		List<SpanWindows.Window> ranked = new ArrayList<>(windows);
		ranked.sort(Comparator.comparingDouble((SpanWindows.Window window) -> -scorer.applyAsDouble(window)));
		for (SpanWindows.Window window : ranked.subList(0, Math.min(8, ranked.size()))) {
			log.trace("window {} [{}..{}] {} {}: {}", heading(window.passage().hit().sectionPath()), window.from(),
					window.to(), String.format(Locale.ROOT, "%.3f", scorer.applyAsDouble(window)),
					Arrays.toString(window.features()), window.units().get(window.from()).text());
		}
	}

	/**
	 * The text without its cross-references in brackets: the words of "(see Accessibility
	 * services)" name another page, not what this one says.
	 */
	static String withoutReferences(String text) {
		return REFERENCE.matcher(text).replaceAll(" ");
	}

	/**
	 * The window a span moved to ({@code to}), logged when it is not {@code best}.
	 * @param what what the units moved to state
	 */
	private static SpanWindows.Window moved(SpanWindows.Window best, SpanWindows.Window to, String what) {
		if (to != best && log.isDebugEnabled()) {
			log.debug("span moved from {} to the units of {} that state {}",
					heading(best.passage().hit().sectionPath()), heading(to.passage().hit().sectionPath()), what);
		}
		return to;
	}

	/**
	 * Where a span that starts inside a list must start: at the list's lead-in ("Request
	 * your porting code:", "Your first bill includes:") when its first unit is an item
	 * that continues it in lower case ("in the Northwind app under ...,"), or an item of
	 * the list (a one-sentence block) with only items of the list between it and the
	 * lead-in, so that the answer says what the items are items of and the lead-in then
	 * takes the list along; "why is my bill higher" got "A part-month charge from the day
	 * your service started to your first bill date", the first of three reasons, without
	 * the other two. Else, and when the lead-in or a unit before the span was the
	 * previous answer, where it starts.
	 */
	static int withLeadIn(List<Unit> units, int from, String said) {
		String first = units.get(from).text().strip();
		boolean continues = !first.isEmpty() && Character.isLowerCase(first.codePointAt(0));
		if (!continues && (from == 0 || !isStep(units, from))) {
			return from;
		}
		for (int i = from - 1; i >= 0 && from - i <= MAX_LIST_ITEMS; i--) {
			if (said(said, units.get(i))) {
				return from;
			}
			if (units.get(i).text().strip().endsWith(":")) {
				return i;
			}
			if (!continues && !isStep(units, i)) {
				return from;
			}
		}
		return from;
	}

	/**
	 * Whether a section is a signpost to a page that was found too: one statement and a
	 * reference that leaves the rest to another page ("You can bring your number from
	 * another provider. See *Number porting* for how it works."), that page among the
	 * passages offered. It answers whether one can, not how, what or which: for such
	 * questions the page it points to answers. A signpost to a page not found stays a
	 * candidate (its statement may be all there is).
	 */
	static boolean signpost(List<Unit> units, Passage own, List<Passage> passages) {
		List<String> targets = new ArrayList<>();
		for (Unit unit : units) {
			// a reference of this form also only sends the reader elsewhere
			// (REFERS_ELSEWHERE)
			Matcher reference = REFERENCE_TARGET.matcher(unit.text().strip());
			if (reference.matches()) {
				targets.add(reference.group(1).replace("*", "").strip().toLowerCase(Locale.ROOT));
			}
		}
		if (targets.isEmpty() || units.size() - targets.size() > 1) {
			return false;
		}
		for (Passage passage : passages) {
			if (passage == own) {
				continue;
			}
			String page = (Titles.clean(passage.hit().title()) + "\n" + passage.hit().sectionPath())
				.toLowerCase(Locale.ROOT);
			if (targets.stream().anyMatch((target) -> target.length() >= 3 && page.contains(target))) {
				return true;
			}
		}
		return false;
	}

	/** Whether every unit of the window only sends the reader elsewhere. */
	static boolean refersElsewhere(SpanWindows.Window window) {
		for (int i = window.from(); i <= window.to(); i++) {
			if (!REFERS_ELSEWHERE.matcher(window.units().get(i).text().strip()).matches()) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The best span that holds what the question needs it to: when the best span of all
	 * fails {@code holds} (in use: it lacks a name, a number or the kind of fact asked,
	 * an amount for "is there a fee"), the best span of the passages left, the failed
	 * one's passage left out, and so on; when none holds it, the first (the checks then
	 * decline it as before). Each further try composes again from fewer passages (ADR
	 * 0041).
	 * @param holds whether a composed span holds what the question asks for
	 */
	static Composed composeHolding(String question, float[] vector, List<Passage> passages, int maxUnits, Locale locale,
			String previousAnswer, Function<String, float[]> embed, Predicate<Composed> holds) {
		Composed first = compose(question, vector, passages, maxUnits, locale, previousAnswer, embed);
		Composed composed = first;
		List<Passage> left = new ArrayList<>(passages);
		while (!composed.text().isBlank() && !holds.test(composed)) {
			left.remove(composed.span().passage());
			if (left.isEmpty()) {
				return first;
			}
			composed = compose(question, vector, left, maxUnits, locale, previousAnswer, embed);
		}
		return composed.text().isBlank() ? first : composed;
	}

	/**
	 * Where a span ends whose last unit is a question: one unit on, at the sentence that
	 * replies to it. A question in a text asks, it does not answer (a page written as
	 * questions and answers, "What happens if my licence expires while I am on active
	 * duty?"), yet it shares the most words with a customer's question and so ends the
	 * best span; what answers it is the sentence after it. Unchanged when that sentence
	 * is itself a question or was the previous answer.
	 */
	static int withReply(List<Unit> units, int to, String said) {
		if (to + 1 >= units.size() || !asks(units.get(to)) || asks(units.get(to + 1))
				|| said(said, units.get(to + 1))) {
			return to;
		}
		return to + 1;
	}

	/** Whether a unit is a question: it ends with a question mark. */
	private static boolean asks(Unit unit) {
		return unit.text().strip().endsWith("?");
	}

	/**
	 * Where a span that answers "how do I..." ends when the steps follow it: the rest of
	 * its paragraph, then the one-sentence blocks after it (list items), at most
	 * {@value #MAX_LIST_ITEMS}; a paragraph of several sentences ends the steps. Without
	 * such steps the span ends where it did: a procedure's one-line introduction ("If
	 * nothing else works, reset the Hub.") is no answer to how it is done.
	 */
	private static int withSteps(List<Unit> units, int to, String said) {
		int end = to;
		while (end + 1 < units.size() && !units.get(end + 1).startsBlock()) {
			end++;
		}
		int steps = 0;
		while (end + 1 < units.size() && steps < MAX_LIST_ITEMS && units.get(end + 1).startsBlock()
				&& (end + 2 >= units.size() || units.get(end + 2).startsBlock()) && !said(said, units.get(end + 1))) {
			end++;
			steps++;
		}
		return (steps >= 2) ? end : to;
	}

	/**
	 * Whether the question asks for what a short section is about: every topic word of
	 * the question ({@link TopicWords}) is in the section's path and one of them in its
	 * own heading, it does not ask for one fact ("how much", "how long": its span says
	 * that), and the whole section is short ({@value #SHORT_SECTION_UNITS} units and
	 * {@value #SHORT_SECTION_CHARS} characters at most) and not said already.
	 */
	static boolean asksForTheSection(String question, String sectionPath, List<Unit> units, String said) {
		if (Answerability.asksForAFact(question) || !shortAndUnsaid(sectionPath, units, said)) {
			return false;
		}
		Set<String> topic = TopicWords.of(question);
		return TopicWords.shareAll(topic, sectionPath) && TopicWords.shareAny(topic, heading(sectionPath));
	}

	/**
	 * Whether the question asks for a whole set ({@link SetQuestions}: "what's included
	 * with fibre 900", "which phones work with eSIM?") and the span's section is the set:
	 * a short section ({@value #SHORT_SECTION_UNITS} units and
	 * {@value #SHORT_SECTION_CHARS} characters at most) not said already, whose heading
	 * names one of the question's topic words ("What's included"). The one item that
	 * matched best ("One Mesh Pod Wi-Fi extender included with Fibre 900") is not all
	 * there is; a question for one fact of such a section ("is a Mesh Pod included?",
	 * "what else can I try?") keeps its span (ADR 0060).
	 */
	static boolean asksForTheSet(String question, String sectionPath, List<Unit> units, String said) {
		return SetQuestions.asks(question) && shortAndUnsaid(sectionPath, units, said)
				&& TopicWords.shareAny(TopicWords.of(question), heading(sectionPath));
	}

	/**
	 * Whether a section has a heading, is short enough to be given whole, and holds
	 * nothing the previous answer said.
	 */
	private static boolean shortAndUnsaid(String sectionPath, List<Unit> units, String said) {
		if (heading(sectionPath).isEmpty() || units.isEmpty() || units.size() > SHORT_SECTION_UNITS) {
			return false;
		}
		int chars = 0;
		for (Unit unit : units) {
			chars += unit.text().length();
			if (said(said, unit)) {
				return false;
			}
		}
		return chars <= SHORT_SECTION_CHARS;
	}

	/**
	 * Where a span that answers "how do I..." starts when it starts at one of a
	 * procedure's steps (a one-sentence block among others): at the procedure's
	 * introduction, the paragraph before its first step, so that the steps follow it
	 * ({@link #withSteps}); "How do I reset my router back to its original settings?" got
	 * the one step naming the reset pinhole. Unchanged for a span that is no step, and
	 * when the introduction was the previous answer.
	 */
	private static int procedureStart(List<Unit> units, int from, String said) {
		if (!isStep(units, from)) {
			return from;
		}
		int first = from;
		while (first > 0 && from - first < MAX_LIST_ITEMS && isStep(units, first - 1)) {
			first--;
		}
		if (first == 0) {
			return from;
		}
		int intro = first - 1;
		while (intro > 0 && !units.get(intro).startsBlock()) {
			intro--;
		}
		for (int u = intro; u < first; u++) {
			if (said(said, units.get(u))) {
				return from;
			}
		}
		return intro;
	}

	/** Whether a unit is a block of one sentence: a list item or step. */
	private static boolean isStep(List<Unit> units, int at) {
		return units.get(at).startsBlock() && (at + 1 >= units.size() || units.get(at + 1).startsBlock());
	}

	/** Whether the previous answer (normalised) said the unit already. */
	private static boolean said(String said, Unit unit) {
		return !said.isEmpty() && said.contains(AnswerGrade.normalise(unit.text()));
	}

	static List<Unit> units(String passage, Locale locale) {
		List<Unit> units = new ArrayList<>();
		StringBuilder table = new StringBuilder();
		for (String block : passage.split("\n\n")) {
			String text = block.strip();
			if (text.isEmpty()) {
				continue;
			}
			if (isTableRow(text)) {
				table.append((table.length() > 0) ? "\n" : "").append(text);
				continue;
			}
			flushTable(table, units);
			boolean first = true;
			for (String sentence : Sentences.of(text, locale)) {
				units.add(new Unit(sentence, first, ContentWords.setOf(sentence)));
				first = false;
			}
		}
		flushTable(table, units);
		return units;
	}

	private static void flushTable(StringBuilder table, List<Unit> units) {
		if (table.length() > 0) {
			units.add(new Unit(table.toString(), true, ContentWords.setOf(table.toString())));
			table.setLength(0);
		}
	}

	private static boolean isTableRow(String block) {
		return block.indexOf(" | ") > 0 && !block.contains("\n");
	}

	private static String join(List<Unit> units) {
		StringBuilder text = new StringBuilder();
		for (Unit unit : units) {
			if (text.length() > 0) {
				text.append(unit.startsBlock() ? "\n\n" : " ");
			}
			text.append(unit.text());
		}
		return text.toString();
	}

	static String heading(String sectionPath) {
		if (sectionPath == null || sectionPath.isBlank()) {
			return "";
		}
		int last = sectionPath.lastIndexOf(" > ");
		return ((last >= 0) ? sectionPath.substring(last + 3) : sectionPath).strip();
	}

	static Locale locale(String language) {
		return (language == null || language.isBlank()) ? Locale.ENGLISH : Locale.forLanguageTag(language);
	}

}
