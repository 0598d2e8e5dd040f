package dev.hearth.assistant;

import java.util.List;

/**
 * Calibrates {@code hearth.assistant.answer.min-coverage}: for a benchmark run with
 * {@code -Dhearth.assistant.answer.min-coverage=0}, what each document answer's
 * answerability verdict would be at other thresholds, so that one run shows the trade-off
 * between answering answerable questions and escalating unanswerable ones.
 */
final class CoverageSweep {

	static final double[] THRESHOLDS = { 0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7 };

	private static final Answerability JUDGE = new Answerability(0);

	private CoverageSweep() {
	}

	/**
	 * The coverage of a document answer at which it would still be given: its coverage
	 * when the other checks pass, else -1 (never given); {@code +Infinity} for an answer
	 * that is not a document answer (the threshold does not touch it).
	 */
	static double keptUpTo(String question, List<Turn> history, Answer answer) {
		if (answer.decision() != Decision.ANSWERED || !"extractive".equals(answer.answeredBy())
				|| answer.citations().isEmpty()) {
			return Double.POSITIVE_INFINITY;
		}
		String span = answer.text().replaceFirst("^\\*\\*[^*]*\\*\\*\\s*", "").replaceFirst("\\s*\\[1]$", "");
		Citation citation = answer.citations().get(0);
		String context = citation.title() + "\n" + citation.sectionPath() + "\n" + span;
		Answerability.Verdict verdict = JUDGE.judge(FollowUps.contextualise(question, history), context, span);
		return verdict.answers() ? verdict.coverage() : -1;
	}

	static boolean kept(double keptUpTo, double threshold) {
		return keptUpTo >= threshold;
	}

}
