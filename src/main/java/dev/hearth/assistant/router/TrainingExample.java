package dev.hearth.assistant.router;

/**
 * One phrasing of an FAQ entry: the entry's id as label, the customer's words and their
 * sentence embedding (for Hearth: all-MiniLM-L6-v2, 384 dimensions, unit length). The
 * vector is copied, so a caller may reuse its array.
 *
 * @param label the FAQ entry id, not blank
 * @param text the phrasing, not null (may be empty)
 * @param vector the phrasing's embedding, not empty, finite
 */
public record TrainingExample(String label, String text, float[] vector) {

	public TrainingExample {
		Checks.requireNonBlank(label, "label");
		Checks.requireNonNull(text, "text");
		vector = Checks.requireVector(vector, "vector").clone();
	}

	@Override
	public float[] vector() {
		return this.vector.clone();
	}

	/** The vector without a copy, for this package's read-only use. */
	float[] vectorView() {
		return this.vector;
	}

}
