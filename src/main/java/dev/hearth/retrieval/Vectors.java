package dev.hearth.retrieval;

/**
 * Checks and normalises embedding vectors. Stateless.
 */
final class Vectors {

	private Vectors() {
	}

	/**
	 * A unit-length copy of {@code vector}, after checking its dimension and values.
	 * @throws IllegalArgumentException if the dimension is wrong, a value is not finite,
	 * or every value is zero
	 */
	static float[] normalisedCopy(float[] vector, int dimensions) {
		if (vector.length != dimensions) {
			throw new IllegalArgumentException(
					"vector has " + vector.length + " dimensions, index expects " + dimensions);
		}
		double sumOfSquares = 0;
		for (float value : vector) {
			if (!Float.isFinite(value)) {
				throw new IllegalArgumentException("vector must not contain NaN or infinite values");
			}
			sumOfSquares += (double) value * value;
		}
		if (sumOfSquares == 0) {
			throw new IllegalArgumentException("vector must not be all zeros");
		}
		double norm = Math.sqrt(sumOfSquares);
		float[] normalised = new float[vector.length];
		for (int i = 0; i < vector.length; i++) {
			normalised[i] = (float) (vector[i] / norm);
		}
		return normalised;
	}

}
