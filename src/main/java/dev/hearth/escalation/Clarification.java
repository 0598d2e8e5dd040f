package dev.hearth.escalation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.hearth.assistant.Answer;
import dev.hearth.assistant.CloseCandidates;
import dev.hearth.assistant.TopicWords;
import dev.hearth.knowledge.FaqEntry;

/**
 * Picks the options of a clarifying question from the router's ranked FAQ candidates: the
 * best candidate and those close to it, at most {@value #MAX} with distinct questions.
 * Close means on the candidates' own scale, whether that is a probability or a similarity
 * ({@link CloseCandidates}: at least 75% of the best score, no more than 0.15 below it,
 * and at least 0.05). The question must be about the options: at least one option's entry
 * (question, phrasings or answer) shares a topic word with it (candidates that are merely
 * close to each other, none about the question, give no options; "money" may still offer
 * "How can I pay my bill?" next to the refund entry that mentions money). Entries
 * customers may not see are never offered (the caller's lookup filters them). Fewer than
 * two such candidates give no options: there is nothing to choose between. Stateless.
 */
final class Clarification {

	static final int MAX = 3;

	private Clarification() {
	}

	/**
	 * The options, best first; empty when fewer than two candidates are close and about
	 * the question.
	 * @param question what the customer asked (an empty question skips the topic check)
	 * @param entries looks an FAQ entry customers may see up by id (an entry that no
	 * longer exists, or is not for customers, is skipped)
	 */
	static List<ClarifyOption> options(String question, List<Answer.Candidate> ranked,
			Function<String, Optional<FaqEntry>> entries) {
		if (ranked == null || ranked.isEmpty()) {
			return List.of();
		}
		double best = ranked.stream().mapToDouble(Answer.Candidate::probability).max().orElse(0);
		Set<String> asked = TopicWords.of((question != null) ? question : "");
		List<ClarifyOption> options = new ArrayList<>();
		Set<String> questions = new HashSet<>();
		boolean about = false;
		for (Answer.Candidate candidate : ranked) {
			if (options.size() == MAX) {
				break;
			}
			double score = candidate.probability();
			Optional<FaqEntry> entry = entries.apply(candidate.faqId())
				.filter((e) -> CloseCandidates.close(score, best) || CloseCandidates.named(question, phrasings(e)))
				.filter((e) -> questions.add(e.question().strip().toLowerCase(Locale.ROOT)));
			if (entry.isPresent()) {
				options.add(new ClarifyOption(entry.get().id(), entry.get().question().strip()));
				about |= asked.isEmpty() || TopicWords.shareAny(asked, about(entry.get()));
			}
		}
		return (options.size() >= 2 && about) ? List.copyOf(options) : List.of();
	}

	private static String phrasings(FaqEntry entry) {
		return entry.question() + "\n" + String.join("\n", entry.examples());
	}

	private static String about(FaqEntry entry) {
		return entry.question() + "\n" + String.join("\n", entry.examples()) + "\n" + entry.answer();
	}

}
