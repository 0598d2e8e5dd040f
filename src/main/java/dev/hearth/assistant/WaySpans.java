package dev.hearth.assistant;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * For a question that asks how or where to do something ({@link AskedWay}), the span of
 * the chosen section that states the way: when the chosen span states none (no unit
 * states a way or a place and names a topic word of the question), it moves to the
 * best-scoring window of the same passage that does ("where do I find the EID on my
 * phone": "To check any phone, dial *#06#", not "If the screen shows an EID number, your
 * phone supports eSIM"). The section is chosen as before; a section that states no way, a
 * span that states one, and a question that asks none keep the span chosen. Moving to
 * another passage whose best window scored within 0.05 was measured and not adopted (ADR
 * 0080). Thread-safe: stateless.
 */
final class WaySpans {

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
		SpanWindows.Window stating = FactSpans.bestOfPassage(windows, best.units(),
				(window) -> !excluded.test(window) && states(window, topic), scorer);
		return (stating != null) ? stating : best;
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
