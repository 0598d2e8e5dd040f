package dev.hearth.assistant;

/**
 * Why the pipeline escalates when neither the FAQ nor the documents answer: a question
 * that came near an FAQ entry or a passage is {@link EscalationReason#LOW_CONFIDENCE} (a
 * human can likely answer it from the knowledge base), anything else
 * {@link EscalationReason#OUT_OF_SCOPE}. "Near" is a share of each threshold, named in
 * {@link AssistantProperties}. Immutable and thread-safe.
 *
 * @param routerShare the share of the router threshold the FAQ confidence must reach
 * @param similarityShare the share of the minimum passage similarity the best passage
 * must reach
 */
record EscalationRule(double routerShare, double similarityShare) {

	EscalationRule {
		if (!(routerShare >= 0 && routerShare <= 1)) {
			throw new IllegalArgumentException("routerShare must be between 0 and 1, got " + routerShare);
		}
		if (!(similarityShare >= 0 && similarityShare <= 1)) {
			throw new IllegalArgumentException("similarityShare must be between 0 and 1, got " + similarityShare);
		}
	}

	EscalationReason reason(double routerConfidence, double routerThreshold, double similarity, double minSimilarity) {
		boolean near = routerConfidence >= this.routerShare * routerThreshold
				|| similarity >= this.similarityShare * minSimilarity;
		return near ? EscalationReason.LOW_CONFIDENCE : EscalationReason.OUT_OF_SCOPE;
	}

}
