package dev.hearth.escalation;

/** Cosine similarity of two vectors of the same length; 0 if either is all zeros. */
final class Cosine {

	private Cosine() {
	}

	static double of(float[] a, float[] b) {
		double dot = 0;
		double na = 0;
		double nb = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
			na += a[i] * a[i];
			nb += b[i] * b[i];
		}
		return (na == 0 || nb == 0) ? 0 : dot / Math.sqrt(na * nb);
	}

}
