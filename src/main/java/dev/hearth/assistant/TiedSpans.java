package dev.hearth.assistant;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

/**
 * Within the section chosen for an answer, which of the spans that tie on the question's
 * words answers it. The words of a section's heading and title count for every span of
 * the section, so its sentences often cover the question's words equally, and the first
 * of them won by its place alone, which says nothing of what it states: "how much is a
 * guest pass?" got "Guest pass holders must be 16 or over." before "A guest pass costs
 * €10 per visit.", and the kind-of-fact check then left the whole section out. Among the
 * windows of the chosen passage that score the same as the best and are as long, the
 * first that states each kind of fact the customer's own question asks (an amount, a
 * time, digits; {@link Answerability#factsAsked}) in a unit that names a word of the
 * question wins; the best stays when it states them, when none does, or when the question
 * asks no such fact. The section and the span's length never change: a span that names
 * more of the question's words still wins by its words (ADR 0077). Thread-safe:
 * stateless.
 */
final class TiedSpans {

	/** How close two scores must be to tie: the same features give the same sum. */
	static final double TIE = 1e-9;

	private TiedSpans() {
	}

	/**
	 * The window of {@code best}'s passage, tied with it, that states the kind of fact
	 * asked; {@code best} itself when it does or no tied window does.
	 * @param question the self-contained question (a follow-up's last sentence is the
	 * customer's own question, {@link FactSpans#own})
	 * @param windows every candidate window, of all passages, in their order
	 * @param best the first window with the best score
	 * @param excluded a window that may not answer (it only sends the reader elsewhere)
	 * @param scorer a window's score
	 */
	static SpanWindows.Window stating(String question, List<SpanWindows.Window> windows, SpanWindows.Window best,
			Predicate<SpanWindows.Window> excluded, ToDoubleFunction<SpanWindows.Window> scorer) {
		List<Pattern> facts = Answerability.factsAsked(FactSpans.own(question));
		Set<String> topic = Answerability.topicWords(question);
		if (facts.isEmpty() || topic.isEmpty() || states(best, facts, topic)) {
			return best;
		}
		double bestScore = scorer.applyAsDouble(best);
		for (SpanWindows.Window window : windows) {
			if (window.units() == best.units() && window.to() - window.from() == best.to() - best.from()
					&& Math.abs(scorer.applyAsDouble(window) - bestScore) <= TIE && !excluded.test(window)
					&& states(window, facts, topic)) {
				return window;
			}
		}
		return best;
	}

	/**
	 * Whether each kind of fact is stated in a unit of the window that names a topic word
	 * of the question.
	 */
	static boolean states(SpanWindows.Window window, List<Pattern> facts, Set<String> topic) {
		for (Pattern fact : facts) {
			if (!FactSpans.states(window, fact, topic)) {
				return false;
			}
		}
		return true;
	}

}
