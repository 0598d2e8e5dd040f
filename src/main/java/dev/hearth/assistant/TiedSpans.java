package dev.hearth.assistant;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

import dev.hearth.knowledge.Vectors;

/**
 * Within the section chosen for an answer, which of the spans that tie on the question's
 * words answers it. The words of a section's heading and title count for every span of
 * the section, so its sentences often cover the question's words equally ("Minimum
 * terms": the terms table, "When your minimum term ends, ..." and "We remind you by email
 * 40 days before your minimum term ends" all name "minimum term"), and the first such
 * sentence won by its place alone, which says nothing of what it states. Among the
 * windows of the chosen passage that score the same as the best, of the same length, the
 * one that states the kind of fact the customer's own question asks (an amount, a time,
 * digits; {@link Answerability#factsAsked}) next to a word of the question wins, then the
 * one whose best sentence is closest in meaning to the question ("will you warn me" and
 * "we remind you"); the first of them when nothing tells them apart. The section and the
 * span's length are never changed: a span that names more of the question's words still
 * wins by its words (ADR 0077). Thread-safe: stateless.
 */
final class TiedSpans {

	/** How close two scores must be to tie: the same features give the same sum. */
	static final double TIE = 1e-9;

	private TiedSpans() {
	}

	/**
	 * The window of {@code best}'s passage that answers among those tied with it.
	 * @param question the self-contained question (a follow-up's last sentence is the
	 * customer's own question)
	 * @param vector the question's embedding, or {@code null} (then no meaning is
	 * weighed)
	 * @param windows every candidate window, of all passages, in their order
	 * @param best the first window with the best score
	 * @param excluded a window that may not answer (it only sends the reader elsewhere)
	 * @param scorer a window's score
	 * @param embed the embeddings of knowledge text (cached), or {@code null}
	 */
	static SpanWindows.Window broken(String question, float[] vector, List<SpanWindows.Window> windows,
			SpanWindows.Window best, Predicate<SpanWindows.Window> excluded,
			ToDoubleFunction<SpanWindows.Window> scorer, Function<String, float[]> embed) {
		double bestScore = scorer.applyAsDouble(best);
		List<SpanWindows.Window> tied = new ArrayList<>();
		for (SpanWindows.Window window : windows) {
			if (window.units() == best.units() && window.to() - window.from() == best.to() - best.from()
					&& Math.abs(scorer.applyAsDouble(window) - bestScore) <= TIE && !excluded.test(window)) {
				tied.add(window);
			}
		}
		if (tied.size() < 2) {
			return best;
		}
		List<Pattern> facts = Answerability.factsAsked(FactSpans.own(question));
		Set<String> topic = Answerability.topicWords(question);
		if (!facts.isEmpty()) {
			List<SpanWindows.Window> stating = tied.stream().filter((w) -> states(w, facts, topic)).toList();
			if (!stating.isEmpty()) {
				tied = stating;
			}
		}
		if (tied.size() < 2 || vector == null || vector.length == 0 || embed == null) {
			return tied.get(0);
		}
		SpanWindows.Window closest = tied.get(0);
		double closestSimilarity = Double.NEGATIVE_INFINITY;
		for (SpanWindows.Window window : tied) {
			double similarity = Double.NEGATIVE_INFINITY;
			for (int u = window.from(); u <= window.to(); u++) {
				similarity = Math.max(similarity, Vectors.cosine(vector, embed.apply(window.units().get(u).text())));
			}
			if (similarity > closestSimilarity) {
				closest = window;
				closestSimilarity = similarity;
			}
		}
		return closest;
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
