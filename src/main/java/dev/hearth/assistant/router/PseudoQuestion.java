package dev.hearth.assistant.router;

/**
 * A question whose right FAQ entry is known without a customer having asked it: one of
 * the entry's answer sentences ({@link AnswerSentences}) with its embedding. Calibration
 * asks it against the entry's question alone. The vector is copied.
 *
 * @param label the entry it belongs to, not blank
 * @param text the sentence, not blank
 * @param vector its embedding, by the model that embedded the phrasings
 */
public record PseudoQuestion(String label, String text, float[] vector) {

	public PseudoQuestion {
		Checks.requireNonBlank(label, "label");
		Checks.requireNonBlank(text, "text");
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
