package dev.hearth.assistant.router;

/**
 * An FAQ entry's answer as the matcher uses it: its text (for term matching) and the
 * embedding of its opening sentences (a pseudo-phrasing: customers often ask in the
 * answer's words rather than the question's). The vector is copied.
 *
 * @param label the FAQ entry id, not blank
 * @param text the answer, not null (may be empty)
 * @param language the entry's ISO 639-1 language code, or {@code null} for English
 * @param vector the embedding of the answer's opening, or {@code null} when there is none
 */
public record EntryAnswer(String label, String text, String language, float[] vector) {

	public EntryAnswer {
		Checks.requireNonBlank(label, "label");
		Checks.requireNonNull(text, "text");
		vector = (vector == null) ? null : Checks.requireVector(vector, "vector").clone();
	}

	@Override
	public float[] vector() {
		return (this.vector == null) ? null : this.vector.clone();
	}

	/** The vector without a copy, for this package's read-only use. */
	float[] vectorView() {
		return this.vector;
	}

}
