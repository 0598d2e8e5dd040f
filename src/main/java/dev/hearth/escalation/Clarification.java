package dev.hearth.escalation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.hearth.assistant.Answer;
import dev.hearth.knowledge.FaqEntry;

/**
 * Picks the options of a clarifying question from the router's ranked FAQ candidates: the
 * best candidate and those close to it (at least {@value #CLOSE_SHARE} of its probability
 * and at least {@value #FLOOR}), at most {@value #MAX} with distinct questions. Fewer
 * than two close candidates give no options: there is nothing to choose between.
 * Stateless.
 */
final class Clarification {

	static final double CLOSE_SHARE = 0.5;

	static final double FLOOR = 0.05;

	static final int MAX = 3;

	private Clarification() {
	}

	/**
	 * The options, best first; empty when fewer than two candidates are close.
	 * @param entries looks an FAQ entry up by id (an entry that no longer exists is
	 * skipped)
	 */
	static List<ClarifyOption> options(List<Answer.Candidate> ranked, Function<String, Optional<FaqEntry>> entries) {
		if (ranked == null || ranked.isEmpty()) {
			return List.of();
		}
		double best = ranked.stream().mapToDouble(Answer.Candidate::probability).max().orElse(0);
		List<ClarifyOption> options = new ArrayList<>();
		Set<String> questions = new HashSet<>();
		for (Answer.Candidate candidate : ranked) {
			if (options.size() == MAX) {
				break;
			}
			if (candidate.probability() < FLOOR || candidate.probability() < best * CLOSE_SHARE) {
				continue;
			}
			entries.apply(candidate.faqId())
				.filter((entry) -> questions.add(entry.question().strip().toLowerCase(java.util.Locale.ROOT)))
				.ifPresent((entry) -> options.add(new ClarifyOption(entry.id(), entry.question().strip())));
		}
		return (options.size() >= 2) ? List.copyOf(options) : List.of();
	}

}
