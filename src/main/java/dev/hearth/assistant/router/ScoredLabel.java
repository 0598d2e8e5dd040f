package dev.hearth.assistant.router;

/**
 * An FAQ entry id with the router's calibrated probability that the question belongs to
 * it.
 *
 * @param label the FAQ entry id
 * @param probability in [0, 1]
 */
public record ScoredLabel(String label, double probability) {

	public ScoredLabel {
		Checks.requireNonBlank(label, "label");
		if (!(probability >= 0 && probability <= 1)) {
			throw new IllegalArgumentException("probability must be in [0, 1], was " + probability);
		}
	}

}
