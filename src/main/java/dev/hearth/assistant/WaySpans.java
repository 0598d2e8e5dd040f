package dev.hearth.assistant;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * For a question that asks how or where to do something ({@link AskedWay}), the span that
 * states the way: when the chosen span states none (no unit states a way or a place and
 * names a topic word of the question), it moves to the best-scoring window that does, in
 * the same passage, or else in another passage whose best window scored within
 * {@link #SLACK} of the chosen one ("how do i join the priority care register": the
 * outage page's "join our free Priority Care register" names it, the accessibility page's
 * "To join, call …" says how). A span that states a way, and a question that asks none,
 * keep the span chosen (ADR 0080). Thread-safe: stateless.
 */
final class WaySpans {

	/** How much less a passage's best window may score for its way to be given. */
	static final double SLACK = 0.05;

	private WaySpans() {
	}

	/**
	 * The window that states the way asked: {@code best} when it does, when the question
	 * asks no way or when no window qualifies (see the type's Javadoc).
	 * @param question the self-contained question (its last sentence is the customer's
	 * own)
	 * @param windows every candidate window, of all passages
	 * @param best the window chosen
	 * @param excluded a window that may not answer
	 * @param scorer a window's score
	 */
	static SpanWindows.Window stating(String question, List<SpanWindows.Window> windows, SpanWindows.Window best,
			Predicate<SpanWindows.Window> excluded, ToDoubleFunction<SpanWindows.Window> scorer) {
		if (!AskedWay.asks(FactSpans.own(question))) {
			return best;
		}
		Set<String> topic = Answerability.topicWords(question);
		if (topic.isEmpty() || states(best, topic)) {
			return best;
		}
		SpanWindows.Window inPassage = bestStating(windows, best.units(), topic, excluded, scorer);
		if (inPassage != null) {
			return inPassage;
		}
		double least = scorer.applyAsDouble(best) - SLACK;
		SpanWindows.Window elsewhere = null;
		double score = Double.NEGATIVE_INFINITY;
		for (SpanWindows.Window window : windows) {
			if (window.units() == best.units() || excluded.test(window) || scorer.applyAsDouble(window) < least) {
				continue;
			}
			SpanWindows.Window stating = bestStating(windows, window.units(), topic, excluded, scorer);
			if (stating != null && scorer.applyAsDouble(stating) > score) {
				elsewhere = stating;
				score = scorer.applyAsDouble(stating);
			}
		}
		return (elsewhere != null) ? elsewhere : best;
	}

	private static SpanWindows.Window bestStating(List<SpanWindows.Window> windows, List<ExtractiveAnswers.Unit> units,
			Set<String> topic, Predicate<SpanWindows.Window> excluded, ToDoubleFunction<SpanWindows.Window> scorer) {
		SpanWindows.Window stating = null;
		double score = Double.NEGATIVE_INFINITY;
		for (SpanWindows.Window window : windows) {
			if (window.units() != units || excluded.test(window) || !states(window, topic)) {
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
	 * Whether a unit of the window states a way or a place and names a topic word of the
	 * question.
	 */
	static boolean states(SpanWindows.Window window, Set<String> topic) {
		for (int u = window.from(); u <= window.to(); u++) {
			ExtractiveAnswers.Unit unit = window.units().get(u);
			if (AskedWay.statesWay(unit.text()) && unit.words().stream().anyMatch(topic::contains)) {
				return true;
			}
		}
		return false;
	}

}
