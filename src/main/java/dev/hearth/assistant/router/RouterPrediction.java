package dev.hearth.assistant.router;

import java.util.List;

/**
 * What the router says about one question.
 *
 * @param ranked the most likely FAQ entries, best first, at most 5, with calibrated
 * probabilities; their sum is at most 1, the rest being the probability that the question
 * is out of scope
 * @param confidence the number the in-scope/out-of-scope decision thresholds, in [0, 1]:
 * higher means more surely in scope (it is the calibrated probability of the best entry)
 */
public record RouterPrediction(List<ScoredLabel> ranked, double confidence) {

	public RouterPrediction {
		ranked = List.copyOf(Checks.requireNonNull(ranked, "ranked"));
		if (!(confidence >= 0 && confidence <= 1)) {
			throw new IllegalArgumentException("confidence must be in [0, 1], was " + confidence);
		}
	}

	/**
	 * Whether to answer with the best entry.
	 * @param threshold for example {@link TrainedRouter#suggestedThreshold()}
	 * @return true if there is a best entry and the confidence reaches the threshold
	 */
	public boolean inScope(double threshold) {
		return !this.ranked.isEmpty() && this.confidence >= threshold;
	}

}
