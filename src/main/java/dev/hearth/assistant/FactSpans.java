package dev.hearth.assistant;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Within the section chosen for an answer, the span that states the length of time the
 * question asks for ("how long", a notice period, a minimum term) as a number of minutes,
 * days, months or years. The section is chosen as before ({@link ExtractiveAnswers});
 * only when no unit of its best span states one next to a word of the question ("When
 * your minimum term ends, your contract continues month by month" for "how long is the
 * minimum contract") is the span moved to the best-scoring one of the same passage that
 * has such a unit (the table of minimum terms, kept whole as one unit). A section without
 * one keeps its span (ADR 0053). Thread-safe: stateless.
 */
final class FactSpans {

	/** A question for a length of time. */
	private static final Pattern LENGTH_ASKED = Pattern.compile(
			"\\b(how long|how much notice|notice period|minimum term|contract length|wie lange)\\b|(frist|laufzeit)\\b",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	/** A length of time stated as a number: "24 months", "30-day", "10 working days". */
	private static final Pattern LENGTH = Pattern.compile(
			"(\\d+|\\b(one|two|three|four|five|six|seven|eight|nine|ten"
					+ "|eleven|twelve|fourteen|thirty))[-\\s]?((working|business|calendar|full)[-\\s])?"
					+ "(minutes?|hours?|days?|weeks?|months?|years?|stunden|tage[n]?|wochen|monate[n]?|jahre[n]?)\\b",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	/**
	 * Where the customer's own question starts in a question read with the one before.
	 */
	private static final Pattern LAST_SENTENCE = Pattern.compile("[^.?!]*[.?!]*\\s*$");

	private FactSpans() {
	}

	/**
	 * The length of time the customer's own question asks for, as the pattern a unit that
	 * states it matches, or {@code null} when it asks for none. A follow-up read with the
	 * question before it ("how long does a refund take? and how do I get one?") asks what
	 * its own last sentence asks.
	 */
	static Pattern asked(String question) {
		return LENGTH_ASKED.matcher(own(question)).find() ? LENGTH : null;
	}

	/**
	 * The customer's own question in a question read with the one before: its last
	 * sentence.
	 */
	static String own(String question) {
		Matcher last = LAST_SENTENCE.matcher(question.strip());
		return last.find() && !last.group().isBlank() ? last.group() : question;
	}

	/**
	 * The span of {@code best}'s passage that states the fact asked for: {@code best}
	 * itself when it does, or when the question asks for no such fact, or when no span of
	 * its passage does; else the best of those that do, by {@code scorer}.
	 * @param question the self-contained question
	 * @param windows every candidate window, of all passages
	 * @param best the window chosen
	 * @param excluded a window that may not answer (it only sends the reader elsewhere,
	 * or is a signpost section's)
	 * @param scorer a window's score
	 */
	static SpanWindows.Window stating(String question, List<SpanWindows.Window> windows, SpanWindows.Window best,
			Predicate<SpanWindows.Window> excluded, ToDoubleFunction<SpanWindows.Window> scorer) {
		return stating(asked(question), question, windows, best, excluded, scorer);
	}

	/**
	 * As {@link #stating(String, List, SpanWindows.Window, Predicate, ToDoubleFunction)}
	 * for a fact the caller read from the question: the pattern of a unit that states it,
	 * or {@code null} when the question asks for none.
	 */
	static SpanWindows.Window stating(Pattern fact, String question, List<SpanWindows.Window> windows,
			SpanWindows.Window best, Predicate<SpanWindows.Window> excluded,
			ToDoubleFunction<SpanWindows.Window> scorer) {
		Set<String> topic = Answerability.topicWords(question);
		if (fact == null || topic.isEmpty() || states(best, fact, topic)) {
			return best;
		}
		SpanWindows.Window stating = bestOfPassage(windows, best.units(),
				(window) -> !excluded.test(window) && states(window, fact, topic), scorer);
		return (stating != null) ? stating : best;
	}

	/**
	 * How far below the best window's score a window that states the charge asked may
	 * score and still replace it ({@link #statingCharge}).
	 */
	static final double CHARGE_MARGIN = 0.1;

	/**
	 * The window that states whether the thing asked about costs anything
	 * ({@link AskedRelation}): {@code best} itself when it states it, or when the
	 * customer's own question asks no charge; else the best-scoring window of any passage
	 * that states it and scores at most {@link #CHARGE_MARGIN} below {@code best}; else
	 * {@code best}. "and is installation free?" after the fibre prices chose the table of
	 * plans, which states prices but not installation's; "Standard installation, free on
	 * 24-month plans" scored 0.03 below it. The charge is checked again when the span is
	 * given (ADR 0076); this only keeps a close runner-up that states it from being
	 * discarded with the best one (ADR 0083, ADR 0085).
	 * @param question the self-contained question (the customer's own words last)
	 * @param windows every candidate window, of all passages
	 * @param best the window chosen
	 * @param excluded a window that may not answer (it only sends the reader elsewhere)
	 * @param scorer a window's score
	 */
	static SpanWindows.Window statingCharge(String question, List<SpanWindows.Window> windows, SpanWindows.Window best,
			Predicate<SpanWindows.Window> excluded, ToDoubleFunction<SpanWindows.Window> scorer) {
		String own = own(question);
		if (AskedRelation.asked(own) != AskedRelation.Relation.CHARGED || statesCharge(question, own, best)) {
			return best;
		}
		double floor = scorer.applyAsDouble(best) - CHARGE_MARGIN;
		SpanWindows.Window stating = best;
		double score = Double.NEGATIVE_INFINITY;
		for (SpanWindows.Window window : windows) {
			if (window == best || excluded.test(window)) {
				continue;
			}
			double windowScore = scorer.applyAsDouble(window);
			if (windowScore >= floor && windowScore > score && statesCharge(question, own, window)) {
				stating = window;
				score = windowScore;
			}
		}
		return stating;
	}

	private static boolean statesCharge(String question, String own, SpanWindows.Window window) {
		StringBuilder text = new StringBuilder();
		for (int u = window.from(); u <= window.to(); u++) {
			text.append(window.units().get(u).text()).append('\n');
		}
		String around = Titles.clean(window.passage().hit().title()) + "\n" + window.passage().hit().sectionPath();
		return AskedRelation.statedIn(question, own, around, text.toString().strip());
	}

	/**
	 * The best-scoring window of one passage (its units) that qualifies, or {@code null}
	 * when none does.
	 */
	static SpanWindows.Window bestOfPassage(List<SpanWindows.Window> windows, List<ExtractiveAnswers.Unit> units,
			Predicate<SpanWindows.Window> qualifies, ToDoubleFunction<SpanWindows.Window> scorer) {
		SpanWindows.Window stating = null;
		double score = Double.NEGATIVE_INFINITY;
		for (SpanWindows.Window window : windows) {
			if (window.units() != units || !qualifies.test(window)) {
				continue;
			}
			double windowScore = scorer.applyAsDouble(window);
			if (windowScore > score) {
				stating = window;
				score = windowScore;
			}
		}
		return stating;
	}

	/**
	 * Whether a unit of the window states the fact and names a topic word of the
	 * question.
	 */
	static boolean states(SpanWindows.Window window, Pattern fact, Set<String> topic) {
		for (int u = window.from(); u <= window.to(); u++) {
			ExtractiveAnswers.Unit unit = window.units().get(u);
			if (fact.matcher(unit.text()).find() && unit.words().stream().anyMatch(topic::contains)) {
				return true;
			}
		}
		return false;
	}

}
